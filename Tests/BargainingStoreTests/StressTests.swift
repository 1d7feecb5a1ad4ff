import Testing

/// Real processes against real stores: many writers at once, and renewals killed mid-commit.
/// Serialized: each scenario already keeps both cores busy.
@Suite("Concurrent writers and crashes", .serialized)
struct StressTests {
    @Test("SQLite: 8 processes × 500 decisions on one negotiation")
    func sqliteShared() async throws {
        try await Stress.concurrent(try StoreUnderTest.sqlite(), shared: true)
    }

    @Test("SQLite: 8 processes × 500 decisions, one negotiation each")
    func sqliteSeparate() async throws {
        try await Stress.concurrent(try StoreUnderTest.sqlite(), shared: false)
    }

    @Test("SQLite: 200 SIGKILLs mid-renewal: the old and the new negotiation both stored or both absent")
    func sqliteCrash() async throws {
        try await Stress.crash(try StoreUnderTest.sqlite(), kills: 200)
    }

    @Test("PostgreSQL: 8 processes × 500 decisions on one negotiation", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func postgresShared() async throws {
        guard let subject = try PostgresServer.store() else { return }
        try await Stress.concurrent(subject, shared: true)
    }

    @Test("PostgreSQL: 8 processes × 100 decisions on one negotiation, retried as the CLI does: each stored once or reported given up",
          .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func postgresServiceRetries() async throws {
        guard let subject = try PostgresServer.store() else { return }
        try await Stress.concurrent(subject, shared: true, decisionsPerWriter: 100, serviceRetries: true)
    }

    @Test("PostgreSQL: 8 processes × 500 decisions, one negotiation each", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func postgresSeparate() async throws {
        guard let subject = try PostgresServer.store() else { return }
        try await Stress.concurrent(subject, shared: false)
    }

    @Test("PostgreSQL: 200 SIGKILLs mid-renewal: the old and the new negotiation both stored or both absent", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func postgresCrash() async throws {
        guard let subject = try PostgresServer.store() else { return }
        try await Stress.crash(subject, kills: 200)
    }
}
