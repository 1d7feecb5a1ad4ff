import PostgresNIO

extension PostgresEventStore {
    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw StoreError(postgres: error, endpoint: endpoint)
        }
    }

    /// Runs `body` between BEGIN and COMMIT on one pooled connection; any error rolls back.
    /// `snapshot` makes a read of several statements see one consistent state.
    func transaction<T: Sendable>(snapshot: Bool = false, _ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await untypedTransaction(snapshot: snapshot, body)
        } catch {
            throw StoreError(postgres: error, endpoint: endpoint)
        }
    }

    func untypedTransaction<T: Sendable>(snapshot: Bool = false, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await client.withConnection { connection in
            try await connection.withTransaction(logger: logger) { connection in
                if snapshot {
                    try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
                }
                return try await body(connection)
            }
        }
    }

    static func isUniqueViolation(_ error: any Error) -> Bool {
        let error = (error as? PostgresTransactionError)?.closureError ?? error
        return (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }
}
