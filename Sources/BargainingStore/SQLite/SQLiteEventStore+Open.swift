import Foundation
import GRDB

extension SQLiteEventStore {
    /// `$XDG_DATA_HOME/bargain/bargain.sqlite`, else `~/.local/share/bargain/bargain.sqlite`
    /// (the XDG base directory convention), so a user's negotiations outlive any working directory.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/bargain/bargain.sqlite"
        }
        guard let home = environment["HOME"], !home.isEmpty else {
            throw .unavailable(reason: "neither XDG_DATA_HOME nor HOME is set, so there is no default store location",
                               hint: "name a store with --store PATH or BARGAIN_STORE")
        }
        return home + "/.local/share/bargain/bargain.sqlite"
    }

    /// Where the file would go must be a writable directory; checked before SQLite creates
    /// anything, so a typo in `--store` leaves no stray file or directory behind.
    static func checkLocation(_ path: String, createDirectory: Bool) throws(StoreError) {
        let hint = "choose another --store path or fix the permissions"
        guard !path.isEmpty else {
            throw .unavailable(reason: "the store path is empty", hint: "give --store PATH, or unset BARGAIN_STORE to use the default")
        }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw .unavailable(reason: "\(path) is a directory", hint: "give the path of a database file, e.g. \(path)/bargain.sqlite")
            }
            guard access(path, R_OK | W_OK) == 0 else {
                throw .unavailable(reason: "\(path) is not readable and writable", hint: hint)
            }
        }
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        if !files.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard createDirectory else {
                throw .unavailable(reason: "directory \(directory) does not exist", hint: "create it (mkdir -p \(directory)) or choose another --store path")
            }
            do { try files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                throw .unavailable(reason: "cannot create directory \(directory) (\(error.localizedDescription))", hint: hint)
            }
        } else if !isDirectory.boolValue {
            throw .unavailable(reason: "\(directory) is not a directory", hint: "choose another --store path")
        }
        // SQLite creates the -wal and -shm files beside the database.
        guard access(directory, W_OK | X_OK) == 0 else {
            throw .unavailable(reason: "directory \(directory) is not writable", hint: hint)
        }
    }

    enum SchemaState: Equatable {
        /// No file, an empty file, or a database without tables: bargain may set it up.
        case new
        /// A bargain database at an older schema version.
        case older
        case current
    }

    /// Looks at an existing file without writing to it: first its header, then, for a file that
    /// may be a bargain database, its `bargain_meta` through a read-only connection.
    static func inspect(_ path: String) throws(StoreError) -> SchemaState {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return .new }
        try checkHeader(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db throws -> SchemaState in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                if tables.isEmpty { return .new }
                let notBargain = StoreError.incompatible(reason: "\(path) is not a bargain database; choose another --store path")
                guard tables.contains("bargain_meta") else { throw notBargain }
                let meta = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM bargain_meta").map { row -> (String, String) in
                    (row["key"], row["value"])
                })
                guard meta["application"] == "bargain", let version = meta["schema_version"].flatMap(Int.init) else { throw notBargain }
                if version > SQLiteSchema.version {
                    throw StoreError.incompatible(reason: newerSchemaReason(path, version: version))
                }
                return try SQLiteSchema.migrator.hasCompletedMigrations(db) ? .current : .older
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(sqlite: error, path: path)
        }
    }

    /// Refuses what the first 100 bytes already tell apart: not SQLite at all, another
    /// application's database, or a bargain database of a newer schema. The header can lag
    /// behind a WAL that was never checkpointed, so a file it lets through is checked again.
    static func checkHeader(_ path: String) throws(StoreError) {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw .unavailable(reason: "cannot read \(path)", hint: "check its permissions or choose another --store path")
        }
        let header = [UInt8]((try? file.read(upToCount: 100)) ?? Data())
        try? file.close()
        guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw .incompatible(reason: "\(path) is not a bargain database; choose another --store path")
        }
        func int32(at offset: Int) -> Int32 {
            Int32(bitPattern: header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) })
        }
        let applicationID = int32(at: 68), userVersion = int32(at: 60)
        if applicationID != 0 && applicationID != SQLiteSchema.applicationID {
            throw .incompatible(reason: "\(path) is not a bargain database; choose another --store path")
        }
        if applicationID == SQLiteSchema.applicationID && userVersion > SQLiteSchema.version {
            throw .incompatible(reason: newerSchemaReason(path, version: Int(userVersion)))
        }
    }

    static func newerSchemaReason(_ path: String, version: Int) -> String {
        "\(path) was written by a newer bargain (schema \(version), this one reads up to \(SQLiteSchema.version)); upgrade bargain — the file was not changed"
    }

    /// Creates the file, if missing, with mode 0600 before SQLite opens it: negotiations are not
    /// for every account on the machine, and SQLite gives its -wal and -shm files the same mode.
    static func createPrivately(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if descriptor >= 0 {
            try? FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).close()
        } else if errno != EEXIST {
            throw .unavailable(reason: "cannot create \(path) (\(String(cString: strerror(errno))))", hint: "choose another --store path or fix the permissions")
        }
    }

    static func openPool(_ path: String) throws(StoreError) -> DatabasePool {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            return pool
        } catch {
            throw StoreError(sqlite: error, path: path)
        }
    }

    static func migrate(_ pool: DatabasePool, path: String) throws(StoreError) {
        do {
            try SQLiteSchema.migrator.migrate(pool)
        } catch {
            // Two processes creating the same new file race between GRDB's "applied?" check and
            // the migration itself; the loser finds the winner's schema on a second look.
            do { try SQLiteSchema.migrator.migrate(pool) } catch {
                throw StoreError(sqlite: error, path: path)
            }
        }
    }
}
