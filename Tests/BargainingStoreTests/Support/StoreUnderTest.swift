@testable import BargainingStore
import Foundation
import GRDB
import TestSupport

/// One store backend prepared for a test: a fresh, empty store of its own, the `--store` value
/// that names it for child processes, and access to its rows behind the store's back.
struct StoreUnderTest: Sendable {
    let backend: String
    /// What `--store` / `StoreLocation` takes to open this very store (SQL stores only).
    let location: String
    /// Runs SQL directly on the store's tables, behind the store's back (SQL stores only).
    let execute: @Sendable (String) async throws -> Void
    /// Changes one event row behind the store's back.
    let tamper: @Sendable (Tampering) async throws -> Void
    let cleanup: @Sendable () async -> Void
    let open: @Sendable () async throws -> any EventStore

    init(backend: String, location: String, execute: @escaping @Sendable (String) async throws -> Void,
         cleanup: @escaping @Sendable () async -> Void) {
        self.backend = backend
        self.location = location
        self.execute = execute
        self.tamper = { try await execute($0.sql) }
        self.cleanup = cleanup
        self.open = { try await openStore(StoreLocation(location)) }
    }

    /// A store in memory: every `open` gives the same one, and tampering edits its rows.
    static func memory() -> StoreUnderTest {
        let store = InMemoryEventStore()
        return StoreUnderTest(backend: "memory", location: "", execute: { _ in throw Tampering.NoSQL() },
                              tamper: { tampering in await store.tamper(tampering.negotiation, sequence: tampering.sequence) { row in
                                  if tampering.deletes { row = nil }
                                  if let body = tampering.body { row?.body = body }
                                  if let hash = tampering.hash { row?.hash = hash }
                                  if let previousHash = tampering.previousHash { row?.previousHash = previousHash }
                                  if let recordedAt = tampering.recordedAt { row?.recordedAt = recordedAt }
                              } },
                              cleanup: {}, open: { store })
    }

    private init(backend: String, location: String, execute: @escaping @Sendable (String) async throws -> Void,
                 tamper: @escaping @Sendable (Tampering) async throws -> Void, cleanup: @escaping @Sendable () async -> Void,
                 open: @escaping @Sendable () async throws -> any EventStore) {
        self.backend = backend
        self.location = location
        self.execute = execute
        self.tamper = tamper
        self.cleanup = cleanup
        self.open = open
    }

    /// Opens the store, runs `body` with it, closes it and removes the store's data.
    func with<T>(_ body: (any EventStore) async throws -> T) async throws -> T {
        let store = try await open()
        do {
            let result = try await body(store)
            await store.close()
            await cleanup()
            return result
        } catch {
            await store.close()
            await cleanup()
            throw error
        }
    }

    /// A new SQLite file in a directory of its own.
    static func sqlite() throws -> StoreUnderTest {
        let directory = TemporaryDirectory()
        let path = directory.path + "/store.sqlite"
        return StoreUnderTest(
            backend: "SQLite", location: path,
            execute: { sql in
                let queue = try DatabaseQueue(path: path)
                try await queue.write { db in try db.execute(sql: sql) }
                try queue.close()
            },
            cleanup: { directory.remove() })
    }

    /// A new schema in the test database, dropped afterwards, so tests never see each other's rows.
    static func postgres(url: String) throws -> StoreUnderTest {
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        return StoreUnderTest(
            backend: "PostgreSQL", location: url + (url.contains("?") ? "&" : "?") + "schema=\(schema)",
            // As a repair (or a forger with the owner's rights) would: past the append-only trigger.
            execute: { sql in try PostgresServer.psql(url, "SET search_path TO \(schema); SET bargain.maintenance = 'on'; \(sql)") },
            cleanup: { try? PostgresServer.psql(url, "DROP SCHEMA IF EXISTS \(schema) CASCADE") })
    }
}

/// An edit of one event row behind the store's back: new column values, or the row deleted.
struct Tampering: Sendable {
    var negotiation: String
    var sequence: Int
    var body: String? = nil
    var hash: String? = nil
    var previousHash: String? = nil
    var recordedAt: String? = nil
    var deletes = false

    struct NoSQL: Error {}

    /// The same edit for an SQL store.
    var sql: String {
        let row = "WHERE negotiation_id = \(sqlLiteral(negotiation)) AND sequence = \(sequence)"
        if deletes { return "DELETE FROM events \(row)" }
        let assignments = [body.map { "body = \(sqlLiteral($0))" }, hash.map { "hash = \(sqlLiteral($0))" },
                           previousHash.map { "prev_hash = \(sqlLiteral($0))" }, recordedAt.map { "recorded_at = \(sqlLiteral($0))" }]
            .compactMap { $0 }
        return "UPDATE events SET \(assignments.joined(separator: ", ")) \(row)"
    }
}

/// SQL text literal for tampering statements.
func sqlLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
}
