import Bargaining

/// The statements of one commit, written once for both SQL stores: the steps, the tables and
/// their columns. A store runs them in one transaction in its ``SQLDialect``: first the
/// ``checks`` (claim the request's idempotency key, claim each new negotiation's id, lock each
/// existing one and read its head), then,
/// from what they found, the ``statements(after:)`` that write the events and the projection
/// rows. Nothing in here talks to a database.
struct WritePlan {
    let writes: [NegotiationWrite]
    /// The caller's idempotency key, claimed before anything else is written.
    let request: RecordedRequest?
    let dialect: SQLDialect
    /// Each write's events as canonical JSON, encoded before the transaction to keep it short.
    let bodies: [[String]]
    let recordedAt: String

    init(_ writes: [NegotiationWrite], request: String?, dialect: SQLDialect) {
        AppendContract.check(writes)
        self.writes = writes
        self.request = request.map { RecordedRequest($0, writes: writes) }
        self.dialect = dialect
        bodies = writes.map { $0.events.map(\.canonicalJSON) }
        recordedAt = EventRow.now()
    }

    /// What a commit asks the database before it writes, one per write.
    enum Check {
        /// Inserts a new negotiation's row; it returns a row only when the id was free.
        case claim(SQLStatement)
        /// Locks an existing negotiation's row and returns its version and the hash of its event
        /// at that version.
        case head(SQLStatement)
    }

    /// What a check found.
    enum Found {
        case claimed(Bool)
        /// Nil when there is no such negotiation.
        case head(Head?)
    }

    /// A negotiation's version and the hash of its event at that version (nil when it is missing).
    typealias Head = (version: Int, hash: String?)

    var checks: [Check] {
        let claimRequest = request.map { request in
            Check.claim(dialect.statement { sql in """
                INSERT INTO requests (request_id, negotiation_id, version_before, version, opened_id, recorded_at)
                VALUES \(sql.row([.text(request.requestID), .text(request.negotiationID), .integer(request.versionBefore),
                                  .integer(request.version), .text(request.opened), .text(recordedAt)]))
                ON CONFLICT (request_id) DO NOTHING RETURNING request_id
                """ })
        }
        return (claimRequest.map { [$0] } ?? []) + writes.map { write -> Check in
            if write.creates {
                let columns = Self.negotiationColumns(write.summary)
                return .claim(dialect.statement { sql in """
                    INSERT INTO negotiations (\(columns.map(\.name).joined(separator: ", "))) VALUES \(sql.row(columns.map(\.value)))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                    """ })
            }
            return .head(dialect.statement { sql in """
                SELECT n.version, e.hash FROM negotiations n
                LEFT JOIN events e ON e.negotiation_id = n.id AND e.sequence = n.version
                WHERE n.id = \(sql.bind(.text(write.id))) \(dialect.rowLock)
                """ })
        }
    }

    /// The writes, once each check found what its write needs; otherwise the error that says why
    /// the commit is refused, and the store rolls back what the checks did.
    func statements(after found: [Found]) throws(StoreError) -> [SQLStatement] {
        precondition(found.count == writes.count + (request == nil ? 0 : 1), "one finding per check")
        var found = found[...]
        if let request {
            guard case .claimed(true) = found.removeFirst() else { throw .requestAlreadyRecorded(id: request.requestID) }
        }
        let offset = found.startIndex
        var statements: [SQLStatement] = []
        for (index, write) in writes.enumerated() {
            let previous: String
            switch found[offset + index] {
            case .claimed(true):
                previous = HashChain.origin
            case .claimed(false):
                throw .alreadyExists(id: write.id)
            case .head(nil):
                throw .notFound(id: write.id)
            case .head(let head?):
                guard head.version == write.expectedVersion else {
                    throw .conflict(id: write.id, expected: write.expectedVersion, actual: head.version)
                }
                guard let hash = head.hash else {
                    throw .corrupt(reason: "negotiation \(write.id) is at version \(head.version) but has no event \(head.version); run `bargain verify \(write.id)`")
                }
                previous = hash
            }
            let rows = EventRow.chain(write.events, bodies: bodies[index], of: write.id, after: previous, recordedAt: recordedAt)
            statements.append(events(rows))
            if !write.creates { statements.append(update(write.summary)) }
            statements += dependents(of: write.summary)
        }
        return statements
    }

    // MARK: - The tables and their columns

    static func negotiationColumns(_ summary: NegotiationSummary) -> [(name: String, value: SQLValue)] {
        [("id", .text(summary.id)), ("level", .text(summary.level.rawValue)), ("workflow_name", .text(summary.workflow.name)),
         ("workflow_version", .integer(summary.workflow.version)), ("workflow_digest", .text(summary.workflow.digest)),
         ("title", .text(summary.title)), ("employee_party", .text(summary.employeeParty)),
         ("employer_party", .text(summary.employerParty)), ("district", .text(summary.district)), ("street", .text(summary.street)),
         ("step", .text(summary.step)), ("version", .integer(summary.version)), ("last_day", .text(summary.lastDay.description)),
         ("renews", .text(summary.renews)), ("ended_on", .text(summary.endedOn?.description))]
    }

    func events(_ rows: [EventRow]) -> SQLStatement {
        dialect.statement { sql in
            let values = rows.map { row in
                // Bound left to right, in column order; only the body is cast.
                let placeholders = [sql.bind(.text(row.negotiationID)), sql.bind(.integer(row.sequence)), sql.bind(.text(row.onDay)),
                                    sql.bind(.text(row.recordedAt)), sql.bind(.text(row.body)) + dialect.jsonCast,
                                    sql.bind(.text(row.hash)), sql.bind(.text(row.previousHash))]
                return "(" + placeholders.joined(separator: ", ") + ")"
            }
            return "INSERT INTO events (negotiation_id, sequence, on_day, recorded_at, body, hash, prev_hash) VALUES \(values.joined(separator: ", "))"
        }
    }

    func update(_ summary: NegotiationSummary) -> SQLStatement {
        dialect.statement { sql in
            let assignments = Self.negotiationColumns(summary).dropFirst().map { "\($0.name) = \(sql.bind($0.value))" }
            return "UPDATE negotiations SET \(assignments.joined(separator: ", ")) WHERE id = \(sql.bind(.text(summary.id)))"
        }
    }

    func delete(from table: String, of negotiation: String) -> SQLStatement {
        dialect.statement { sql in "DELETE FROM \(table) WHERE negotiation_id = \(sql.bind(.text(negotiation)))" }
    }

    /// The deadline and contract rows follow the summary exactly: replaced, not patched. A
    /// contract's enterprises go in with one statement, from one bound list.
    func dependents(of summary: NegotiationSummary) -> [SQLStatement] {
        var statements = [delete(from: "deadlines", of: summary.id)]
        if !summary.deadlines.isEmpty {
            statements.append(dialect.statement { sql in
                let values = summary.deadlines.enumerated().map { position, open in
                    sql.row([.text(summary.id), .integer(position), .text(open.name), .text(open.due.description), .text(open.openedOn.description)])
                }
                return "INSERT INTO deadlines (negotiation_id, position, name, due, opened_on) VALUES \(values.joined(separator: ", "))"
            })
        }
        statements.append(delete(from: "contract_records", of: summary.id))
        guard let contract = summary.contract else { return statements }
        statements.append(dialect.statement { sql in """
            INSERT INTO contract_records (contract_id, negotiation_id, level, title, signed_on, effective_on, expires_on, terminated_on, renews)
            VALUES \(sql.row([.text(contract.contractID), .text(summary.id), .text(contract.level.rawValue), .text(contract.title),
                              .text(contract.signedOn?.description), .text(contract.effectiveOn?.description),
                              .text(contract.expiresOn?.description), .text(contract.terminatedOn?.description), .text(contract.renews)]))
            """ })
        guard !contract.enterprises.isEmpty else { return statements }
        statements.append(dialect.statement { sql in
            let id = sql.bind(.text(contract.contractID))
            let list = dialect.listRows(sql.bind(.textList(contract.enterprises.map(\.description))))
            return "INSERT INTO contract_enterprises (contract_id, position, credit_code) SELECT \(id), list.* FROM (\(list)) AS list"
        })
        return statements
    }
}
