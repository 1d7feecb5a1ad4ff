import Bargaining

/// A coverage trend (issue 13 item 2): the report of SPEC §6 as of each of a series of dates,
/// each with the year to its date as the renewal period, computed together in one pass
/// (``CoverageCalculator/trend(policy:dates:groupBy:districtFilter:)``). Every point is exactly
/// the report `bargain coverage --as-of` gives for its date; its `Codable` form is
/// `{"groupBy","points":[…one report each…]}`.
public struct CoverageTrend: Sendable, Hashable, Codable {
    public var groupBy: CoverageGrouping
    /// One report per date, in date order; all have the same groups.
    public var points: [CoverageReport]

    public init(groupBy: CoverageGrouping, points: [CoverageReport]) {
        self.groupBy = groupBy
        self.points = points
    }

    public var dates: [Day] { points.map(\.asOf) }

    /// The group names of the points, as ``CoverageReport/displayName(of:)`` shows them, and
    /// the figures of each at every date; the total last, as "合计".
    public var series: [(name: String, figures: [CoverageFigures])] {
        guard let first = points.first else { return [] }
        return first.groups.indices.map { group in
            (first.displayName(of: first.groups[group]), points.map { $0.groups[group] })
        } + [("合计", points.map(\.total))]
    }
}
