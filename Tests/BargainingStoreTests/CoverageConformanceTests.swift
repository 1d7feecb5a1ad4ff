import Testing

@Suite("SQLite store: coverage conformance")
struct SQLiteCoverageConformanceTests {
    @Test(arguments: CoverageConformance.all)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await check.run(try StoreUnderTest.sqlite())
    }
}

@Suite("PostgreSQL store: coverage conformance", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
struct PostgresCoverageConformanceTests {
    @Test(arguments: CoverageConformance.all)
    func conformance(_ check: StoreConformance.Check) async throws {
        guard let subject = try PostgresServer.store() else { return }
        try await check.run(subject)
    }
}
