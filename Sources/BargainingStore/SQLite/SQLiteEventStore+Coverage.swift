import Bargaining
import BargainingCoverage
import Foundation
import GRDB

// MARK: - Coverage: registry, external contracts, congress sessions, reminder ledger

extension SQLiteEventStore: CoverageStore {
    public func upsertRegistry(_ enterprises: [RegistryEnterprise], dryRun: Bool) async throws(StoreError) -> UpsertCounts {
        let rows = CoverageRows.lastOfEach(enterprises, by: \.uscc).map(CoverageRows.columns(of:))
        return try await writing(dryRun: dryRun) { db in
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM registry_enterprises") ?? 0
            // A row identical to the stored one is not rewritten, so `changes` counts real updates.
            let statement = try db.cachedStatement(sql: """
                INSERT INTO registry_enterprises (credit_code, name, district, street, industry, employees, union_founded_on,
                                                  chamber_member, closed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, district = excluded.district, street = excluded.street,
                    industry = excluded.industry, employees = excluded.employees, union_founded_on = excluded.union_founded_on,
                    chamber_member = excluded.chamber_member, closed_on = excluded.closed_on
                WHERE (name, district, street, industry, employees, union_founded_on, chamber_member, closed_on)
                    IS NOT (excluded.name, excluded.district, excluded.street, excluded.industry, excluded.employees,
                            excluded.union_founded_on, excluded.chamber_member, excluded.closed_on)
                """)
            var written = 0
            for row in rows {
                try statement.execute(arguments: [row.creditCode, row.name, row.district, row.street, row.industry, row.employees,
                                                  row.unionFoundedOn, row.chamberMember ? 1 : 0, row.closedOn])
                written += db.changesCount
            }
            let added = (try Int.fetchOne(db, sql: "SELECT count(*) FROM registry_enterprises") ?? 0) - before
            return UpsertCounts(added: added, updated: written - added, unchanged: rows.count - written)
        }
    }

    public func registry() async throws(StoreError) -> [RegistryEnterprise] {
        let rows = try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM registry_enterprises ORDER BY credit_code").map { row in
                CoverageRows.Enterprise(creditCode: row["credit_code"], name: row["name"], district: row["district"], street: row["street"],
                                        industry: row["industry"], employees: row["employees"], unionFoundedOn: row["union_founded_on"],
                                        chamberMember: row["chamber_member"] as Int == 1, closedOn: row["closed_on"])
            }
        }
        return try CoverageRows.enterprises(rows)
    }

    public func recordExternal(contracts: [CoverageContract], congressRecords: [ExternalCongressRecord], dryRun: Bool) async throws(StoreError)
        -> UpsertCounts {
        try await writing(dryRun: dryRun) { db in try Self.writeExternal(contracts: contracts, congressRecords: congressRecords, db) }
    }

    @discardableResult
    public func recordImport(contracts: [CoverageContract], congressRecords: [ExternalCongressRecord], documents: [ArchivedDocument])
        async throws(StoreError) -> ImportCounts {
        try await writing { db in
            _ = try Self.writeExternal(contracts: contracts, congressRecords: congressRecords, db)
            var counts = ImportCounts.none
            let stored = try db.cachedStatement(sql: "SELECT content FROM archived_documents WHERE kind = ? AND id = ?")
            let keep = try db.cachedStatement(sql: """
                INSERT INTO archived_documents (kind, id, negotiation_id, content) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, id) DO UPDATE SET negotiation_id = excluded.negotiation_id, content = excluded.content
                """)
            for document in CoverageRows.lastOfEach(documents, by: { [$0.kind.rawValue, $0.id] }) {
                let before = try Data.fetchOne(stored, arguments: [document.kind.rawValue, document.id]).map { [UInt8]($0) }
                counts.count(document.kind, ImportCounts.Outcome(stored: before, new: document.bytes))
                try keep.execute(arguments: [document.kind.rawValue, document.id, document.negotiationID, Data(document.bytes)])
            }
            return counts
        }
    }

    public func archivedDocuments(negotiation id: String) async throws(StoreError) -> [ArchivedDocument] {
        let rows = try await read { db in
            try Row.fetchAll(db, sql: "SELECT kind, id, negotiation_id, content FROM archived_documents WHERE negotiation_id = ? ORDER BY kind, id",
                             arguments: [id]).map { row in
                (row["kind"] as String, row["id"] as String, row["negotiation_id"] as String?, [UInt8](row["content"] as Data))
            }
        }
        return try ArchivedDocument.documents(rows)
    }

    /// The body of ``recordExternal(contracts:congressRecords:)``, inside the caller's transaction.
    private static func writeExternal(contracts: [CoverageContract], congressRecords: [ExternalCongressRecord], _ db: Database) throws
        -> UpsertCounts {
        let contracts = CoverageRows.lastOfEach(contracts, by: \.id)
        let congressRecords = CoverageRows.lastOfEach(congressRecords, by: \.recordID)
        let storedRow = try db.cachedStatement(sql: "SELECT * FROM external_contracts WHERE contract_id = ?")
        let storedCodes = try db.cachedStatement(sql: "SELECT credit_code FROM external_contract_enterprises WHERE contract_id = ? ORDER BY position")
        var counts = UpsertCounts(added: 0, updated: 0)
        let contract = try db.cachedStatement(sql: """
            INSERT INTO external_contracts (contract_id, level, title, signed_on, effective_on, expires_on, terminated_on)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contract_id) DO UPDATE SET level = excluded.level, title = excluded.title, signed_on = excluded.signed_on,
                effective_on = excluded.effective_on, expires_on = excluded.expires_on, terminated_on = excluded.terminated_on
            """)
        let forget = try db.cachedStatement(sql: "DELETE FROM external_contract_enterprises WHERE contract_id = ?")
        let enterprise = try db.cachedStatement(sql: """
            INSERT INTO external_contract_enterprises (contract_id, position, credit_code) VALUES (?, ?, ?)
            """)
        for entry in contracts {
            let stored = try Row.fetchOne(storedRow, arguments: [entry.id]).map { row in
                (row: Self.externalContract(row), codes: try String.fetchAll(storedCodes, arguments: [entry.id]))
            }
            if CoverageRows.isUnchanged(entry, stored: stored) {
                counts.unchanged += 1
                continue
            }
            if stored == nil { counts.added += 1 } else { counts.updated += 1 }
            try contract.execute(arguments: [entry.id, entry.level.rawValue, entry.title, entry.signedOn?.description,
                                             entry.effectiveOn.description, entry.expiresOn.description, entry.terminatedOn?.description])
            try forget.execute(arguments: [entry.id])
            for (position, code) in entry.enterprises.enumerated() {
                try enterprise.execute(arguments: [entry.id, position, code.description])
            }
        }
        let forgetRecord = try db.cachedStatement(sql: "DELETE FROM external_congress_sessions WHERE record_id = ?")
        let session = try db.cachedStatement(sql: """
            INSERT INTO external_congress_sessions (record_id, credit_code, held_on) VALUES (?, ?, ?)
            """)
        for record in congressRecords {
            try forgetRecord.execute(arguments: [record.recordID])
            guard record.quorumMet else { continue }
            for code in record.enterprises {
                try session.execute(arguments: [record.recordID, code.description, record.heldOn.description])
            }
        }
        return counts
    }

    public func recordCongressSessions(_ sessions: [CoverageCongressSession], dryRun: Bool) async throws(StoreError) -> UpsertCounts {
        let sessions = CoverageRows.lastOfEach(sessions, by: { $0 })
        return try await writing(dryRun: dryRun) { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO external_congress_sessions (record_id, credit_code, held_on) VALUES (?, ?, ?)
                ON CONFLICT (record_id, credit_code) DO NOTHING
                """)
            var added = 0
            for session in sessions {
                try statement.execute(arguments: [CoverageRows.recordID(of: session), session.enterprise.description,
                                                  session.heldOn.description])
                added += db.changesCount
            }
            return UpsertCounts(added: added, updated: 0, unchanged: sessions.count - added)
        }
    }

    public func externalContracts() async throws(StoreError) -> [CoverageContract] {
        let (contracts, enterprises) = try await read { db in
            let contracts = try Row.fetchAll(db, sql: "SELECT * FROM external_contracts ORDER BY contract_id").map(Self.externalContract)
            let enterprises = try Row.fetchAll(db, sql: "SELECT * FROM external_contract_enterprises ORDER BY contract_id, position")
                .map(Self.enterprise)
            return (contracts, enterprises)
        }
        return try CoverageRows.contracts(contracts, enterprises: enterprises)
    }

    /// An `external_contracts` row.
    private static func externalContract(_ row: Row) -> CoverageRows.Contract {
        CoverageRows.Contract(contractID: row["contract_id"], level: row["level"], title: row["title"], signedOn: row["signed_on"],
                              effectiveOn: row["effective_on"], expiresOn: row["expires_on"], terminatedOn: row["terminated_on"])
    }

    public func congressSessions() async throws(StoreError) -> [CoverageCongressSession] {
        let (events, imported) = try await read { db in
            let events = try Row.fetchAll(db, sql: """
                SELECT e.negotiation_id, o.body AS opening, e.body AS session FROM events e
                JOIN events o ON o.negotiation_id = e.negotiation_id AND o.sequence = 1
                WHERE e.body LIKE ? ORDER BY e.negotiation_id, e.sequence
                """, arguments: [CoverageRows.congressPattern]).map { row in
                CoverageRows.CongressEvent(negotiationID: row["negotiation_id"], opening: row["opening"], session: row["session"])
            }
            let imported = try Row.fetchAll(db, sql: """
                SELECT record_id, credit_code, held_on FROM external_congress_sessions ORDER BY record_id, credit_code
                """).map { row -> (String, String, String) in (row["record_id"], row["credit_code"], row["held_on"]) }
            return (events, imported)
        }
        return try CoverageRows.sessions(events, imported: imported)
    }

    public func openRenewals(asOf day: Day) async throws(StoreError) -> [OpenRenewal] {
        let statement = CoverageRows.openRenewals(asOf: day, .sqlite)
        let rows = try await read { db in
            try Row.fetchAll(db, sql: statement.sql, arguments: try Self.arguments(statement))
                .map { row -> (id: String, renews: String, creditCode: String) in (row[0], row[1], row[2]) }
        }
        return try CoverageRows.openRenewals(rows)
    }

    public func reminderLedger() async throws(StoreError) -> ReminderLedger {
        let rows = try await read { db in
            try Row.fetchAll(db, sql: "SELECT credit_code, sent_on, rung FROM reminder_ledger ORDER BY sent_on, credit_code, rung")
                .map { row -> (String, String, String) in (row["credit_code"], row["sent_on"], row["rung"]) }
        }
        return try CoverageRows.ledger(rows)
    }

    public func recordReminders(_ entries: [ReminderLedger.Entry]) async throws(StoreError) {
        let recordedAt = EventRow.now()
        try await write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO reminder_ledger (credit_code, sent_on, rung, recorded_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (credit_code, sent_on, rung) DO NOTHING
                """)
            for entry in entries {
                try statement.execute(arguments: [entry.enterprise.description, entry.sentOn.description, entry.rung, recordedAt])
            }
        }
    }

    /// ``write(_:)`` with a result: one IMMEDIATE transaction; with `dryRun`, rolled back once
    /// `body` has given its result.
    func writing<T: Sendable>(dryRun: Bool = false, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        let result = Captured<T>()
        do {
            try await write { db in
                result.value = try body(db)
                if dryRun { throw DryRunRollback() }
            }
        } catch {
            guard dryRun, let value = result.value else { throw error }
            return value
        }
        return result.value!
    }
}
