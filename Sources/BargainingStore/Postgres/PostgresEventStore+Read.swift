import Bargaining
import PostgresNIO

// MARK: - Reads

extension PostgresEventStore {
    public func load(_ id: String, after version: Int) async throws(StoreError) -> [StoredEvent] {
        let logger = self.logger
        // One round trip: the negotiation's row says whether it exists, the joined rows are its events.
        let result = try await withConnection { connection -> (exists: Bool, rows: [EventRow]) in
            var exists = false
            var rows: [EventRow] = []
            for try await row in try await connection.query("""
                SELECT e.sequence, e.on_day, e.recorded_at, e.body::text, e.hash, e.prev_hash FROM negotiations n
                LEFT JOIN events e ON e.negotiation_id = n.id AND e.sequence > \(version)
                WHERE n.id = \(id) ORDER BY e.sequence
                """, logger: logger).decode((Int?, String?, String?, String?, String?, String?).self) {
                exists = true
                guard let sequence = row.0 else { continue }
                rows.append(EventRow(negotiationID: id, sequence: sequence, onDay: row.1 ?? "", recordedAt: row.2 ?? "",
                                     body: row.3 ?? "", hash: row.4 ?? "", previousHash: row.5 ?? ""))
            }
            return (exists, rows)
        }
        guard result.exists else { throw .notFound(id: id) }
        var events: [StoredEvent] = []
        events.reserveCapacity(result.rows.count)
        for row in result.rows { events.append(try row.stored()) }
        return events
    }

    public func list(_ query: NegotiationQuery) async throws(StoreError) -> [NegotiationSummary] {
        var binds = PostgresBindings()
        var conditions: [String] = []
        func parameter(_ value: String) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let level = query.level { conditions.append("n.level = \(parameter(level.rawValue))") }
        if let step = query.step { conditions.append("n.step = \(parameter(step))") }
        if let district = query.district { conditions.append("n.district = \(parameter(district))") }
        if let day = query.overdueAsOf {
            conditions.append("EXISTS (SELECT 1 FROM deadlines o WHERE o.negotiation_id = n.id AND o.due < \(parameter(day.description)))")
        }
        if let day = query.dueBy {
            conditions.append("EXISTS (SELECT 1 FROM deadlines o WHERE o.negotiation_id = n.id AND o.due <= \(parameter(day.description)))")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let logger = self.logger
        let rows = try await transaction(snapshot: true) { [binds] connection in
            var rows = ProjectionRows()
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT n.id, n.level, n.workflow_name, n.workflow_version, n.workflow_digest, n.title, n.employee_party,
                       n.employer_party, n.district, n.street, n.step, n.version, n.last_day, n.renews, n.ended_on
                FROM negotiations n \(filter) ORDER BY n.id
                """, binds: binds), logger: logger)
                .decode((String, String, String, Int, String, String, String, String, String?, String?, String, Int, String, String?, String?).self) {
                rows.negotiations.append(ProjectionRows.Negotiation(
                    id: row.0, level: row.1, workflowName: row.2, workflowVersion: row.3, workflowDigest: row.4, title: row.5,
                    employeeParty: row.6, employerParty: row.7, district: row.8, street: row.9, step: row.10, version: row.11, lastDay: row.12,
                    renews: row.13, endedOn: row.14))
            }
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT d.negotiation_id, d.name, d.due, d.opened_on FROM deadlines d JOIN negotiations n ON n.id = d.negotiation_id
                \(filter) ORDER BY d.negotiation_id, d.position
                """, binds: binds), logger: logger).decode((String, String, String, String).self) {
                rows.deadlines.append(ProjectionRows.Deadline(negotiationID: row.0, name: row.1, due: row.2, openedOn: row.3))
            }
            rows.contracts = try await Self.contracts(connection, join: "JOIN negotiations n ON n.id = c.negotiation_id \(filter)",
                                                      binds: binds, logger: logger)
            rows.enterprises = try await Self.enterprises(
                connection, join: "JOIN contract_records c ON c.contract_id = e.contract_id JOIN negotiations n ON n.id = c.negotiation_id \(filter)",
                binds: binds, logger: logger)
            return rows
        }
        return try rows.summaries()
    }

    public func contractRecords() async throws(StoreError) -> [ContractRecord] {
        let logger = self.logger
        let rows = try await transaction(snapshot: true) { connection in
            var rows = ProjectionRows()
            rows.contracts = try await Self.contracts(connection, join: "", binds: PostgresBindings(), logger: logger)
            rows.enterprises = try await Self.enterprises(connection, join: "", binds: PostgresBindings(), logger: logger)
            return rows
        }
        return try rows.contractRecords().map(\.record)
    }

    public func verify(_ id: String?) async throws(StoreError) -> VerificationReport {
        let logger = self.logger
        var binds = PostgresBindings()
        if let id { binds.append(id) }
        let report = try await withConnection { [binds] connection in
            var verifier = ChainVerifier()
            // One statement, streamed: a consistent snapshot without holding every row in memory.
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT n.id, n.version, e.sequence, e.on_day, e.recorded_at, e.body::text, e.hash, e.prev_hash
                FROM negotiations n LEFT JOIN events e ON e.negotiation_id = n.id
                \(id == nil ? "" : "WHERE n.id = $1") ORDER BY n.id, e.sequence
                """, binds: binds), logger: logger).decode((String, Int, Int?, String?, String?, String?, String?, String?).self) {
                let event = row.2.map { sequence in
                    EventRow(negotiationID: row.0, sequence: sequence, onDay: row.3 ?? "", recordedAt: row.4 ?? "", body: row.5 ?? "",
                             hash: row.6 ?? "", previousHash: row.7 ?? "")
                }
                verifier.check(negotiation: row.0, version: row.1, row: event)
            }
            return verifier.finish()
        }
        if let id, report.negotiationsChecked == 0 { throw .notFound(id: id) }
        return report
    }

    public func chainHeads() async throws(StoreError) -> [ChainHead] {
        let logger = self.logger
        return try await withConnection { connection in
            var heads: [ChainHead] = []
            for try await row in try await connection.query("""
                SELECT DISTINCT ON (negotiation_id) negotiation_id, sequence, hash FROM events
                ORDER BY negotiation_id, sequence DESC
                """, logger: logger).decode((String, Int, String).self) {
                heads.append(ChainHead(negotiation: row.0, version: row.1, hash: row.2))
            }
            return heads
        }
    }

    static func contracts(_ connection: PostgresConnection, join: String, binds: PostgresBindings, logger: Logger) async throws -> [ProjectionRows.Contract] {
        var contracts: [ProjectionRows.Contract] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT c.contract_id, c.negotiation_id, c.level, c.title, c.signed_on, c.effective_on, c.expires_on, c.terminated_on, c.renews
            FROM contract_records c \(join) ORDER BY c.contract_id
            """, binds: binds), logger: logger).decode((String, String, String, String, String?, String?, String?, String?, String?).self) {
            contracts.append(ProjectionRows.Contract(contractID: row.0, negotiationID: row.1, level: row.2, title: row.3, signedOn: row.4,
                                                     effectiveOn: row.5, expiresOn: row.6, terminatedOn: row.7, renews: row.8))
        }
        return contracts
    }

    static func enterprises(_ connection: PostgresConnection, join: String, binds: PostgresBindings, logger: Logger) async throws -> [ProjectionRows.Enterprise] {
        var enterprises: [ProjectionRows.Enterprise] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT e.contract_id, e.credit_code FROM contract_enterprises e \(join) ORDER BY e.contract_id, e.position
            """, binds: binds), logger: logger).decode((String, String).self) {
            enterprises.append(ProjectionRows.Enterprise(contractID: row.0, creditCode: row.1))
        }
        return enterprises
    }
}
