import Bargaining
import BargainingCoverage

/// A coverage trend as tables to hand on (issue 13 item 2): one table per grouping, a row per
/// group and date (the group's dates together, the total last), the date a real date and the
/// rates percentages, with the same columns as a single-date report (``CoverageSheets``), so a
/// pivot table or a chart in Excel reads it directly.
public struct TrendSheets: Sendable {
    public var sheets: CoverageSheets

    public init(policy: Policy, scope: String?) {
        sheets = CoverageSheets(policy: policy, scope: scope)
    }

    public static let headers = ["日期\ndate"] + CoverageSheets.headers

    public func title(from: Day, to: Day) -> String {
        "集体合同覆盖趋势 Coverage trend" + (sheets.scope.map { " · \($0)" } ?? "") + " · \(from) – \(to)"
    }

    public func table(_ trend: CoverageTrend) -> ReportTable {
        let grouping = trend.groupBy
        let name = grouping == .none ? "合计 total" : "按\(grouping.chineseName) by \(grouping.rawValue)"
        let dates = trend.dates
        return ReportTable(
            name: name,
            title: title(from: dates.first ?? Day(ordinal: 0), to: dates.last ?? Day(ordinal: 0)) + (grouping == .none ? "" : " · " + name),
            notes: ["每个日期的续签统计期间为当年1月1日至该日 renewal period: the year to each date", sheets.targetsNote],
            headers: Self.headers,
            rows: trend.series.flatMap { name, figures in
                zip(dates, figures).map { asOf, figures in
                    [.date(asOf), .text(name == "合计" ? "合计 total" : name)] + sheets.cells(figures)
                }
            })
    }
}
