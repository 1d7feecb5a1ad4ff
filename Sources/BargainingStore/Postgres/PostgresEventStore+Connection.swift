import PostgresNIO

extension PostgresEventStore {
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await leased(limit: limits.read) { connection, _ in try await body(connection) }
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

    /// BEGIN, `body`, COMMIT, under the write limit (a snapshot read under the read limit).
    /// Any failure before COMMIT is sent rolls back and is rethrown as it is: nothing was
    /// recorded. A failure after it is ``StoreError/outcomeUnknown(reason:)`` unless the server
    /// itself said the commit failed (a constraint checked at commit, a serialization failure).
    func untypedTransaction<T: Sendable>(snapshot: Bool = false, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger, endpoint = self.endpoint
        return try await leased(limit: snapshot ? limits.read : limits.transaction) { connection, lease in
            let value: T
            do {
                try await connection.query(PostgresQuery(unsafeSQL: snapshot ? "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "BEGIN"),
                                           logger: logger)
                value = try await body(connection)
            } catch {
                // Bounded: a connection that does not answer the ROLLBACK is dropped, which rolls back too.
                _ = try? await Deadline.run(.seconds(1), or: { _ in CancellationError() }) {
                    try await connection.query("ROLLBACK", logger: logger)
                }
                throw error
            }
            if snapshot {
                try await connection.query("COMMIT", logger: logger)
                return value
            }
            guard lease.startCommit() else { throw CancellationError() }
            do {
                try await connection.query("COMMIT", logger: logger)
            } catch {
                throw Self.isDefiniteCommitFailure(error) ? error : StoreError.unknownOutcome(StoreError(postgres: error, endpoint: endpoint))
            }
            return value
        }
    }

    /// A COMMIT the server answered with an error of its own that means "rolled back". A
    /// terminated session (57P01) is not one: a backend ended while it waited for a synchronous
    /// standby had already committed locally.
    static func isDefiniteCommitFailure(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
        return ["23", "40", "25"].contains(String(state.prefix(2)))
    }

    /// `body` on a pooled connection, bounded where the pool and driver would wait for ever.
    ///
    /// The pool never gives up on a server that went away (it retries with backoff), so a
    /// request that gets no connection within the connect limit fails. A request that has its
    /// connection fails when `limit` has passed, or a second after the connection closes under
    /// it: a statement sent on a connection the server has just closed can otherwise wait for an
    /// answer that never comes. The request runs in an unstructured task so that, when it hangs,
    /// it can be left behind; its ``Lease`` keeps a request given up on from committing later.
    func leased<T: Sendable>(limit: Duration, _ body: @escaping @Sendable (PostgresConnection, Lease) async throws -> T) async throws -> T {
        let lease = Lease()
        let client = self.client, connect = limits.connect
        let server = "PostgreSQL at \(endpoint.host):\(endpoint.port)"
        let start = ContinuousClock.now
        return try await withCheckedThrowingContinuation { continuation in
            let outcome = FirstOutcome(continuation)
            let watch = Task {
                do {
                    while !lease.hasConnection && ContinuousClock.now < start + connect { try await Task.sleep(for: .milliseconds(50)) }
                    guard let connection = lease.connectionOrAbandon() else {
                        throw StoreError.unavailable(reason: "\(server) gave no connection within \(connect.components.seconds) s",
                                                     hint: "check that the server is still running and reachable; nothing was recorded")
                    }
                    let closed = try await Deadline.wait(until: start + limit, orClosing: connection)
                    throw Self.givenUp(lease.abandon(), closed: closed, server: server, limit: limit)
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
                        return try await body(connection, lease)
                    }
                    outcome.resume(with: .success(value))
                } catch {
                    outcome.resume(with: .failure(error))
                }
                watch.cancel()
            }
        }
    }

    /// What to report about a request the watch gave up on, by how far it had got.
    static func givenUp(_ abandoned: Lease.Abandoned, closed: Bool, server: String, limit: Duration) -> StoreError {
        let what = closed ? "the connection to \(server) closed" : "\(server) did not answer within \(limit.components.seconds) s"
        switch abandoned {
        case .beforeConnection, .beforeCommit:
            return .unavailable(reason: closed ? "\(what) in the middle of a request" : "\(what) (a request took too long)",
                                hint: "check the server; nothing was recorded")
        case .duringCommit:
            return .outcomeUnknown(reason: "\(what) after the commit was sent")
        }
    }

    static func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }
}
