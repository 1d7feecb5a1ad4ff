import Bargaining
import GRDB

/// Negotiations in one SQLite file: the embedded default, needing no server and no setup.
///
/// Durability: the file is in WAL mode with `synchronous = FULL`, so a decision reported as
/// recorded survives a power loss, not only a crash of the process. GRDB's `DatabasePool` sets
/// its writer to `NORMAL` (which can lose the last commits on power loss), so the store sets
/// `FULL` again on the writer after opening. These are legal records: the cost, one fsync per
/// decision, is a few milliseconds a person never notices.
///
/// Several processes may use one file at once: each append is an `IMMEDIATE` transaction that
/// checks the expected version under the write lock, and waits up to ``busyTimeout`` for it.
///
/// ## Topics
/// - ``init(path:createDirectory:)`` opens or creates the file, refusing foreign and newer ones.
/// - ``defaultPath(environment:)`` is where a store lives when none is named.
public struct SQLiteEventStore: EventStore {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: Double = 30

    /// Opens the store at `path`, creating the file (and, when `createDirectory`, its directory)
    /// readable by its owner only; with `creating` false a missing or empty file is refused
    /// instead (a command that only reads must not leave an empty store behind a typo).
    ///
    /// An existing file is first inspected read-only: one that is not a bargain database, or was
    /// written by a newer bargain, is refused before anything is written to it.
    public init(path: String, createDirectory: Bool = false, creating: Bool = true) throws(StoreError) {
        try Self.checkLocation(path, createDirectory: createDirectory && creating)
        let state = try Self.inspect(path)
        if state == .new {
            guard creating else {
                throw .unavailable(reason: "there is no store at \(path)",
                                   hint: "check the --store path (or BARGAIN_STORE); a command that only reads does not create one")
            }
            try Self.createPrivately(path)
        }
        let pool = try Self.openPool(path)
        if state != .current { try Self.migrate(pool, path: path) }
        self.path = path
        self.pool = pool
    }

    public func close() async {
        try? pool.close()
    }
}
