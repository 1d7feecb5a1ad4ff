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
    /// Sorted by key in Unicode code point order; empty when grouped by `.none`. A group exists when some registry enterprise
    /// in scope has its key, even if none is unionised (its rates are then nil).
    public var groups: [CoverageFigures]
    public var total: CoverageFigures

    public init(asOf: Day, from: Day, to: Day, groupBy: CoverageGrouping, groups: [CoverageFigures], total: CoverageFigures) {
        self.asOf = asOf
        self.from = from
        self.to = to
        self.groupBy = groupBy
        self.groups = groups
        self.total = total
    }
}
