import Foundation
import GRDB

/// A consistent copy of a live SQLite store, made with SQLite's online backup API (through
/// GRDB): it copies the pages as one snapshot, the events still in the write-ahead log included,
/// while other processes go on writing. A plain `cp` of a WAL store copies the main file without
/// the log and silently loses the newest events.
public enum SQLiteBackup {
    /// What a finished backup holds, counted in the copy itself.
    public struct Summary: Sendable {
        public var negotiations: Int
        public var events: Int
    }

    /// Copies the store at `source` into a new file at `destination`, checks the copy with
    /// `PRAGMA integrity_check`, and counts what it holds. Refuses to overwrite an existing file;
    /// a failed copy leaves no file behind.
    public static func copy(from source: String, to destination: String) throws(StoreError) -> Summary {
        let files = FileManager.default
        guard files.fileExists(atPath: source) else {
            throw .unavailable(reason: "there is no store at \(source)", hint: "name the store to back up with --store PATH")
        }
        guard !files.fileExists(atPath: destination) else {
            throw .unavailable(reason: "\(destination) already exists", hint: "a backup never overwrites a file: choose a new name")
        }
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            let from = try DatabaseQueue(path: source, configuration: readOnly)
            let to = try DatabaseQueue(path: destination)
            try from.backup(to: to)
            let summary = try to.read { db throws -> Summary in
                let check = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? ""
                guard check == "ok" else { throw StoreError.corrupt(reason: "the copy fails SQLite's integrity check: \(check)") }
                return Summary(negotiations: try Int.fetchOne(db, sql: "SELECT count(*) FROM negotiations") ?? 0,
                               events: try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0)
            }
            try to.close()
            try from.close()
            return summary
        } catch {
            try? files.removeItem(atPath: destination)
            if let store = error as? StoreError { throw store }
            throw .unavailable(reason: "the backup of \(source) to \(destination) failed: \(error)", hint: "check that both places are readable and writable")
        }
    }
}
