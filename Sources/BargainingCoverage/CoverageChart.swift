import Bargaining

/// The chart `bargain coverage --svg FILE` writes (issue 13 item 6): per group, its signing,
/// employee-coverage and renewal rates as bars side by side, each with its rate written
/// horizontally above it; the group's name under them (long names wrapped on two lines) with its
/// size (n, the unionised enterprises); the policy's targets as dashed lines labelled once, in
/// the margin right of the plot where no value label reaches. Groups are sorted worst first (by
/// signing rate, no data last) or by name; streets of several districts are kept together under
/// their district. The width follows the number of groups. A standalone SVG file that opens in
/// any browser; the fonts named first are the CJK fonts of Debian and most Linux desktops.
public enum CoverageChart {
    /// The order of the groups (the total is always last).
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// Lowest signing rate first, groups without data last: who needs attention, first.
        case worst
        /// As the report sorts its keys.
        case name
    }

    private static let plotHeight = 300
    private static let top = 118
    private static let left = 64
    private static let right = 120
    private static let barWidth = 36
    private static let barPitch = 40
    private static let groupGap = 24
    /// Pixels per terminal column (a Chinese character is two) at 13 px, a little generous.
    private static let columnWidth = 7
    private static let bars = ChartText.rates
    private static let targetColour = "#c53030"

    /// - Parameter scope: What the report covers when it is not the whole registry, e.g. the
    ///   district of `--district`, for the title.
    public static func svg(report: CoverageReport, policy: Policy, scope: String? = nil, order: Order = .worst) -> String {
        let districts = report.groupBy == .street ? Set(report.groups.compactMap(\.district)) : []
        let banded = districts.count > 1
        // Under a district's band a street is named alone; its tooltips name the district too.
        let groups = sorted(report.groups, order: order, byDistrict: banded)
            .map { (name: banded ? $0.key : report.displayName(of: $0), full: report.displayName(of: $0), figures: $0) }
            + [(name: "合计", full: "合计", figures: report.total)]
        // Each group as wide as its bars need, or its name on two lines.
        let barsWidth = bars.count * barPitch
        let labels = groups.map { ChartText.wrap($0.name, columns: (barsWidth - 8) / columnWidth) }
        let widths = labels.map { max(barsWidth, ($0.map(TerminalWidth.of).max() ?? 0) * columnWidth + 8) + groupGap }
        var starts: [Int] = []
        var x = left + groupGap / 2
        for (index, width) in widths.enumerated() {
            if index == groups.count - 1 { x += groupGap }    // the total stands apart
            starts.append(x)
            x += width
        }
        let plotWidth = x - left - groupGap / 2
        let bottom = top + plotHeight
        let labelLines = labels.map(\.count).max() ?? 1
        let sizeY = bottom + 20 + labelLines * 16
        let bandY = sizeY + 14
        let captionY = bandY + (banded ? 40 : 14)
        let height = captionY + 20

        let grouping = report.groupBy == .none ? "" : "，按\(report.groupBy.chineseName)"
        let title = "工资集体合同签订率、职工覆盖率与续签率（\(scope.map { $0 + "，" } ?? "")截至 \(report.asOf)\(grouping)）"
        let width = max(left + plotWidth + right, left + TerminalWidth.of(title) * 9 + 20)
        var svg = ChartText.head(width: width, height: height, title: title, left: left)
        let sortNote = order == .worst ? "按签订率由低到高排列" : "按名称排列"
        svg += ChartText.text("续签率统计期间 \(report.from) 至 \(report.to)；n 为建会企业数；\(sortNote)", x: left, y: 50,
                              attributes: "fill=\"#4a5568\"")
        var legendX = left
        for bar in bars {
            svg += "<rect x=\"\(legendX)\" y=\"62\" width=\"12\" height=\"12\" fill=\"\(bar.colour)\"/>\n"
            svg += ChartText.text(bar.name, x: legendX + 18, y: 73)
            legendX += 18 + TerminalWidth.of(bar.name) * columnWidth + 24
        }

        // Gridlines and the y axis, every 20%.
        for step in 0...5 {
            let y = bottom - plotHeight * step / 5
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"#e2e8f0\"/>\n"
            svg += ChartText.text("\(step * 20)%", x: left - 8, y: y + 4, attributes: "text-anchor=\"end\" fill=\"#4a5568\"")
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\" stroke=\"#2d3748\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(left + plotWidth)\" y2=\"\(bottom)\" stroke=\"#2d3748\"/>\n"
        svg += ChartText.text("比率", x: 18, y: top + plotHeight / 2,
                              attributes: "text-anchor=\"middle\" transform=\"rotate(-90 18 \(top + plotHeight / 2))\"")

        var rateLabels = ""
        for (index, group) in groups.enumerated() {
            let centre = starts[index] + (widths[index] - groupGap) / 2
            let first = centre - barsWidth / 2
            // A rate written wider than its bar's pitch (100.0%) beside one at about the same
            // height would touch it: the middle one is then raised above both.
            let rates = bars.map { $0.rate(group.figures) }
            var labelYs = rates.map { numerator, denominator in
                denominator > 0 ? bottom - plotHeight * numerator / denominator - 5 : bottom - 6
            }
            let wide = rates.map { numerator, denominator in denominator > 0 && numerator * 2_000 >= 1_999 * denominator }
            let touching = [0, 2].filter { (wide[1] || wide[$0]) && abs(labelYs[1] - labelYs[$0]) < 18 }
            if !touching.isEmpty { labelYs[1] = touching.map { labelYs[$0] }.reduce(labelYs[1], min) - 18 }
            for (position, bar) in bars.enumerated() {
                let (rect, label) = Self.bar(x: first + position * barPitch + (barPitch - barWidth) / 2, name: group.full, what: bar.name,
                                             rates[position].0, rates[position].1, labelY: labelYs[position], colour: bar.colour)
                svg += rect
                rateLabels += label
            }
            for (line, text) in labels[index].enumerated() {
                svg += ChartText.text(text, x: centre, y: bottom + 18 + line * 16, attributes: "text-anchor=\"middle\"")
            }
            svg += ChartText.text("n=\(group.figures.unionised)", x: centre, y: sizeY, attributes: "text-anchor=\"middle\" font-size=\"12\" fill=\"#4a5568\"")
        }

        // Streets under their district: a bracket across each district's streets, its name below.
        if banded {
            var index = 0
            while index < groups.count - 1 {
                let district = groups[index].figures.district
                var last = index
                while last + 1 < groups.count - 1 && groups[last + 1].figures.district == district { last += 1 }
                let (from, to) = (starts[index] + 4, starts[last] + widths[last] - groupGap - 4)
                svg += "<path d=\"M\(from) \(bandY - 6) V\(bandY) H\(to) V\(bandY - 6)\" fill=\"none\" stroke=\"#718096\"/>\n"
                svg += ChartText.text(district ?? "", x: (from + to) / 2, y: bandY + 18, attributes: "text-anchor=\"middle\" font-weight=\"bold\"")
                index = last + 1
            }
        }
        if report.groupBy != .none {
            svg += ChartText.text(report.groupBy.chineseName, x: left + plotWidth / 2, y: captionY, attributes: "text-anchor=\"middle\"")
        }

        // Targets: one line when signing and renewal share a target, two otherwise, each
        // labelled once in the right margin; drawn over the bars, under their rates (written on a
        // white halo).
        var targets: [(Int, String)] = [(policy.signingTarget, "目标 \(RateText.target(policy.signingTarget))")]
        if policy.renewalTarget != policy.signingTarget {
            targets = [(policy.signingTarget, "签订率目标 \(RateText.target(policy.signingTarget))"),
                       (policy.renewalTarget, "续签率目标 \(RateText.target(policy.renewalTarget))")]
        }
        var targetLabels: [ChartText.Label] = []
        for (target, label) in targets {
            let y = decimal(tenths: bottom * 10 - plotHeight * target / 1_000)
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"\(targetColour)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            targetLabels.append(ChartText.Label(text: label, y: bottom - plotHeight * target / 10_000 + 4, colour: targetColour))
        }
        for label in ChartText.spread(targetLabels, gap: 16, within: top, bottom) {
            svg += ChartText.text(label.text, x: left + plotWidth + 8, y: label.y, attributes: "fill=\"\(label.colour)\"")
        }
        svg += rateLabels
        return svg + "</svg>\n"
    }

    /// Worst first: the lowest signing rate (compared exactly, as whole numbers), groups
    /// without data last, ties by name; `byDistrict` keeps each district's groups together, the
    /// districts in name order.
    public static func sorted(_ groups: [CoverageFigures], order: Order, byDistrict: Bool) -> [CoverageFigures] {
        groups.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if byDistrict, a.district != b.district { return (a.district ?? "") < (b.district ?? "") }
            if order == .worst {
                switch (a.unionised > 0, b.unionised > 0) {
                case (true, false): return true
                case (false, true): return false
                case (true, true):
                    let (lhs, rhs) = (a.signed * b.unionised, b.signed * a.unionised)
                    if lhs != rhs { return lhs < rhs }
                case (false, false): break
                }
            }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// A bar of `numerator / denominator`, with the exact figures as its tooltip and the rate
    /// written above it, horizontally (a 0% bar has no height, and only the label tells it from
    /// a missing one); "无数据" (no data) written in its place when the denominator is empty.
    private static func bar(x: Int, name: String, what: String, _ numerator: Int, _ denominator: Int, labelY: Int,
                            colour: String) -> (bar: String, label: String) {
        let bottom = top + plotHeight
        let centre = x + barWidth / 2
        guard denominator > 0 else {
            return ("", ChartText.text("无数据", x: centre, y: labelY, attributes: "font-size=\"12\" fill=\"#4a5568\" text-anchor=\"middle\""))
        }
        let tenths = plotHeight * numerator * 10 / denominator
        let tooltip = "\(name) \(what) \(RateText.percent(numerator, denominator))（\(numerator)/\(denominator)）"
        return ("<rect x=\"\(x)\" y=\"\(decimal(tenths: bottom * 10 - tenths))\" width=\"\(barWidth)\" height=\"\(decimal(tenths: tenths))\" fill=\"\(colour)\"><title>\(MarkupText.escaped(tooltip))</title></rect>\n",
                ChartText.text(RateText.percent(numerator, denominator), x: centre, y: labelY,
                             attributes: "font-size=\"12\" fill=\"#2d3748\" text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\""))
    }

    /// Pixel positions to a tenth, from whole numbers (never negative here).
    private static func decimal(tenths: Int) -> String {
        "\(tenths / 10).\(tenths % 10)"
    }
}
