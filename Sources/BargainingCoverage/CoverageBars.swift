import Bargaining

/// The human output of `bargain coverage`: each group's signing and renewal rates as terminal
/// bars with the target marked, so a district's standing is seen before it is read.
///
/// ```
/// │ marks the target (signing 90%, renewal 90%)
/// 朝阳区  signing ████████████████████████████████████│██  94.6% (123/130)
///         renewal ███████████████████████████         │     71.4% (10/14)
/// 海淀区  signing no data
/// ```
public enum CoverageBars {
    /// One line per bar, groups in the report's order and the total last; `width` is the bar's
    /// length in columns (the target mark adds one).
    public static func lines(for report: CoverageReport, policy: Policy, width: Int = 40) -> [String] {
        let width = max(width, 10)
        let rows = report.groups.map { (report.displayName(of: $0), $0) } + [("合计", report.total)]
        let keyWidth = rows.map { TerminalWidth.of($0.0) }.max() ?? 0
        var lines = ["│ marks the target (signing \(RateText.target(policy.signingTarget)), renewal \(RateText.target(policy.renewalTarget)))"]
        for (name, figures) in rows {
            lines.append(TerminalWidth.padded(name, to: keyWidth) + "  signing "
                         + bar(figures.signed, figures.unionised, target: policy.signingTarget, width: width))
            lines.append(String(repeating: " ", count: keyWidth) + "  renewal "
                         + bar(figures.renewed, figures.due, target: policy.renewalTarget, width: width))
        }
        return lines
    }

    /// Whole cells filled (rounded down, so a bar reaches the mark only when the target is met
    /// or nearly), the mark before the cell where the target falls.
    private static func bar(_ numerator: Int, _ denominator: Int, target: Int, width: Int) -> String {
        guard denominator > 0 else { return "no data" }
        let filled = numerator * width / denominator
        let mark = target * width / 10_000
        var text = ""
        for cell in 0...width {
            if cell == mark { text += "│" }
            if cell < width { text += cell < filled ? "█" : " " }
        }
        return text + "  " + RateText.percent(numerator, denominator) + " (\(numerator)/\(denominator))"
    }
}
