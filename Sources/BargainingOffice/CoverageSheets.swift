import Bargaining
import BargainingCoverage

/// A coverage report as tables to hand on: each group's rates with their numerators and
/// denominators, the targets and the shortfalls, the total last; the as-of date, the renewal
/// period and the policy above the table.
public struct CoverageSheets: Sendable {
    public var policy: Policy
    public var scope: String?

    public init(policy: Policy, scope: String?) {
        self.policy = policy
        self.scope = scope
    }

    public static let headers = [
        "分组\ngroup", "建会企业\nunionised", "已签订\nsigned", "签订率\nsigning", "签订目标\ntarget", "签订差额\nshort",
        "职工\nemployees", "覆盖职工\ncovered", "职工覆盖率\ncoverage",
        "到期应续\ndue", "已续签\nrenewed", "续签率\nrenewal", "续签目标\ntarget", "续签差额\nshort",
        "工商联会员\nmembers", "会员已签\nsigned", "会员签订率\nrate", "会员目标\ntarget", "会员差额\nshort",
        "职代会建制\ncongress", "建制率\nrate",
    ]

    public func title(asOf: Day) -> String {
        "集体合同覆盖情况 Coverage" + (scope.map { " · \($0)" } ?? "") + " · 截至 as of \(asOf)"
    }

    /// One table for the report's grouping (the total alone when it has none).
    public func table(_ report: CoverageReport) -> ReportTable {
        let grouping = report.groupBy
        let name = grouping == .none ? "合计 total" : "按\(grouping.chineseName) by \(grouping.rawValue)"
        let groups = report.groups.map { (grouping.displayName(ofKey: $0.key), $0) } + [("合计 total", report.total)]
        return ReportTable(
            name: name, title: title(asOf: report.asOf) + (grouping == .none ? "" : " · " + name),
            notes: [
                "截至 as of \(report.asOf)；续签统计期间 renewal period \(report.from) – \(report.to)",
                targetsNote,
            ],
            headers: Self.headers,
            rows: groups.map { name, figures in [.text(name)] + cells(figures) })
    }

    /// A group's figures as the cells after its name, in the order of ``headers``: what a
    /// report's row and a trend's row (after its date) hold.
    func cells(_ figures: CoverageFigures) -> [ReportCell] {
        [.number(figures.unionised), .number(figures.signed),
         rate(figures.signed, figures.unionised), target(policy.signingTarget), shortfall(figures.shortfall.signing),
         .number(figures.employees), .number(figures.employeesCovered), rate(figures.employeesCovered, figures.employees),
         .number(figures.due), .number(figures.renewed), rate(figures.renewed, figures.due),
         target(policy.renewalTarget), shortfall(figures.shortfall.renewal),
         .number(figures.chamberMembers), .number(figures.chamberSigned), rate(figures.chamberSigned, figures.chamberMembers),
         target(policy.chamberTarget), shortfall(figures.shortfall.chamber),
         .number(figures.congressEstablished), rate(figures.congressEstablished, figures.congressDenominator)]
    }

    /// The targets line under a table's title.
    var targetsNote: String {
        "目标 targets (\(policy.name)): 签订率 signing \(RateText.target(policy.signingTarget))，"
            + "续签率 renewal \(RateText.target(policy.renewalTarget))，"
            + "工商联会员 chamber \(RateText.target(policy.chamberTarget))；续签宽限 grace \(policy.renewalGraceDays) 天 days"
    }

    /// A rate as a number with a % format, or "no data" without a denominator (never 0%).
    private func rate(_ numerator: Int, _ denominator: Int) -> ReportCell {
        guard denominator > 0 else { return .text("no data") }
        return .percent(Double(numerator) / Double(denominator), text: RateText.percent(numerator, denominator))
    }

    private func target(_ basisPoints: Int) -> ReportCell {
        .percent(Double(basisPoints) / 10_000, text: RateText.target(basisPoints))
    }

    private func shortfall(_ count: Int?) -> ReportCell {
        count.map { .number($0) } ?? .text("—")
    }
}
