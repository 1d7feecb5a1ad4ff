import Bargaining
@testable import BargainingStore
import Foundation
import GRDB
import Testing
import TestSupport

@Suite("SQLite store: files, settings and refusals")
struct SQLiteStoreTests {
    @Test("the writer runs WAL, foreign keys and synchronous = FULL")
    func durabilitySettings() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteEventStore(path: directory.path + "/store.sqlite")
        let settings = try await store.pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        await store.close()
        #expect(settings.0 == "wal")
        #expect(settings.1 == 2, "2 is FULL")
        #expect(settings.2 == 1)
    }

    @Test("a new store file, and SQLite's -wal and -shm beside it, are readable by their owner only (0600)")
    func privateFiles() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/store.sqlite"
        let store = try SQLiteEventStore(path: path)
        try await Samples.inTalks(id: "ENT-PRIVATE").record(in: store)
        for file in [path, path + "-wal", path + "-shm"] {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file): \(String(mode ?? 0, radix: 8))")
        }
        await store.close()
    }

    @Test("opened only to read, a missing or empty store is an error and nothing is created")
    func readOnlyMissing() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/mistyped.sqlite"
        let error = await #expect(throws: StoreError.self) {
            try await openStore(.sqlite(path: path, createsDirectory: false), creating: false)
        }
        #expect(error == .unavailable(reason: "there is no store at \(path)",
                                      hint: "check the --store path (or BARGAIN_STORE); a command that only reads does not create one"))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: StoreError.self) { try SQLiteEventStore(path: directory.path + "/missing/dir.sqlite", createDirectory: true, creating: false) }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/missing"))
    }

    @Test("negotiations survive closing and reopening")
    func reopen() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let history = try Samples.enterprise()
        let first = try SQLiteEventStore(path: directory.path + "/store.sqlite")
        try await history.record(in: first)
        await first.close()
        let second = try SQLiteEventStore(path: directory.path + "/store.sqlite")
        #expect(try await second.load(history.id).map(\.event) == history.events)
        await second.close()
    }

    @Test("a missing directory is reported and nothing is created")
    func missingDirectory() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/no/such/dir/store.sqlite"
        #expect(throws: StoreError.unavailable(reason: "directory \(directory.path)/no/such/dir does not exist",
                                               hint: "create it (mkdir -p \(directory.path)/no/such/dir) or choose another --store path")) {
            try SQLiteEventStore(path: path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("a directory, or a file in place of a directory, is reported")
    func notAFilePath() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: StoreError.self) { try SQLiteEventStore(path: directory.path) }
        _ = FileManager.default.createFile(atPath: directory.path + "/plain", contents: Data("x".utf8))
        let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: directory.path + "/plain/store.sqlite") }
        #expect(error?.description == "store unavailable: \(directory.path)/plain is not a directory. choose another --store path")
    }

    @Test("an unwritable directory is reported and nothing is created", .disabled(if: getuid() == 0, "root writes anywhere"))
    func unwritableDirectory() throws {
        let directory = TemporaryDirectory()
        defer {
            chmod(directory.path, 0o700)
            directory.remove()
        }
        chmod(directory.path, 0o500)
        #expect(throws: StoreError.unavailable(reason: "directory \(directory.path) is not writable",
                                               hint: "choose another --store path or fix the permissions")) {
            try SQLiteEventStore(path: directory.path + "/store.sqlite")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("a file that is not SQLite is refused untouched")
    func notSQLite() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/notes.txt"
        let bytes = Data(String(repeating: "工资集体协商 minutes\n", count: 300).utf8)
        _ = FileManager.default.createFile(atPath: path, contents: bytes)
        #expect(throws: StoreError.incompatible(reason: "\(path) is not a bargain database; choose another --store path")) {
            try SQLiteEventStore(path: path)
        }
        #expect(FileManager.default.contents(atPath: path) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["notes.txt"])
    }

    @Test("another application's SQLite database is refused untouched")
    func foreignDatabase() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/other.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)") }
        try queue.close()
        let bytes = FileManager.default.contents(atPath: path)
        #expect(throws: StoreError.incompatible(reason: "\(path) is not a bargain database; choose another --store path")) {
            try SQLiteEventStore(path: path)
        }
        #expect(FileManager.default.contents(atPath: path) == bytes)
    }

    @Test("a database written by a newer bargain is refused untouched")
    func newerSchema() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/store.sqlite"
        let store = try SQLiteEventStore(path: path)
        try await Samples.enterprise().record(in: store)
        await store.close()
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "UPDATE bargain_meta SET value = '99' WHERE key = 'schema_version'; PRAGMA user_version = 99") }
        try queue.close()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let bytes = FileManager.default.contents(atPath: path)

        let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path) }
        #expect(error == .incompatible(reason: "\(path) was written by a newer bargain (schema 99, this one reads up to \(SQLiteSchema.version)); upgrade bargain — the file was not changed"))
        #expect(FileManager.default.contents(atPath: path) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == files)
    }

    @Test("bargain_meta is the record: a newer schema is refused even when the header lags behind")
    func newerSchemaInMetaOnly() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/store.sqlite"
        let store = try SQLiteEventStore(path: path)
        await store.close()
        let queue = try DatabaseQueue(path: path)
        let newer = SQLiteSchema.version + 1
        try await queue.write { db in try db.execute(sql: "UPDATE bargain_meta SET value = '\(newer)' WHERE key = 'schema_version'") }
        try queue.close()
        let bytes = FileManager.default.contents(atPath: path)
        #expect(throws: StoreError.incompatible(reason: "\(path) was written by a newer bargain (schema \(newer), this one reads up to \(SQLiteSchema.version)); upgrade bargain — the file was not changed")) {
            try SQLiteEventStore(path: path)
        }
        #expect(FileManager.default.contents(atPath: path) == bytes)
    }

    @Test("an empty file becomes a new store")
    func emptyFile() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/store.sqlite"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let store = try SQLiteEventStore(path: path)
        #expect(try await store.list(NegotiationQuery()).isEmpty)
        await store.close()
    }

    @Test("the default store is created under XDG_DATA_HOME, directory included")
    func defaultLocation() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let location = try StoreLocation(nil, environment: ["XDG_DATA_HOME": directory.path + "/data", "HOME": "/nonexistent"])
        #expect(location == .sqlite(path: directory.path + "/data/bargain/bargain.sqlite", createsDirectory: true))
        let store = try await openStore(location)
        await store.close()
        #expect(FileManager.default.fileExists(atPath: directory.path + "/data/bargain/bargain.sqlite"))
    }
}
