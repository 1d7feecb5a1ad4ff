import Bargaining
import GRDB

// MARK: - Reads: each one snapshot of the WAL, never blocked by writers

extension SQLiteEventStore {
    public func load(_ id: String, after version: Int) async throws(StoreError) -> [StoredEvent] {
        let rows = try await read { db -> [EventRow]? in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM negotiations WHERE id = ?)", arguments: [id]) == true else {
                return nil
            }
            return try Row.fetchAll(db, sql: """
                SELECT * FROM events WHERE negotiation_id = ? AND sequence > ? ORDER BY sequence
                """, arguments: [id, version]).map(Self.eventRow)
        }
        guard let rows else { throw .notFound(id: id) }
        var events: [StoredEvent] = []
        events.reserveCapacity(rows.count)
        for row in rows { events.append(try row.stored()) }
        return events
    }

    public func list(_ query: NegotiationQuery) async throws(StoreError) -> [NegotiationSummary] {
        var conditions: [SQL] = []
        if let level = query.level { conditions.append("n.level = \(level.rawValue)") }
        if let step = query.step { conditions.append("n.step = \(step)") }
        if let district = query.district { conditions.append("n.district = \(district)") }
        if let day = query.overdueAsOf {
            conditions.append("EXISTS (SELECT 1 FROM deadlines o WHERE o.negotiation_id = n.id AND o.due < \(day.description))")
        }
        if let day = query.dueBy {
            conditions.append("EXISTS (SELECT 1 FROM deadlines o WHERE o.negotiation_id = n.id AND o.due <= \(day.description))")
        }
        let filter: SQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try await read { db in
            var rows = ProjectionRows()
            rows.negotiations = try SQLRequest<Row>(literal: "SELECT n.* FROM negotiations n \(filter) ORDER BY n.id").fetchAll(db).map { row in
                ProjectionRows.Negotiation(
                    id: row["id"], level: row["level"], workflowName: row["workflow_name"], workflowVersion: row["workflow_version"],
                    workflowDigest: row["workflow_digest"], title: row["title"], employeeParty: row["employee_party"],
                    employerParty: row["employer_party"], district: row["district"], street: row["street"], step: row["step"],
                    version: row["version"], lastDay: row["last_day"], renews: row["renews"], endedOn: row["ended_on"])
            }
            rows.deadlines = try SQLRequest<Row>(literal: """
                SELECT d.* FROM deadlines d JOIN negotiations n ON n.id = d.negotiation_id \(filter) ORDER BY d.negotiation_id, d.position
                """).fetchAll(db).map { row in
                ProjectionRows.Deadline(negotiationID: row["negotiation_id"], name: row["name"], due: row["due"], openedOn: row["opened_on"])
            }
            rows.contracts = try SQLRequest<Row>(literal: """
                SELECT c.* FROM contract_records c JOIN negotiations n ON n.id = c.negotiation_id \(filter) ORDER BY c.contract_id
                """).fetchAll(db).map(Self.contract)
            rows.enterprises = try SQLRequest<Row>(literal: """
                SELECT e.* FROM contract_enterprises e JOIN contract_records c ON c.contract_id = e.contract_id
                JOIN negotiations n ON n.id = c.negotiation_id \(filter) ORDER BY e.contract_id, e.position
                """).fetchAll(db).map(Self.enterprise)
            return rows
        }
        return try rows.summaries()
    }

    public func contractRecords() async throws(StoreError) -> [ContractRecord] {
        let rows = try await read { db in
            var rows = ProjectionRows()
            rows.contracts = try Row.fetchAll(db, sql: "SELECT * FROM contract_records ORDER BY contract_id").map(Self.contract)
            rows.enterprises = try Row.fetchAll(db, sql: "SELECT * FROM contract_enterprises ORDER BY contract_id, position").map(Self.enterprise)
            return rows
        }
        return try rows.contractRecords().map(\.record)
    }

    public func verify(_ id: String?) async throws(StoreError) -> VerificationReport {
        let filter: SQL = id.map { (id: String) -> SQL in "WHERE n.id = \(id)" } ?? ""
        let report = try await read { db in
            var verifier = ChainVerifier()
            let rows = try SQLRequest<Row>(literal: """
                SELECT n.id AS n_id, n.version AS n_version, e.* FROM negotiations n
                LEFT JOIN events e ON e.negotiation_id = n.id \(filter) ORDER BY n.id, e.sequence
                """).fetchCursor(db)
            while let row = try rows.next() {
                let sequence: Int? = row["sequence"]
                let event = sequence.map { _ in Self.eventRow(row) }
                verifier.check(negotiation: row["n_id"], version: row["n_version"], row: event)
            }
            return verifier.finish()
        }
        if let id, report.negotiationsChecked == 0 { throw .notFound(id: id) }
        return report
    }

    public func chainHeads() async throws(StoreError) -> [ChainHead] {
        try await read { db in
            // SQLite takes `hash` from the row that has the MAX (its documented bare-column rule).
            try Row.fetchAll(db, sql: "SELECT negotiation_id, MAX(sequence) AS sequence, hash FROM events GROUP BY negotiation_id ORDER BY negotiation_id")
                .map { ChainHead(negotiation: $0["negotiation_id"], version: $0["sequence"], hash: $0["hash"]) }
        }
    }

    static func eventRow(_ row: Row) -> EventRow {
        EventRow(negotiationID: row["negotiation_id"], sequence: row["sequence"], onDay: row["on_day"], recordedAt: row["recorded_at"],
                 body: row["body"], hash: row["hash"], previousHash: row["prev_hash"])
    }

    static func contract(_ row: Row) -> ProjectionRows.Contract {
        ProjectionRows.Contract(contractID: row["contract_id"], negotiationID: row["negotiation_id"], level: row["level"], title: row["title"],
                                signedOn: row["signed_on"], effectiveOn: row["effective_on"], expiresOn: row["expires_on"],
                                terminatedOn: row["terminated_on"], renews: row["renews"])
    }

    static func enterprise(_ row: Row) -> ProjectionRows.Enterprise {
        ProjectionRows.Enterprise(contractID: row["contract_id"], creditCode: row["credit_code"])
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError(sqlite: error, path: path)
        }
    }
}
