import Bargaining
import BargainingCoverage
import BargainingStore

/// What coverage reports and laggard lists read from a store, as of a day (SPEC §6; issue 14
/// item 1): the registry; the contract index with the agreements that time alone put into
/// effect by that day (a review window closed without objection, S1 art 47), as `status` and
/// `list` see them for the same day; the congress sessions; and the renewal negotiations open on
/// that day. Every front end reads coverage through this, never the projections directly.
public struct CoverageSources: Sendable {
    public let store: any CoverageStore
    let service: LocalNegotiationService

    public init(store: any CoverageStore, workflows: WorkflowCatalog) {
        self.store = store
        service = LocalNegotiationService(store: store, workflows: workflows)
    }

    /// The calculator for reports as of `day` or any earlier day (a trend ending on `day`): an
    /// agreement that took effect by time counts from its effective date on.
    public func calculator(asOf day: Day) async throws -> CoverageCalculator {
        try await calculator(records: try await service.contractRecords(asOf: day))
    }

    /// The figures of SPEC §6 as of `day`, one report per grouping, all from one index: what
    /// `bargain coverage` prints (its `--json`) and writes (`--out`), and what the server's
    /// `/api/v1/coverage` and district pages show. The renewal period [`from`, `to`] defaults to
    /// the year to date and is checked by ``RenewalPeriod`` (a period ending after `day` is
    /// refused). `district`: only that district's registry enterprises; nil for all.
    public func reports(_ groupings: [CoverageGrouping], policy: Policy, asOf day: Day, from: Day? = nil, to: Day? = nil,
                        district: String?) async throws -> [CoverageReport] {
        let period = try RenewalPeriod(asOf: day, from: from, to: to)
        return Self.reports(try await calculator(asOf: day), groupings, policy: policy, asOf: day, period: period, district: district)
    }

    /// ``reports(_:policy:asOf:from:to:district:)`` and ``laggards(policy:asOf:district:)`` from
    /// one reading of the store and one index: what a district's overview page shows.
    public func reportsAndLaggards(_ groupings: [CoverageGrouping], policy: Policy, asOf day: Day, from: Day? = nil, to: Day? = nil,
                                   district: String?) async throws -> (reports: [CoverageReport], laggards: [Laggard]) {
        let period = try RenewalPeriod(asOf: day, from: from, to: to)
        let records = try await service.contractRecords(asOf: day)
        let calculator = try await calculator(records: records)
        return (Self.reports(calculator, groupings, policy: policy, asOf: day, period: period, district: district),
                calculator.laggards(policy: policy, asOf: day, openRenewals: try await openRenewals(asOf: day, records: records),
                                    districtFilter: district))
    }

    /// The trend of each grouping over `dates` (issue 13 item 2), from one reading of the store
    /// as of the last date and one index: each point is the report as of its date with the year
    /// to date as its renewal period. `district`: only that district's registry enterprises.
    public func trends(_ groupings: [CoverageGrouping], policy: Policy, dates: [Day], district: String?) async throws -> [CoverageTrend] {
        guard let last = dates.last else { return groupings.map { CoverageTrend(groupBy: $0, points: []) } }
        let calculator = try await calculator(asOf: last)
        return groupings.map { calculator.trend(policy: policy, dates: dates, groupBy: $0, districtFilter: district) }
    }

    static func reports(_ calculator: CoverageCalculator, _ groupings: [CoverageGrouping], policy: Policy, asOf day: Day,
                        period: RenewalPeriod, district: String?) -> [CoverageReport] {
        groupings.map { calculator.report(policy: policy, asOf: day, from: period.from, to: period.to, groupBy: $0, districtFilter: district) }
    }

    /// Enterprises covered by a renewal negotiation (S1 art 38) open on `day`: opened by then,
    /// not ended by then (withdrawn, say) and not in effect by then, by an act or by time. A
    /// renewal in effect is no longer open: its contract is in the index.
    public func openRenewals(asOf day: Day) async throws -> Set<CreditCode> {
        try await openRenewals(asOf: day, records: try await service.contractRecords(asOf: day))
    }

    /// The laggards as of `day` (issue 5), with the renewals open on that day taken into account.
    public func laggards(policy: Policy, asOf day: Day, district: String?) async throws -> [Laggard] {
        let records = try await service.contractRecords(asOf: day)
        return try await calculator(records: records).laggards(policy: policy, asOf: day,
                                                               openRenewals: try await openRenewals(asOf: day, records: records),
                                                               districtFilter: district)
    }

    func calculator(records: [ContractRecord]) async throws -> CoverageCalculator {
        CoverageCalculator(registry: try await store.registry(), contracts: try await store.coverageContracts(records: records),
                           congressSessions: try await store.congressSessions())
    }

    /// The store's open renewals less those whose contract, in `records` (the contracts as of
    /// `day`), took effect by `day`.
    func openRenewals(asOf day: Day, records: [ContractRecord]) async throws -> Set<CreditCode> {
        let inEffect = Set(records.filter { $0.effectiveOn.map { $0 <= day } == true }.map(\.contractID))
        var open: Set<CreditCode> = []
        for renewal in try await store.openRenewals(asOf: day) where !inEffect.contains(renewal.negotiationID) {
            open.formUnion(renewal.enterprises)
        }
        return open
    }
}
