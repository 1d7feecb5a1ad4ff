import Foundation
import GRDB
import Testing
import TestSupport

/// `bargain backup DEST`: a consistent copy of a live store, checked with the sqlite3 shell
/// (a tool nobody here wrote) and with `bargain verify`.
@Suite("Backing up a live store")
struct BackupCommandTests {
    @Test("the copy of a live WAL store holds every event, also those only in the write-ahead log; a plain copy of the file does not")
    func liveStore() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-BACKUP")
        // Another connection keeps the store open, so bargain's writes stay in the WAL file
        // (SQLite checkpoints when the last connection closes), as on a server in use.
        let live = try DatabasePool(path: store.path)
        try store.play(id, until: "talks")
        let events = try live.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM events") ?? 0 }
        #expect(events > 2)

        let destination = store.directory.url.appendingPathComponent("copy.sqlite").path
        let result = try store.run(["backup", destination])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "backed up \(store.path) to \(destination): 1 negotiation, \(events) events; integrity check ok\n")

        guard RequiredTool.available(["sqlite3", "-version"], install: "apt-get install sqlite3") else { return }
        let checked = Subprocess.run(["sqlite3", destination, "PRAGMA integrity_check; SELECT count(*) FROM events;"])
        #expect(checked.stdout == "ok\n\(events)\n", "\(checked.stderr)")
        let verify = try store.run(["verify", "--store", destination])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        // What the backup is for: the main file alone, copied while the store is live, misses
        // what the log holds.
        let plain = store.directory.url.appendingPathComponent("plain.sqlite").path
        try FileManager.default.copyItem(atPath: store.path, toPath: plain)
        let copied = Subprocess.run(["sqlite3", plain, "SELECT count(*) FROM events;"])
        #expect(copied.stdout != "\(events)\n", "a plain copy of the main file holds \(copied.stdout) events")
        try live.close()
    }

    @Test("an existing destination is never overwritten, and a PostgreSQL store gets the pg_dump advice", arguments: [
        (["backup", "EXISTING"], Int32(69), "already exists"),
        (["backup", "x.dump", "--store", "postgres://bargain@127.0.0.1:5432/bargain"], Int32(64), "pg_dump --format=custom --file=x.dump 'postgres://bargain@127.0.0.1:5432/bargain'"),
    ])
    func refusals(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let store = try StoreFixture()
        _ = try store.open("ENT-BACKUP")
        let existing = store.directory.url.appendingPathComponent("existing.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        let result = try store.run(arguments.map { $0 == "EXISTING" ? existing : $0 })
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
    }
}
