import Bargaining
import BargainingCoverage
import BargainingService
import BargainingStore

/// What the coverage commands read from the store: the calculator over the registry, the
/// contract index (negotiations' contracts and external ones) and the congress sessions, and
/// the enterprises with a renewal negotiation still open.
enum CoverageSources {
    static func calculator(_ store: any CoverageStore) async throws -> CoverageCalculator {
        let dataset = try await store.coverageDataset()
        return CoverageCalculator(registry: dataset.registry, contracts: dataset.contracts, congressSessions: dataset.congressSessions)
    }

    /// Enterprises covered by a renewal negotiation (one opened with `renews`) that is still
    /// open: it has not taken effect and is not at a terminal step of its workflow (withdrawn,
    /// say). A renewal that took effect is no longer open: its contract is in the index.
    static func openRenewals(_ store: any CoverageStore, workflows: WorkflowCatalog) async throws -> Set<CreditCode> {
        let openings = try await store.renewalOpenings()
        guard !openings.isEmpty else { return [] }
        let summaries = Dictionary(uniqueKeysWithValues: try await store.list(NegotiationQuery()).map { ($0.id, $0) })
        var open: Set<CreditCode> = []
        for opening in openings {
            guard let summary = summaries[opening.id], summary.contract == nil else { continue }
            let steps = try workflows.engine(for: opening.level).workflow.steps
            if steps.first(where: { $0.name == summary.step })?.terminal == true { continue }
            open.formUnion(opening.enterprises.map(\.creditCode))
        }
        return open
    }
}

extension CoverageSources {
    /// The laggards as of `asOf` (issue 5), renewals open in the store taken into account.
    static func laggards(_ store: any CoverageStore, workflows: WorkflowCatalog, policy: Policy, asOf: Day,
                         district: String?) async throws -> [Laggard] {
        let calculator = try await calculator(store)
        let open = try await openRenewals(store, workflows: workflows)
        return calculator.laggards(policy: policy, asOf: asOf, openRenewals: open, districtFilter: district)
    }
}
