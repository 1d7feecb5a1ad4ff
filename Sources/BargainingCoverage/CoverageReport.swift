import Bargaining

/// A coverage report (issue 5): the figures of SPEC §6 per group and in total, as of a date.
/// Its `Codable` form is the fixed JSON shape of `bargain coverage --json`:
/// `{"asOf","from","to","groupBy","groups":[…],"total":{…,"key":"total"}}`, dates as
/// `YYYY-MM-DD`, nulls written out.
public struct CoverageReport: Sendable, Hashable, Codable {
    /// D.
    public var asOf: Day
    /// A and B, the renewal period.
    public var from: Day
    public var to: Day
    public var groupBy: CoverageGrouping
    /// Sorted by key in Unicode code point order (street groups by district, then street); empty when grouped by `.none`. A group exists when some registry enterprise
    /// in scope has its key, even if none is unionised (its rates are then nil).
    public var groups: [CoverageFigures]
    public var total: CoverageFigures

    /// The name a table or chart shows for a group: a street with its district when the report
    /// has streets of more than one district (two 新华街道 must not read alike), else the key as
    /// ``CoverageGrouping/displayName(ofKey:)`` shows it.
    public func displayName(of figures: CoverageFigures) -> String {
        guard let district = figures.district, Set(groups.compactMap(\.district)).count > 1 else {
            return groupBy.displayName(ofKey: figures.key)
        }
        return district + figures.key
    }

    public init(asOf: Day, from: Day, to: Day, groupBy: CoverageGrouping, groups: [CoverageFigures], total: CoverageFigures) {
        self.asOf = asOf
        self.from = from
        self.to = to
        self.groupBy = groupBy
        self.groups = groups
        self.total = total
    }
}
