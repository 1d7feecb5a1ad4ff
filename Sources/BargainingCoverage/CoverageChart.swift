import Bargaining

/// The chart `bargain coverage --svg FILE` writes: signing and renewal rates per group as bars,
/// the policy's targets as dashed lines, axis labels, Chinese group names. A standalone SVG file
/// that opens in any browser; the fonts named first are the CJK fonts of Debian and most
/// Linux desktops, without which Chinese shows as boxes.
public enum CoverageChart {
    private static let plotHeight = 300
    private static let top = 70
    private static let left = 70
    private static let barWidth = 18
    private static let groupWidth = 60
    private static let signingColour = "#2b6cb0"
    private static let renewalColour = "#dd6b20"
    private static let targetColour = "#c53030"

    /// - Parameter scope: What the report covers when it is not the whole registry, e.g. the
    ///   district of `--district`, for the title.
    public static func svg(report: CoverageReport, policy: Policy, scope: String? = nil) -> String {
        let groups = report.groups.map { (report.displayName(of: $0), $0) } + [("合计", report.total)]
        let rotate = groups.count > 8 || groups.contains { TerminalWidth.of($0.0) > 8 }
        let longestLabel = groups.map { TerminalWidth.of($0.0) }.max() ?? 0
        // Rotated labels need room below the axis: about 7 px per column at 13 px, times sin 40°.
        let labelRoom = rotate ? 20 + longestLabel * 7 * 64 / 100 : 24
        let plotWidth = groups.count * groupWidth
        let grouping = report.groupBy == .none ? "" : "，按\(report.groupBy.chineseName)"
        let title = "工资集体合同签订率与续签率（\(scope.map { $0 + "，" } ?? "")截至 \(report.asOf)\(grouping)）"
        // About 9 px per terminal column at 17 px: the title must fit, however few the groups.
        let width = max(left + plotWidth + 110, left + TerminalWidth.of(title) * 9 + 20, 520)
        let bottom = top + plotHeight
        let height = bottom + labelRoom + 50
        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        font-family="'WenQuanYi Zen Hei', 'Noto Sans CJK SC', sans-serif" font-size="13">

        """
        svg += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        svg += text(title, x: left, y: 28, attributes: "font-size=\"17\" font-weight=\"bold\"")
        svg += text("续签率统计期间 \(report.from) 至 \(report.to)", x: left, y: 50, attributes: "fill=\"#4a5568\"")

        // Gridlines and the y axis, every 20%.
        for step in 0...5 {
            let y = bottom - plotHeight * step / 5
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"#e2e8f0\"/>\n"
            svg += text("\(step * 20)%", x: left - 8, y: y + 4, attributes: "text-anchor=\"end\" fill=\"#4a5568\"")
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\" stroke=\"#2d3748\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(left + plotWidth)\" y2=\"\(bottom)\" stroke=\"#2d3748\"/>\n"
        svg += text("比率", x: 18, y: top + plotHeight / 2, attributes: "text-anchor=\"middle\" transform=\"rotate(-90 18 \(top + plotHeight / 2))\"")
        if report.groupBy != .none {
            svg += text(report.groupBy.chineseName, x: left + plotWidth / 2, y: height - 12, attributes: "text-anchor=\"middle\"")
        }

        for (index, (name, figures)) in groups.enumerated() {
            let x = left + index * groupWidth + (groupWidth - 2 * barWidth) / 2
            svg += bar(x: x, name: name, what: "签订率", figures.signed, figures.unionised, colour: signingColour)
            svg += bar(x: x + barWidth, name: name, what: "续签率", figures.renewed, figures.due, colour: renewalColour)
            let labelX = left + index * groupWidth + groupWidth / 2
            if rotate {
                svg += text(name, x: labelX, y: bottom + 16, attributes: "text-anchor=\"end\" transform=\"rotate(-40 \(labelX) \(bottom + 16))\"")
            } else {
                svg += text(name, x: labelX, y: bottom + 18, attributes: "text-anchor=\"middle\"")
            }
        }

        // Targets: one line when signing and renewal share a target, two otherwise.
        var targets: [(Int, String)] = [(policy.signingTarget, "目标")]
        if policy.renewalTarget != policy.signingTarget {
            targets = [(policy.signingTarget, "签订率目标"), (policy.renewalTarget, "续签率目标")]
        }
        for (target, label) in targets {
            let y = decimal(tenths: bottom * 10 - plotHeight * target / 1_000)
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"\(targetColour)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            // Above the line at its right end, inside the plot, where no bar reaches past 100%.
            svg += "<text x=\"\(left + plotWidth - 4)\" y=\"\(y)\" dy=\"-5\" text-anchor=\"end\" fill=\"\(targetColour)\">\(MarkupText.escaped("\(label) \(RateText.target(target))"))</text>\n"
        }

        // Legend.
        let legendX = left + plotWidth + 6
        svg += "<rect x=\"\(legendX)\" y=\"\(top)\" width=\"12\" height=\"12\" fill=\"\(signingColour)\"/>\n"
        svg += text("签订率", x: legendX + 18, y: top + 11)
        svg += "<rect x=\"\(legendX)\" y=\"\(top + 20)\" width=\"12\" height=\"12\" fill=\"\(renewalColour)\"/>\n"
        svg += text("续签率", x: legendX + 18, y: top + 31)
        return svg + "</svg>\n"
    }

    /// A bar of `numerator / denominator`, with the exact figures as its tooltip and the rate
    /// written above it (a 0% bar has no height, and only the label tells it from a missing
    /// one); "无数据" (no data) written in its place when the denominator is empty, never a zero bar.
    private static func bar(x: Int, name: String, what: String, _ numerator: Int, _ denominator: Int, colour: String) -> String {
        let bottom = top + plotHeight
        guard denominator > 0 else {
            let centre = x + barWidth / 2
            return text("无数据", x: centre, y: bottom - 6, attributes: "font-size=\"12\" fill=\"#4a5568\" text-anchor=\"start\" transform=\"rotate(-90 \(centre + 4) \(bottom - 6))\"")
        }
        let tenths = plotHeight * numerator * 10 / denominator
        let height = decimal(tenths: tenths)
        let y = decimal(tenths: bottom * 10 - tenths)
        let tooltip = "\(name) \(what) \(RateText.percent(numerator, denominator))（\(numerator)/\(denominator)）"
        let centre = x + barWidth / 2, labelY = bottom - tenths / 10 - 4
        return "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth - 2)\" height=\"\(height)\" fill=\"\(colour)\"><title>\(MarkupText.escaped(tooltip))</title></rect>\n"
            + text(RateText.percent(numerator, denominator), x: centre, y: labelY,
                   attributes: "font-size=\"10\" fill=\"#2d3748\" text-anchor=\"start\" transform=\"rotate(-90 \(centre + 3) \(labelY))\"")
    }

    /// Pixel positions to a tenth, from whole numbers (never negative here).
    private static func decimal(tenths: Int) -> String {
        "\(tenths / 10).\(tenths % 10)"
    }

    private static func text(_ content: String, x: Int, y: Int, attributes: String = "") -> String {
        "<text x=\"\(x)\" y=\"\(y)\"\(attributes.isEmpty ? "" : " " + attributes)>\(MarkupText.escaped(content))</text>\n"
    }

}
