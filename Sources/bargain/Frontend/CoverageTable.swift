import Bargaining
import BargainingCoverage

/// The human output of `bargain coverage`: a heading, one table row per group and the total,
/// then the signing and renewal bars with the targets marked. A rate without a denominator
/// reads "no data", never 0% or 100%.
struct CoverageTable {
    var report: CoverageReport
    var policy: Policy
    var districtFilter: String?
    var order: CoverageChart.Order = .worst

    func render(for terminal: Terminal) -> String {
        var heading = "Coverage as of \(report.asOf); renewals due \(report.from) to \(report.to)"
        if RenewalPeriod.isYearToDate(from: report.from, to: report.to, asOf: report.asOf) { heading += " (the year to date)" }
        if let districtFilter { heading += "; district \(districtFilter)" }
        if report.groupBy != .none { heading += "; by \(report.groupBy.rawValue)" }
        var output = terminal.paint(heading, .bold) + "\n"
        output += "targets (\(policy.name)): signing \(RateText.target(policy.signingTarget)), renewal \(RateText.target(policy.renewalTarget)), chamber members \(RateText.target(policy.chamberTarget)); renewal grace \(policy.renewalGraceDays) days\n\n"
        guard report.total.unionised > 0 || report.total.due > 0 || !report.groups.isEmpty else {
            return output + "no data: no unionised enterprise in scope"
                + (districtFilter.map { " (is '\($0)' a district of the registry?)" } ?? "")
                + "; the registry is imported with `bargain registry import FILE`\n"
        }
        var table = TextTable(
            headers: ["group", "unionised", "signing rate", "employee coverage", "renewal rate", "chamber rate", "congress rate",
                      "short: signing", "renewal", "chamber"],
            alignments: [.left] + Array(repeating: .right, count: 9))
        let rows = report.groups.map { (report.displayName(of: $0), $0) } + [("合计 total", report.total)]
        for (name, figures) in rows {
            table.add([
                TextTable.Cell(name, name == "合计 total" ? .bold : nil), TextTable.Cell(String(figures.unionised)),
                Self.rate(figures.signed, figures.unionised, target: policy.signingTarget),
                Self.rate(figures.employeesCovered, figures.employees, target: nil),
                Self.rate(figures.renewed, figures.due, target: policy.renewalTarget),
                Self.rate(figures.chamberSigned, figures.chamberMembers, target: policy.chamberTarget),
                Self.rate(figures.congressEstablished, figures.congressDenominator, target: nil),
                shortfall(figures.shortfall.signing), shortfall(figures.shortfall.renewal), shortfall(figures.shortfall.chamber),
            ])
        }
        output += table.render(for: terminal) + "\n"
        output += CoverageBars.lines(for: report, policy: policy, order: order).joined(separator: "\n") + "\n"
        return output
    }

    /// `94.6% (123/130)`, red below its target; `no data` without a denominator.
    static func rate(_ numerator: Int, _ denominator: Int, target: Int?) -> TextTable.Cell {
        guard denominator > 0 else { return TextTable.Cell("no data", .dim) }
        let below = target.map { numerator * 10_000 < $0 * denominator } ?? false
        return TextTable.Cell("\(RateText.percent(numerator, denominator)) (\(numerator)/\(denominator))", below ? .red : nil)
    }

    private func shortfall(_ count: Int?) -> TextTable.Cell {
        guard let count else { return TextTable.Cell("—", .dim) }
        return TextTable.Cell(String(count), count > 0 ? .red : .green)
    }

    static let shape = """
        With --json, prints one object of a fixed shape: {"asOf","from","to","groupBy","groups":[{"key",\
        "unionised","signed","signingRate","employees","employeesCovered","employeeCoverage","due",\
        "renewed","renewalRate","chamberMembers","chamberSigned","chamberRate","congressEstablished",\
        "congressRate","shortfall":{"signing","renewal","chamber"}}],"total":{…the same, "key":"total"}}. \
        Dates are YYYY-MM-DD; rates are numbers in [0, 1], null when the denominator is empty (no \
        data), as are the shortfalls then; groups are sorted by key (chamber groups: member, \
        non-member); street groups are keyed by district and street: each also has "district", \
        and they are sorted by district, then street; groupBy is none and groups empty without --by.
        """
}
