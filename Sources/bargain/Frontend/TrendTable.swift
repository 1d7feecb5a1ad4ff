import Bargaining
import BargainingCoverage

/// The human output of `bargain coverage trend`: for each group and the total, a row per date
/// with the rates and their numbers; a rate without a denominator reads "no data".
struct TrendTable {
    var trend: CoverageTrend
    var policy: Policy
    var districtFilter: String?

    func render(for terminal: Terminal) -> String {
        let dates = trend.dates
        var heading = "Coverage trend, \(dates.count) dates from \(dates.first.map(\.description) ?? "") to \(dates.last.map(\.description) ?? ""); renewals due in the year to each date"
        if let districtFilter { heading += "; district \(districtFilter)" }
        if trend.groupBy != .none { heading += "; by \(trend.groupBy.rawValue)" }
        var output = terminal.paint(heading, .bold) + "\n"
        output += "targets (\(policy.name)): signing \(RateText.target(policy.signingTarget)), renewal \(RateText.target(policy.renewalTarget)), chamber members \(RateText.target(policy.chamberTarget))\n"
        for (name, series) in trend.series {
            output += "\n" + terminal.paint(name == "合计" ? "合计 total" : name, .bold) + "\n"
            var table = TextTable(headers: ["date", "unionised", "signing rate", "employee coverage", "renewal rate", "chamber rate", "congress rate"],
                                  alignments: [.left] + Array(repeating: .right, count: 6))
            for (asOf, figures) in zip(dates, series) {
                table.add([
                    TextTable.Cell(asOf.description), TextTable.Cell(String(figures.unionised)),
                    rate(figures.signed, figures.unionised, target: policy.signingTarget),
                    rate(figures.employeesCovered, figures.employees, target: nil),
                    rate(figures.renewed, figures.due, target: policy.renewalTarget),
                    rate(figures.chamberSigned, figures.chamberMembers, target: policy.chamberTarget),
                    rate(figures.congressEstablished, figures.congressDenominator, target: nil),
                ])
            }
            output += table.render(for: terminal) + "\n"
        }
        return output
    }

    private func rate(_ numerator: Int, _ denominator: Int, target: Int?) -> TextTable.Cell {
        CoverageTable.rate(numerator, denominator, target: target)
    }
}
