import PostgresNIO

extension PostgresEventStore {
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await leased(body)
        } catch {
            throw StoreError(postgres: error, endpoint: endpoint)
        }
    }

    /// Runs `body` between BEGIN and COMMIT on one pooled connection; any error rolls back.
    /// `snapshot` makes a read of several statements see one consistent state.
    func transaction<T: Sendable>(snapshot: Bool = false, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await untypedTransaction(snapshot: snapshot, body)
        } catch {
            throw StoreError(postgres: error, endpoint: endpoint)
        }
    }

    func untypedTransaction<T: Sendable>(snapshot: Bool = false, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await leased { connection in
            try await connection.withTransaction(logger: logger) { connection in
                if snapshot {
                    try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
                }
                return try await body(connection)
            }
        }
    }

    /// `body` on a pooled connection, bounded where the pool and driver would wait for ever.
    ///
    /// The pool never gives up on a server that went away (it retries with backoff), so a
    /// request that gets no connection within ``timeout`` fails. A request that has its
    /// connection runs unlimited (a large `verify` may take minutes), but if that connection
    /// closes under it, it fails too: a statement sent on a connection the server has just
    /// closed can otherwise wait for an answer that never comes. The body gets a second of grace
    /// after the close, so one that had finished (its COMMIT answered) still returns normally.
    /// The request runs in an unstructured task so that, when it hangs, it can be left behind.
    func leased<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let lease = Lease()
        let client = self.client, timeout = self.timeout
        let server = "PostgreSQL at \(endpoint.host):\(endpoint.port)"
        return try await withCheckedThrowingContinuation { continuation in
            let outcome = FirstOutcome(continuation)
            let watch = Task {
                do {
                    try await Task.sleep(for: timeout)
                    guard let connection = lease.connectionOrAbandon() else {
                        throw StoreError.unavailable(reason: "\(server) gave no connection within \(timeout.components.seconds) s",
                                                     hint: "check that the server is still running and reachable")
                    }
                    while !connection.isClosed { try await Task.sleep(for: .milliseconds(500)) }
                    try await Task.sleep(for: .seconds(1))
                    throw StoreError.unavailable(reason: "the connection to \(server) closed in the middle of a request",
                                                 hint: "check the server; a decision being recorded may or may not have been, so reload before trying again")
                } catch is CancellationError {
                    return
                } catch {
                    outcome.resume(with: .failure(error))
                }
            }
            Task {
                do {
                    let value = try await client.withConnection { connection in
                        guard lease.acquire(connection) else { throw CancellationError() }
                        return try await body(connection)
                    }
                    outcome.resume(with: .success(value))
                } catch {
                    outcome.resume(with: .failure(error))
                }
                watch.cancel()
            }
        }
    }

    static func isUniqueViolation(_ error: any Error) -> Bool {
        let error = (error as? PostgresTransactionError)?.closureError ?? error
        return (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }
}
