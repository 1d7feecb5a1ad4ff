import Bargaining
import PostgresNIO

// MARK: - Writes: the write plan in one transaction per decision, rows locked first

extension PostgresEventStore {
    public func commit(_ writes: [NegotiationWrite], request: String?) async throws(StoreError) {
        let plan = WritePlan(writes, request: request, dialect: .postgres)
        let logger = self.logger
        do {
            try await untypedTransaction { connection in
                var found: [WritePlan.Found] = []
                for check in plan.checks {
                    switch check {
                    case .claim(let statement):
                        var claimed = false
                        for try await _ in try await connection.query(Self.query(statement), logger: logger) { claimed = true }
                        found.append(.claimed(claimed))
                    case .head(let statement):
                        var head: WritePlan.Head?
                        for try await row in try await connection.query(Self.query(statement), logger: logger).decode((Int, String?).self) {
                            head = row
                        }
                        found.append(.head(head))
                    }
                }
                for statement in try plan.statements(after: found) {
                    try await connection.query(Self.query(statement), logger: logger)
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

    /// A statement of the write plan with its values bound; a list is bound as one `text[]`.
    static func query(_ statement: SQLStatement) throws -> PostgresQuery {
        var binds = PostgresBindings(capacity: statement.binds.count)
        for value in statement.binds {
            switch value {
            case .text(let text?): binds.append(text)
            case .text(nil): binds.appendNull()
            case .integer(let number): binds.append(number)
            case .textList(let list): binds.append(list)
            }
        }
        return PostgresQuery(unsafeSQL: statement.sql, binds: binds)
    }

    public func recordedRequest(_ id: String) async throws(StoreError) -> RecordedRequest? {
        let logger = self.logger
        return try await withConnection { connection in
            var recorded: RecordedRequest?
            for try await row in try await connection.query(
                "SELECT negotiation_id, version_before, version, opened_id FROM requests WHERE request_id = \(id)", logger: logger)
                .decode((String, Int, Int, String?).self) {
                recorded = RecordedRequest(requestID: id, negotiationID: row.0, versionBefore: row.1, version: row.2, opened: row.3)
            }
            return recorded
        }
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
}
