import PostgresNIO

/// Limits on waiting for PostgreSQL that do not wait for what they limit.
///
/// A limit built on a task group cannot fire while its child hangs, because the group waits for
/// every child before it returns; that is how `bargain do` once hung for 669 s on a connection
/// terminated during `open`. Here the work runs in an unstructured task and the first of work
/// and clock to finish resumes the caller (``FirstOutcome``); the loser is left behind.
enum Deadline {
    /// The limits of one store, from the connection timeout it was opened with.
    struct Limits: Sendable {
        /// Connecting, and waiting for a pooled connection.
        var connect: Duration
        /// One write transaction from BEGIN to COMMIT's answer; also the longest a lock is
        /// waited for, and the longest the server lets a transaction sit idle.
        var transaction: Duration
        /// One read (a `verify` of a whole city reads for a while); also each statement's limit
        /// on the server.
        var read: Duration

        init(timeout: Duration) {
            connect = timeout
            transaction = timeout * 6
            read = max(timeout * 120, .seconds(600))
        }
    }

    /// `body`'s result; or, once `limit` has passed, or once `connection` (when given) has
    /// closed and a second of grace has passed, the error `failure(closed)` makes. A result that
    /// arrives after the caller was given the failure goes to `orphaned` (a connection made too
    /// late is closed, not leaked).
    static func run<T: Sendable>(_ limit: Duration, watching connection: PostgresConnection? = nil,
                                 or failure: @escaping @Sendable (_ closed: Bool) -> any Error,
                                 orphaned: @escaping @Sendable (T) async -> Void = { _ in },
                                 _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let end = ContinuousClock.now + limit
        return try await withCheckedThrowingContinuation { continuation in
            let outcome = FirstOutcome(continuation)
            let clock = Task {
                guard let closed = try? await Deadline.wait(until: end, orClosing: connection) else { return }
                outcome.resume(with: .failure(failure(closed)))
            }
            Task {
                do {
                    let value = try await body()
                    if !outcome.resume(with: .success(value)) { await orphaned(value) }
                } catch {
                    outcome.resume(with: .failure(error))
                }
                clock.cancel()
            }
        }
    }

    /// Sleeps until `end` (false) or until `connection` has closed, plus a second of grace for a
    /// request whose answer had arrived just before (true). Cancellation throws.
    static func wait(until end: ContinuousClock.Instant, orClosing connection: PostgresConnection?) async throws -> Bool {
        while ContinuousClock.now < end {
            if let connection, connection.isClosed {
                try await Task.sleep(for: .seconds(1))
                return true
            }
            try await Task.sleep(for: min(.milliseconds(100), end - ContinuousClock.now))
        }
        return false
    }
}

extension Duration {
    /// Whole milliseconds, as PostgreSQL's timeout settings take them.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
