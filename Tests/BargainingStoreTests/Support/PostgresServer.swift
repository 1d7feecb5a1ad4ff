import Foundation
import Testing
import TestSupport

/// The PostgreSQL server the tests use, named by `BARGAIN_TEST_POSTGRES_URL`
/// (`scripts/postgres-cluster.sh start DIR` starts a throwaway one and prints its URL).
///
/// Without it the PostgreSQL tests are skipped on a developer's machine, but under `CI=true`
/// they run and fail: CI must never pass by silently testing one store of two.
enum PostgresServer {
    static let environment = ProcessInfo.processInfo.environment
    static let url: String? = environment["BARGAIN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = environment["CI"] == "true"

    /// Whether the PostgreSQL tests run at all (with a server, or to fail under CI without one).
    static let runs = url != nil || isCI
    static let skipReason: Comment = "BARGAIN_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped (start a server with scripts/postgres-cluster.sh start DIR and export the URL it prints)"

    /// A fresh store on the server, or nil after recording the CI failure.
    static func store() throws -> StoreUnderTest? {
        guard let url else {
            Issue.record("CI requires PostgreSQL: BARGAIN_TEST_POSTGRES_URL is not set")
            return nil
        }
        return try StoreUnderTest.postgres(url: url)
    }

    /// Runs SQL through `psql`, the server's own client: the test target needs no PostgreSQL
    /// library of its own to tamper with rows.
    static func psql(_ url: String, _ sql: String) throws {
        let result = Subprocess.run([psqlPath, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql])
        guard result.status == 0 else { throw Subprocess.Failure(description: "psql failed: \(result.stderr)") }
    }

    /// A new database of its own on the server at `url`, for a test that ends sessions or changes
    /// settings only there: its name and URL.
    static func createDatabase(_ url: String, prefix: String) throws -> (name: String, url: String) {
        let name = prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        try psql(url, "CREATE DATABASE \(name)")
        var components = URLComponents(string: url)!
        components.path = "/\(name)"
        return (name, components.string!)
    }

    /// Ends the database's sessions, then drops it (two statements: DROP DATABASE runs alone).
    static func dropDatabase(_ url: String, _ name: String) {
        try? psql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
        try? psql(url, "DROP DATABASE IF EXISTS \(name)")
    }

    static let psqlPath: String = {
        let candidates = ["/usr/bin/psql"] + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin/psql" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "psql"
    }()
}
