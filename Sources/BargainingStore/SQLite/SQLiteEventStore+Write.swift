import Bargaining
import GRDB

// MARK: - Writes: one IMMEDIATE transaction per decision (a renewal's two negotiations included)

extension SQLiteEventStore {
    public func commit(_ writes: [NegotiationWrite]) async throws(StoreError) {
        AppendContract.check(writes)
        let bodies = writes.map { $0.events.map(\.canonicalJSON) }
        let recordedAt = EventRow.now()
        try await write { db in
            for (write, bodies) in zip(writes, bodies) {
                let previous = write.creates ? try Self.claim(write.summary, db) : try Self.head(of: write, db)
                try Self.insert(EventRow.chain(write.events, bodies: bodies, of: write.id, after: previous, recordedAt: recordedAt), db)
                if !write.creates { try Self.update(write.summary, db) }
                try Self.replaceDependents(of: write.summary, db)
            }
        }
    }

    /// Inserts a new negotiation's row; the hash its first event chains from.
    static func claim(_ summary: NegotiationSummary, _ db: Database) throws -> String {
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
        return HashChain.origin
    }

    /// Checks that the negotiation is still at the version the write was decided against; the
    /// hash of its last event, which the new ones chain from.
    static func head(of write: NegotiationWrite, _ db: Database) throws -> String {
        let id = write.id
        guard let version = try Int.fetchOne(db, sql: "SELECT version FROM negotiations WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(id: id)
        }
        guard version == write.expectedVersion else {
            throw StoreError.conflict(id: id, expected: write.expectedVersion, actual: version)
        }
        guard let previous = try String.fetchOne(
            db, sql: "SELECT hash FROM events WHERE negotiation_id = ? AND sequence = ?", arguments: [id, version]) else {
            throw StoreError.corrupt(reason: "negotiation \(id) is at version \(version) but has no event \(version); run `bargain verify \(id)`")
        }
        return previous
    }

    static func update(_ summary: NegotiationSummary, _ db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE negotiations SET level = ?, workflow_name = ?, workflow_version = ?, workflow_digest = ?, title = ?,
                employee_party = ?, employer_party = ?, district = ?, street = ?, step = ?, version = ?, last_day = ?
            WHERE id = ?
            """).execute(arguments: [
                summary.level.rawValue, summary.workflow.name, summary.workflow.version, summary.workflow.digest, summary.title,
                summary.employeeParty, summary.employerParty, summary.district, summary.street, summary.step,
                summary.version, summary.lastDay.description, summary.id,
            ])
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
