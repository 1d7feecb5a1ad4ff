import Bargaining
import BargainingCoverage
import Logging
import PostgresNIO

// MARK: - Coverage: registry, external contracts, congress sessions, reminder ledger

extension PostgresEventStore: CoverageStore {
    public func upsertRegistry(_ enterprises: [RegistryEnterprise], dryRun: Bool) async throws(StoreError) -> UpsertCounts {
        let rows = CoverageRows.lastOfEach(enterprises, by: \.uscc).map(CoverageRows.columns(of:))
        let logger = self.logger
        return try await writing(dryRun: dryRun) { connection in
            // One import at a time, so the counts before and after are this import's.
            try await connection.query("LOCK TABLE registry_enterprises IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            let before = try await Self.count("registry_enterprises", connection, logger: logger)
            // A row identical to the stored one is not rewritten, so RETURNING counts real updates.
            let written = try await Self.insertRows(
                "registry_enterprises AS r (credit_code, name, district, street, industry, employees, union_founded_on, chamber_member, closed_on)",
                rows.map { row in
                    [row.creditCode, row.name, row.district, row.street, row.industry, String(row.employees), row.unionFoundedOn,
                     String(row.chamberMember), row.closedOn]
                },
                casts: ["", "", "", "", "", "::bigint", "", "::boolean", ""], conflict: """
                    ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name, district = EXCLUDED.district,
                        street = EXCLUDED.street, industry = EXCLUDED.industry, employees = EXCLUDED.employees,
                        union_founded_on = EXCLUDED.union_founded_on, chamber_member = EXCLUDED.chamber_member,
                        closed_on = EXCLUDED.closed_on
                    WHERE (r.name, r.district, r.street, r.industry, r.employees, r.union_founded_on, r.chamber_member, r.closed_on)
                        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.district, EXCLUDED.street, EXCLUDED.industry, EXCLUDED.employees,
                                          EXCLUDED.union_founded_on, EXCLUDED.chamber_member, EXCLUDED.closed_on)
                    RETURNING 1
                    """, connection, logger: logger)
            let added = try await Self.count("registry_enterprises", connection, logger: logger) - before
            return UpsertCounts(added: added, updated: written - added, unchanged: rows.count - written)
        }
    }

    public func registry() async throws(StoreError) -> [RegistryEnterprise] {
        let logger = self.logger
        let rows = try await withConnection { connection in
            var rows: [CoverageRows.Enterprise] = []
            for try await row in try await connection.query("""
                SELECT credit_code, name, district, street, industry, employees, union_founded_on, chamber_member, closed_on
                FROM registry_enterprises ORDER BY credit_code
                """, logger: logger).decode((String, String, String, String, String, Int, String?, Bool, String?).self) {
                rows.append(CoverageRows.Enterprise(creditCode: row.0, name: row.1, district: row.2, street: row.3, industry: row.4,
                                                    employees: row.5, unionFoundedOn: row.6, chamberMember: row.7, closedOn: row.8))
            }
            return rows
        }
        return try CoverageRows.enterprises(rows)
    }

    public func recordExternal(contracts: [CoverageContract], congressRecords: [ExternalCongressRecord], dryRun: Bool) async throws(StoreError)
        -> UpsertCounts {
        let logger = self.logger
        return try await writing(dryRun: dryRun) { connection in
            try await Self.writeExternal(contracts: contracts, congressRecords: congressRecords, connection, logger: logger)
        }
    }

    @discardableResult
    public func recordImport(contracts: [CoverageContract], congressRecords: [ExternalCongressRecord], documents: [ArchivedDocument])
        async throws(StoreError) -> ImportCounts {
        let logger = self.logger
        return try await transaction { connection in
            _ = try await Self.writeExternal(contracts: contracts, congressRecords: congressRecords, connection, logger: logger)
            var counts = ImportCounts.none
            for document in CoverageRows.lastOfEach(documents, by: { [$0.kind.rawValue, $0.id] }) {
                var stored: [UInt8]?
                for try await content in try await connection.query("""
                    SELECT content FROM archived_documents WHERE kind = \(document.kind.rawValue) AND id = \(document.id) FOR UPDATE
                    """, logger: logger).decode(ByteBuffer.self) {
                    stored = Array(content.readableBytesView)
                }
                counts.count(document.kind, ImportCounts.Outcome(stored: stored, new: document.bytes))
                try await connection.query("""
                    INSERT INTO archived_documents (kind, id, negotiation_id, content)
                    VALUES (\(document.kind.rawValue), \(document.id), \(document.negotiationID), \(ByteBuffer(bytes: document.bytes)))
                    ON CONFLICT (kind, id) DO UPDATE SET negotiation_id = EXCLUDED.negotiation_id, content = EXCLUDED.content
                    """, logger: logger)
            }
            return counts
        }
    }

    public func archivedDocuments(negotiation id: String) async throws(StoreError) -> [ArchivedDocument] {
        let logger = self.logger
        let rows = try await transaction(snapshot: true) { connection in
            var rows: [(String, String, String?, [UInt8])] = []
            for try await row in try await connection.query("""
                SELECT kind, id, negotiation_id, content FROM archived_documents WHERE negotiation_id = \(id) ORDER BY kind, id
                """, logger: logger).decode((String, String, String?, ByteBuffer).self) {
                rows.append((row.0, row.1, row.2, Array(row.3.readableBytesView)))
            }
            return rows
        }
        return try ArchivedDocument.documents(rows)
    }

    /// The body of ``recordExternal(contracts:congressRecords:)``, inside the caller's transaction.
    private static func writeExternal(contracts: [CoverageContract], congressRecords: [ExternalCongressRecord],
                                      _ connection: PostgresConnection, logger: Logger) async throws -> UpsertCounts {
        let contracts = CoverageRows.lastOfEach(contracts, by: \.id)
        let congressRecords = CoverageRows.lastOfEach(congressRecords, by: \.recordID)
        try await connection.query("LOCK TABLE external_contracts IN SHARE ROW EXCLUSIVE MODE", logger: logger)
        var counts = UpsertCounts(added: 0, updated: 0)
        for start in stride(from: 0, to: contracts.count, by: CoverageRows.batchSize) {
            let given = contracts[start..<min(start + CoverageRows.batchSize, contracts.count)]
            let stored = try await Self.storedContracts(given.map(\.id), connection, logger: logger)
            var batch: [CoverageContract] = []
            for contract in given {
                if CoverageRows.isUnchanged(contract, stored: stored[contract.id]) {
                    counts.unchanged += 1
                    continue
                }
                if stored[contract.id] == nil { counts.added += 1 } else { counts.updated += 1 }
                batch.append(contract)
            }
            guard !batch.isEmpty else { continue }
            try await Self.insertRows("external_contracts (contract_id, level, title, signed_on, effective_on, expires_on, terminated_on)",
                batch.map { contract in
                    [contract.id, contract.level.rawValue, contract.title, contract.signedOn?.description, contract.effectiveOn.description,
                     contract.expiresOn.description, contract.terminatedOn?.description]
                },
                casts: Array(repeating: "", count: 7), conflict: """
                    ON CONFLICT (contract_id) DO UPDATE SET level = EXCLUDED.level, title = EXCLUDED.title,
                        signed_on = EXCLUDED.signed_on, effective_on = EXCLUDED.effective_on, expires_on = EXCLUDED.expires_on,
                        terminated_on = EXCLUDED.terminated_on
                    """, connection, logger: logger)
            var ids = PostgresBindings(capacity: batch.count)
            for contract in batch { ids.append(contract.id) }
            try await connection.query(PostgresQuery(unsafeSQL: """
                DELETE FROM external_contract_enterprises WHERE contract_id IN (\((1...batch.count).map { "$\($0)" }.joined(separator: ", ")))
                """, binds: ids), logger: logger)
            try await Self.insertRows("external_contract_enterprises (contract_id, position, credit_code)", batch.flatMap { contract in
                contract.enterprises.enumerated().map { position, code in [contract.id, String(position), code.description] }
            }, casts: ["", "::bigint", ""], connection, logger: logger)
        }
        for record in congressRecords {
            try await connection.query("DELETE FROM external_congress_sessions WHERE record_id = \(record.recordID)", logger: logger)
        }
        try await Self.insertRows("external_congress_sessions (record_id, credit_code, held_on)", congressRecords.filter(\.quorumMet).flatMap { record in
            record.enterprises.map { [record.recordID, $0.description, record.heldOn.description] }
        }, casts: ["", "", ""], connection, logger: logger)
        return counts
    }

    /// ``transaction(snapshot:_:)`` for a write; with `dryRun`, rolled back once `body` has
    /// given its result.
    private func writing<T: Sendable>(dryRun: Bool, _ body: @escaping @Sendable (PostgresConnection) async throws -> T)
        async throws(StoreError) -> T {
        let result = Captured<T>()
        do {
            try await transaction { connection in
                result.value = try await body(connection)
                if dryRun { throw DryRunRollback() }
            }
        } catch {
            guard dryRun, let value = result.value else { throw error }
            return value
        }
        return result.value!
    }

    /// The stored rows and enterprises (in order) of those of `ids` that are stored.
    private static func storedContracts(_ ids: [String], _ connection: PostgresConnection, logger: Logger) async throws
        -> [String: (row: CoverageRows.Contract, codes: [String])] {
        var stored: [String: (row: CoverageRows.Contract, codes: [String])] = [:]
        for try await row in try await connection.query("""
            SELECT contract_id, level, title, signed_on, effective_on, expires_on, terminated_on
            FROM external_contracts WHERE contract_id = ANY(\(ids)) FOR UPDATE
            """, logger: logger).decode((String, String, String, String?, String, String, String?).self) {
            stored[row.0] = (CoverageRows.Contract(contractID: row.0, level: row.1, title: row.2, signedOn: row.3, effectiveOn: row.4,
                                                   expiresOn: row.5, terminatedOn: row.6), [])
        }
        for try await row in try await connection.query("""
            SELECT contract_id, credit_code FROM external_contract_enterprises WHERE contract_id = ANY(\(ids)) ORDER BY contract_id, position
            """, logger: logger).decode((String, String).self) {
            stored[row.0]?.codes.append(row.1)
        }
        return stored
    }

    public func recordCongressSessions(_ sessions: [CoverageCongressSession], dryRun: Bool) async throws(StoreError) -> UpsertCounts {
        let sessions = CoverageRows.lastOfEach(sessions, by: { $0 })
        let logger = self.logger
        return try await writing(dryRun: dryRun) { connection in
            let added = try await Self.insertRows("external_congress_sessions (record_id, credit_code, held_on)", sessions.map { session in
                [CoverageRows.recordID(of: session), session.enterprise.description, session.heldOn.description]
            }, casts: ["", "", ""], conflict: "ON CONFLICT (record_id, credit_code) DO NOTHING RETURNING 1", connection, logger: logger)
            return UpsertCounts(added: added, updated: 0, unchanged: sessions.count - added)
        }
    }

    public func externalContracts() async throws(StoreError) -> [CoverageContract] {
        let logger = self.logger
        let (contracts, enterprises) = try await transaction(snapshot: true) { connection in
            var contracts: [CoverageRows.Contract] = []
            for try await row in try await connection.query("""
                SELECT contract_id, level, title, signed_on, effective_on, expires_on, terminated_on
                FROM external_contracts ORDER BY contract_id
                """, logger: logger).decode((String, String, String, String?, String, String, String?).self) {
                contracts.append(CoverageRows.Contract(contractID: row.0, level: row.1, title: row.2, signedOn: row.3, effectiveOn: row.4,
                                                       expiresOn: row.5, terminatedOn: row.6))
            }
            var enterprises: [ProjectionRows.Enterprise] = []
            for try await row in try await connection.query("""
                SELECT contract_id, credit_code FROM external_contract_enterprises ORDER BY contract_id, position
                """, logger: logger).decode((String, String).self) {
                enterprises.append(ProjectionRows.Enterprise(contractID: row.0, creditCode: row.1))
            }
            return (contracts, enterprises)
        }
        return try CoverageRows.contracts(contracts, enterprises: enterprises)
    }

    public func congressSessions() async throws(StoreError) -> [CoverageCongressSession] {
        let logger = self.logger
        let (events, imported) = try await transaction(snapshot: true) { connection in
            var events: [CoverageRows.CongressEvent] = []
            for try await row in try await connection.query("""
                SELECT e.negotiation_id, o.body::text, e.body::text FROM events e
                JOIN events o ON o.negotiation_id = e.negotiation_id AND o.sequence = 1
                WHERE e.body::text LIKE \(CoverageRows.congressPattern) ORDER BY e.negotiation_id, e.sequence
                """, logger: logger).decode((String, String, String).self) {
                events.append(CoverageRows.CongressEvent(negotiationID: row.0, opening: row.1, session: row.2))
            }
            var imported: [(String, String, String)] = []
            for try await row in try await connection.query("""
                SELECT record_id, credit_code, held_on FROM external_congress_sessions ORDER BY record_id, credit_code
                """, logger: logger).decode((String, String, String).self) {
                imported.append(row)
            }
            return (events, imported)
        }
        return try CoverageRows.sessions(events, imported: imported)
    }

    public func openRenewals(asOf day: Day) async throws(StoreError) -> [OpenRenewal] {
        let logger = self.logger
        let statement = CoverageRows.openRenewals(asOf: day, .postgres)
        let rows = try await withConnection { connection in
            var rows: [(id: String, renews: String, creditCode: String)] = []
            for try await row in try await connection.query(try Self.query(statement), logger: logger).decode((String, String, String).self) {
                rows.append(row)
            }
            return rows
        }
        return try CoverageRows.openRenewals(rows)
    }

    public func reminderLedger() async throws(StoreError) -> ReminderLedger {
        let logger = self.logger
        let rows = try await withConnection { connection in
            var rows: [(String, String, String)] = []
            for try await row in try await connection.query("""
                SELECT credit_code, sent_on, rung FROM reminder_ledger ORDER BY sent_on, credit_code, rung
                """, logger: logger).decode((String, String, String).self) {
                rows.append(row)
            }
            return rows
        }
        return try CoverageRows.ledger(rows)
    }

    public func recordReminders(_ entries: [ReminderLedger.Entry]) async throws(StoreError) {
        let recordedAt = EventRow.now()
        let logger = self.logger
        _ = try await transaction { connection in
            try await Self.insertRows("reminder_ledger (credit_code, sent_on, rung, recorded_at)", entries.map { entry in
                [entry.enterprise.description, entry.sentOn.description, entry.rung, recordedAt]
            }, casts: ["", "", "", ""], conflict: "ON CONFLICT (credit_code, sent_on, rung) DO NOTHING", connection, logger: logger)
        }
    }

    static func count(_ table: String, _ connection: PostgresConnection, logger: Logger) async throws -> Int {
        var count = 0
        for try await value in try await connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"), logger: logger)
            .decode(Int.self) { count = value }
        return count
    }

    /// Inserts rows of text (nil for NULL) in batches of multi-row INSERTs, each value cast as
    /// `casts` says (e.g. `::bigint`); returns how many rows a `RETURNING` in `conflict` returned.
    @discardableResult
    static func insertRows(_ target: String, _ rows: [[String?]], casts: [String], conflict: String = "",
                           _ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let width = casts.count
        let perBatch = max(1, CoverageRows.batchSize * 9 / width)
        var returned = 0
        for start in stride(from: 0, to: rows.count, by: perBatch) {
            var binds = PostgresBindings(capacity: perBatch * width)
            var values: [String] = []
            for row in rows[start..<min(start + perBatch, rows.count)] {
                let first = binds.count + 1
                for value in row { binds.append(value) }
                values.append("(" + casts.enumerated().map { "$\(first + $0.offset)\($0.element)" }.joined(separator: ", ") + ")")
            }
            for try await _ in try await connection.query(PostgresQuery(unsafeSQL: """
                INSERT INTO \(target) VALUES \(values.joined(separator: ", ")) \(conflict)
                """, binds: binds), logger: logger) {
                returned += 1
            }
        }
        return returned
    }
}
