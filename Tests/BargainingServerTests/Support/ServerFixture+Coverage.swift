import Bargaining
import BargainingCoverage
import BargainingService
import BargainingStore

extension ServerFixture {
    /// The day the coverage tests ask about: the generator's own as-of date.
    static let coverageDay = Day("2025-06-30")!

    /// A generated registry of every Beijing district (the fixture's 北京经济技术开发区 and
    /// 大兴区 among them) and its contracts, stored as `bargain registry import` and
    /// `bargain contracts import` store them.
    func loadCoverageData(enterprises: Int = 600) async throws {
        let dataset = CoverageDataGenerator(seed: 16, enterprises: enterprises, asOf: Self.coverageDay).dataset()
        try await store.upsertRegistry(dataset.registry)
        try await store.recordExternal(contracts: dataset.contracts, congressRecords: [])
    }

    /// What the library gives for `district` (nil: every district) — the call `bargain coverage
    /// --json` makes — to compare the server's answers with.
    func libraryReport(district: String?, by grouping: CoverageGrouping, asOf day: Day = coverageDay) async throws -> CoverageReport {
        let catalog = WorkflowCatalog(path: Self.workflows)
        let policy = try catalog.directory(for: .enterprise).context.policy
        return try await CoverageSources(store: store, workflows: catalog).reports([grouping], policy: policy, asOf: day, district: district)[0]
    }
}
