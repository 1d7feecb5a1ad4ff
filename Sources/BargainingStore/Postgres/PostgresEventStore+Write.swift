import Bargaining
import PostgresNIO

// MARK: - Writes: one transaction per decision (a renewal's two negotiations included), rows locked first

extension PostgresEventStore {
    public func commit(_ writes: [NegotiationWrite]) async throws(StoreError) {
        AppendContract.check(writes)
        let bodies = writes.map { $0.events.map(\.canonicalJSON) }
        let recordedAt = EventRow.now()
        let logger = self.logger
        do {
            try await untypedTransaction { connection in
                for (write, bodies) in zip(writes, bodies) {
                    let previous = write.creates ? try await Self.claim(write.summary, connection, logger: logger)
                        : try await Self.head(of: write, connection, logger: logger)
                    try await Self.insert(EventRow.chain(write.events, bodies: bodies, of: write.id, after: previous, recordedAt: recordedAt),
                                          connection, logger: logger)
                    if !write.creates { try await Self.update(write.summary, connection, logger: logger) }
                    try await Self.replaceDependents(of: write.summary, connection, logger: logger)
                }
            }
        } catch {
            // The primary key caught a writer the row lock did not (which the lock makes rare):
            // still a lost race, and reported as one.
            if Self.isUniqueViolation(error), let append = writes.first(where: { !$0.creates }) {
                throw .conflict(id: append.id, expected: append.expectedVersion, actual: try await currentVersion(of: append.id))
            }
            throw StoreError(postgres: error, endpoint: endpoint)
        }
    }

    /// Inserts a new negotiation's row; the hash its first event chains from.
    static func claim(_ summary: NegotiationSummary, _ connection: PostgresConnection, logger: Logger) async throws -> String {
        var inserted = false
        for try await _ in try await connection.query("""
            INSERT INTO negotiations (id, level, workflow_name, workflow_version, workflow_digest, title, employee_party,
                                      employer_party, district, street, step, version, last_day)
            VALUES (\(summary.id), \(summary.level.rawValue), \(summary.workflow.name), \(summary.workflow.version),
                    \(summary.workflow.digest), \(summary.title), \(summary.employeeParty), \(summary.employerParty),
                    \(summary.district), \(summary.street), \(summary.step), \(summary.version), \(summary.lastDay.description))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, logger: logger) { inserted = true }
        guard inserted else { throw StoreError.alreadyExists(id: summary.id) }
        return HashChain.origin
    }

    /// Locks the negotiation's row and checks it is still at the version the write was decided
    /// against; the hash of its last event, which the new ones chain from.
    static func head(of write: NegotiationWrite, _ connection: PostgresConnection, logger: Logger) async throws -> String {
        let id = write.id
        var head: (version: Int, hash: String?)?
        for try await row in try await connection.query("""
            SELECT n.version, e.hash FROM negotiations n
            LEFT JOIN events e ON e.negotiation_id = n.id AND e.sequence = n.version
            WHERE n.id = \(id) FOR UPDATE OF n
            """, logger: logger).decode((Int, String?).self) { head = row }
        guard let head else { throw StoreError.notFound(id: id) }
        guard head.version == write.expectedVersion else {
            throw StoreError.conflict(id: id, expected: write.expectedVersion, actual: head.version)
        }
        guard let previous = head.hash else {
            throw StoreError.corrupt(reason: "negotiation \(id) is at version \(head.version) but has no event \(head.version); run `bargain verify \(id)`")
        }
        return previous
    }

    static func update(_ summary: NegotiationSummary, _ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE negotiations SET level = \(summary.level.rawValue), workflow_name = \(summary.workflow.name),
                workflow_version = \(summary.workflow.version), workflow_digest = \(summary.workflow.digest),
                title = \(summary.title), employee_party = \(summary.employeeParty), employer_party = \(summary.employerParty),
                district = \(summary.district), street = \(summary.street), step = \(summary.step),
                version = \(summary.version), last_day = \(summary.lastDay.description)
            WHERE id = \(summary.id)
            """, logger: logger)
    }

    func currentVersion(of id: String) async throws(StoreError) -> Int {
        let logger = self.logger
        let version = try await withConnection { connection in
            var version: Int?
            for try await value in try await connection.query("SELECT version FROM negotiations WHERE id = \(id)", logger: logger)
                .decode(Int.self) { version = value }
            return version
        }
        guard let version else { throw .notFound(id: id) }
        return version
    }

    static func insert(_ rows: [EventRow], _ connection: PostgresConnection, logger: Logger) async throws {
        var binds = PostgresBindings(capacity: rows.count * 7)
        var values: [String] = []
        for row in rows {
            let first = binds.count + 1
            binds.append(row.negotiationID)
            binds.append(row.sequence)
            binds.append(row.onDay)
            binds.append(row.recordedAt)
            binds.append(row.body)
            binds.append(row.hash)
            binds.append(row.previousHash)
            values.append("($\(first), $\(first + 1), $\(first + 2), $\(first + 3), $\(first + 4)::json, $\(first + 5), $\(first + 6))")
        }
        try await connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO events (negotiation_id, sequence, on_day, recorded_at, body, hash, prev_hash) VALUES \(values.joined(separator: ", "))
            """, binds: binds), logger: logger)
    }

    /// The deadline and contract rows follow the summary exactly: replaced, not patched.
    static func replaceDependents(of summary: NegotiationSummary, _ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM deadlines WHERE negotiation_id = \(summary.id)", logger: logger)
        if !summary.deadlines.isEmpty {
            var binds = PostgresBindings()
            var values: [String] = []
            for (position, open) in summary.deadlines.enumerated() {
                let first = binds.count + 1
                binds.append(summary.id)
                binds.append(position)
                binds.append(open.name)
                binds.append(open.due.description)
                binds.append(open.openedOn.description)
                values.append("($\(first), $\(first + 1), $\(first + 2), $\(first + 3), $\(first + 4))")
            }
            try await connection.query(PostgresQuery(unsafeSQL: """
                INSERT INTO deadlines (negotiation_id, position, name, due, opened_on) VALUES \(values.joined(separator: ", "))
                """, binds: binds), logger: logger)
        }
        try await connection.query("DELETE FROM contract_records WHERE negotiation_id = \(summary.id)", logger: logger)
        guard let contract = summary.contract else { return }
        try await connection.query("""
            INSERT INTO contract_records (contract_id, negotiation_id, level, title, signed_on, effective_on, expires_on, terminated_on, renews)
            VALUES (\(contract.contractID), \(summary.id), \(contract.level.rawValue), \(contract.title), \(contract.signedOn?.description),
                    \(contract.effectiveOn?.description), \(contract.expiresOn?.description), \(contract.terminatedOn?.description),
                    \(contract.renews))
            """, logger: logger)
        for (position, code) in contract.enterprises.enumerated() {
            try await connection.query("""
                INSERT INTO contract_enterprises (contract_id, position, credit_code) VALUES (\(contract.contractID), \(position), \(code.description))
                """, logger: logger)
        }
    }
}
