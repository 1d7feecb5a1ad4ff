import Testing

@Suite("In-memory store conformance")
struct MemoryConformanceTests {
    @Test(arguments: StoreConformance.all)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await check.run(StoreUnderTest.memory())
    }
}
