import BargainingStore
import Foundation
import GRDB

/// One store backend prepared for a test: a fresh, empty store of its own, the `--store` value
/// that names it for child processes, and raw SQL access to its tables for tampering.
struct StoreUnderTest: Sendable {
    let backend: String
    /// What `--store` / `StoreLocation` takes to open this very store.
    let location: String
    /// Runs SQL directly on the store's tables, behind the store's back.
    let execute: @Sendable (String) async throws -> Void
    let cleanup: @Sendable () async -> Void

    func open() async throws -> any EventStore {
        try await openStore(StoreLocation(location))
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
        let directory = try TemporaryDirectory()
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
            execute: { sql in try PostgresServer.psql(url, "SET search_path TO \(schema); \(sql)") },
            cleanup: { try? PostgresServer.psql(url, "DROP SCHEMA IF EXISTS \(schema) CASCADE") })
    }
}

/// SQL text literal for tampering statements.
func sqlLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
}
