import Bargaining

/// The human output of `bargain coverage`: each group's signing rate, employee coverage and
/// renewal rate as terminal bars with the target marked, worst first (as the chart), the
/// group's size (n, its unionised enterprises) under its name, so a district's standing is
/// seen before it is read.
///
/// ```
/// │ marks the target (signing 90%, renewal 90%)
/// 海淀区  signing  no data
/// n=0     coverage no data
///         renewal  no data
/// 朝阳区  signing  ████████████████████████████████████│██  94.6% (123/130)
/// n=130   coverage ██████████████████████████████████████   96.1% (1200/1249)
///         renewal  ███████████████████████████         │     71.4% (10/14)
/// ```
public enum CoverageBars {
    /// Three lines per group, groups in `order` and the total last; `width` is the bar's
    /// length in columns (the target mark adds one).
    public static func lines(for report: CoverageReport, policy: Policy, width: Int = 40,
                             order: CoverageChart.Order = .worst) -> [String] {
        let width = max(width, 10)
        let byDistrict = report.groupBy == .street && Set(report.groups.compactMap(\.district)).count > 1
        let rows = CoverageChart.sorted(report.groups, order: order, byDistrict: byDistrict).map { (report.displayName(of: $0), $0) }
            + [("合计", report.total)]
        let keyWidth = rows.map { max(TerminalWidth.of($0.0), TerminalWidth.of("n=\($0.1.unionised)")) }.max() ?? 0
        var lines = ["│ marks the target (signing \(RateText.target(policy.signingTarget)), renewal \(RateText.target(policy.renewalTarget)))"]
        for (name, figures) in rows {
            lines.append(TerminalWidth.padded(name, to: keyWidth) + "  signing  "
                         + bar(figures.signed, figures.unionised, target: policy.signingTarget, width: width))
            lines.append(TerminalWidth.padded("n=\(figures.unionised)", to: keyWidth) + "  coverage "
                         + bar(figures.employeesCovered, figures.employees, target: nil, width: width))
            lines.append(String(repeating: " ", count: keyWidth) + "  renewal  "
                         + bar(figures.renewed, figures.due, target: policy.renewalTarget, width: width))
        }
        return lines
    }

    /// Whole cells filled (rounded down, so a bar reaches the mark only when the target is met
    /// or nearly), the mark before the cell where the target falls (a blank column without one).
    private static func bar(_ numerator: Int, _ denominator: Int, target: Int?, width: Int) -> String {
        guard denominator > 0 else { return "no data" }
        let filled = numerator * width / denominator
        let mark = target.map { $0 * width / 10_000 } ?? -1
        var text = ""
        for cell in 0...width {
            if cell == mark { text += "│" } else if target == nil && cell == width { text += " " }
            if cell < width { text += cell < filled ? "█" : " " }
        }
        return text + "  " + RateText.percent(numerator, denominator) + " (\(numerator)/\(denominator))"
    }
}
