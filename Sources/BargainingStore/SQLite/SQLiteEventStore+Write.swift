import Bargaining
import GRDB

// MARK: - Writes: one IMMEDIATE transaction per decision

extension SQLiteEventStore {
    public func create(_ events: [Event], summary: NegotiationSummary) async throws(StoreError) {
        AppendContract.check(events, of: summary.id, after: 0, summary: summary)
        let bodies = events.map(\.canonicalJSON)
        let recordedAt = EventRow.now()
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM negotiations WHERE id = ?)", arguments: [summary.id]) == true {
                throw StoreError.alreadyExists(id: summary.id)
            }
            try db.cachedStatement(sql: """
                INSERT INTO negotiations (id, level, workflow_name, workflow_version, workflow_digest, title, employee_party,
                                          employer_party, district, street, step, version, last_day)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    summary.id, summary.level.rawValue, summary.workflow.name, summary.workflow.version, summary.workflow.digest,
                    summary.title, summary.employeeParty, summary.employerParty, summary.district, summary.street,
                    summary.step, summary.version, summary.lastDay.description,
                ])
            try Self.insert(EventRow.chain(events, bodies: bodies, of: summary.id, after: HashChain.origin, recordedAt: recordedAt), db)
            try Self.replaceDependents(of: summary, db)
        }
    }

    public func append(_ events: [Event], to id: String, expectedVersion: Int, summary: NegotiationSummary) async throws(StoreError) {
        AppendContract.check(events, of: id, after: expectedVersion, summary: summary)
        let bodies = events.map(\.canonicalJSON)
        let recordedAt = EventRow.now()
        try await write { db in
            guard let version = try Int.fetchOne(db, sql: "SELECT version FROM negotiations WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(id: id)
            }
            guard version == expectedVersion else {
                throw StoreError.conflict(id: id, expected: expectedVersion, actual: version)
            }
            guard let previous = try String.fetchOne(
                db, sql: "SELECT hash FROM events WHERE negotiation_id = ? AND sequence = ?", arguments: [id, version]) else {
                throw StoreError.corrupt(reason: "negotiation \(id) is at version \(version) but has no event \(version); run `bargain verify \(id)`")
            }
            try Self.insert(EventRow.chain(events, bodies: bodies, of: id, after: previous, recordedAt: recordedAt), db)
            try db.cachedStatement(sql: """
                UPDATE negotiations SET level = ?, workflow_name = ?, workflow_version = ?, workflow_digest = ?, title = ?,
                    employee_party = ?, employer_party = ?, district = ?, street = ?, step = ?, version = ?, last_day = ?
                WHERE id = ?
                """).execute(arguments: [
                    summary.level.rawValue, summary.workflow.name, summary.workflow.version, summary.workflow.digest, summary.title,
                    summary.employeeParty, summary.employerParty, summary.district, summary.street, summary.step,
                    summary.version, summary.lastDay.description, id,
                ])
            try Self.replaceDependents(of: summary, db)
        }
    }

    static func insert(_ rows: [EventRow], _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO events (negotiation_id, sequence, on_day, recorded_at, body, hash, prev_hash) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
            try statement.execute(arguments: [row.negotiationID, row.sequence, row.onDay, row.recordedAt, row.body, row.hash, row.previousHash])
        }
    }

    /// The deadline and contract rows follow the summary exactly: replaced, not patched.
    static func replaceDependents(of summary: NegotiationSummary, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM deadlines WHERE negotiation_id = ?").execute(arguments: [summary.id])
        let deadline = try db.cachedStatement(sql: "INSERT INTO deadlines (negotiation_id, position, name, due, opened_on) VALUES (?, ?, ?, ?, ?)")
        for (position, open) in summary.deadlines.enumerated() {
            try deadline.execute(arguments: [summary.id, position, open.name, open.due.description, open.openedOn.description])
        }
        try db.cachedStatement(sql: "DELETE FROM contract_records WHERE negotiation_id = ?").execute(arguments: [summary.id])
        guard let contract = summary.contract else { return }
        try db.cachedStatement(sql: """
            INSERT INTO contract_records (contract_id, negotiation_id, level, title, signed_on, effective_on, expires_on, terminated_on, renews)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                contract.contractID, summary.id, contract.level.rawValue, contract.title, contract.signedOn?.description,
                contract.effectiveOn?.description, contract.expiresOn?.description, contract.terminatedOn?.description, contract.renews,
            ])
        let enterprise = try db.cachedStatement(sql: "INSERT INTO contract_enterprises (contract_id, position, credit_code) VALUES (?, ?, ?)")
        for (position, code) in contract.enterprises.enumerated() {
            try enterprise.execute(arguments: [contract.contractID, position, code.description])
        }
    }

    /// Runs `body` in an IMMEDIATE transaction: the write lock is taken before the version is
    /// read, so no other process can append between the check and the insert.
    func write(_ body: @escaping @Sendable (Database) throws -> Void) async throws(StoreError) {
        do {
            try await pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try body(db)
                    return .commit
                }
            }
        } catch {
            throw StoreError(sqlite: error, path: path)
        }
    }
}
