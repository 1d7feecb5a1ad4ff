import Testing

@Suite("PostgreSQL store conformance", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
struct PostgresConformanceTests {
    @Test(arguments: StoreConformance.all)
    func conformance(_ check: StoreConformance.Check) async throws {
        guard let subject = try PostgresServer.store() else { return }
        try await check.run(subject)
    }
}
