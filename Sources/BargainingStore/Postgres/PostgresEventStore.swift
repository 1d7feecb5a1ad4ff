import Bargaining
import Logging
import PostgresNIO

/// Negotiations in a PostgreSQL database: one store for a whole city's districts.
///
/// Same tables and semantics as ``SQLiteEventStore``: each append is one transaction that locks
/// the negotiation's row (`SELECT … FOR UPDATE`) before checking the expected version, and the
/// primary key (negotiation_id, sequence) on events makes a second writer's insert fail rather
/// than overwrite, so a lost race is always a ``StoreError/conflict(id:expected:actual:)``.
/// Commits wait for the server's WAL flush (PostgreSQL's default `synchronous_commit = on`).
///
/// ## Topics
/// - ``open(_:timeout:)`` connects, checks the schema and starts the connection pool.
///
/// Every wait has a limit (``Deadline``), and a write ends in one of three ways: committed;
/// not committed (any failure before COMMIT was sent; the watch that gives up on a request
/// also stops it from sending COMMIT later); or ``StoreError/outcomeUnknown(reason:)``, when
/// COMMIT was sent and no answer came. Repeating that write with the same request id records it
/// at most once.
public final class PostgresEventStore: EventStore {
    public let endpoint: PostgresEndpoint
    let client: PostgresClient
    /// The pool's background work (`PostgresClient.run()`); cancelling it closes the pool.
    let running: Task<Void, Never>
    let logger = PostgresEventStore.silentLogger
    /// How long to wait for a connection, for a write transaction and for a read.
    let limits: Deadline.Limits

    static let silentLogger = Logger(label: "bargain.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    init(endpoint: PostgresEndpoint, client: PostgresClient, limits: Deadline.Limits) {
        self.endpoint = endpoint
        self.limits = limits
        self.client = client
        self.running = Task { await client.run() }
    }

    /// Closes the pool, waiting at most two seconds: a connection stuck on a request the
    /// server will never answer must not keep the command from exiting.
    public func close() async {
        running.cancel()
        let running = self.running
        _ = try? await Deadline.run(.seconds(2), or: { _ in CancellationError() }) { await running.value }
    }
}
