import Bargaining

/// The chart `bargain coverage trend --out FILE.svg` writes (issue 13 item 2): the signing,
/// employee-coverage and renewal rates of the trend's total as lines over time, the policy's
/// target as a dashed line labelled once, each line's last value written at its end. Dates are
/// placed by their day, so an uneven last step (the `--to` date) is drawn as such. A rate with
/// no data at a date leaves a gap in its line, never a drop to 0%.
public enum TrendChart {
    private static let plotHeight = 320
    private static let top = 96
    private static let left = 64
    private static let right = 150
    private static let lines = ChartText.rates
    private static let targetColour = "#c53030"

    /// - Parameter scope: What the trend covers when it is not the whole registry (a district), for the title.
    public static func svg(trend: CoverageTrend, policy: Policy, scope: String? = nil) -> String {
        let figures = trend.points.map(\.total)
        let dates = trend.dates
        // About 8 px per date, within what a page or a screen shows.
        let plotWidth = min(max(dates.count * 8, 480), 1_200)
        let (first, last) = (Int(dates.first?.ordinal ?? 0), Int(dates.last?.ordinal ?? 1))
        let span = max(last - first, 1)
        func x(_ day: Day) -> Int { left + (Int(day.ordinal) - first) * plotWidth / span }
        let bottom = top + plotHeight
        func y(tenthsOfPercent: Int) -> Int { bottom - plotHeight * tenthsOfPercent / 1_000 }
        let title = "工资集体合同签订率、职工覆盖率与续签率趋势（\(scope.map { $0 + "，" } ?? "")\(dates.first.map(\.description) ?? "") 至 \(dates.last.map(\.description) ?? "")）"
        let width = max(left + plotWidth + right, left + TerminalWidth.of(title) * 9 + 20)
        let height = bottom + 64
        var svg = ChartText.head(width: width, height: height, title: title, left: left)
        svg += ChartText.text("续签率统计期间：每个日期当年 1 月 1 日至该日", x: left, y: 50, attributes: "fill=\"#4a5568\"")

        // Legend, in a row above the plot.
        var legendX = left
        for line in lines {
            svg += "<line x1=\"\(legendX)\" y1=\"72\" x2=\"\(legendX + 22)\" y2=\"72\" stroke=\"\(line.colour)\" stroke-width=\"2.5\"/>\n"
            svg += ChartText.text(line.name, x: legendX + 28, y: 77)
            legendX += 28 + TerminalWidth.of(line.name) * 7 + 24
        }

        for step in 0...5 {
            let gridY = bottom - plotHeight * step / 5
            svg += "<line x1=\"\(left)\" y1=\"\(gridY)\" x2=\"\(left + plotWidth)\" y2=\"\(gridY)\" stroke=\"#e2e8f0\"/>\n"
            svg += ChartText.text("\(step * 20)%", x: left - 8, y: gridY + 4, attributes: "text-anchor=\"end\" fill=\"#4a5568\"")
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\" stroke=\"#2d3748\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(left + plotWidth)\" y2=\"\(bottom)\" stroke=\"#2d3748\"/>\n"

        // Date labels, horizontal, every so many months from the first date (1, 3, 6, 12, 24
        // or 60), as many as fit without touching (about 64 px each); the last date when it fits.
        func month(_ day: Day) -> Int { day.components.year * 12 + day.components.month - 1 }
        let months = max(month(dates.last ?? Day(ordinal: 0)) - month(dates.first ?? Day(ordinal: 0)), 1)
        let step = [1, 3, 6, 12, 24, 60].first { $0 * plotWidth >= 64 * months } ?? 120
        var labelled: [Int] = []
        for date in dates where (month(date) - month(dates[0])) % step == 0 && labelled.last.map({ x(date) - $0 >= 64 }) ?? true {
            labelled.append(x(date))
        }
        if let date = dates.last, let previous = labelled.last, x(date) - previous >= 64 { labelled.append(x(date)) }
        for date in dates where labelled.contains(x(date)) {
            let (year, month, _) = date.components
            svg += "<line x1=\"\(x(date))\" y1=\"\(bottom)\" x2=\"\(x(date))\" y2=\"\(bottom + 4)\" stroke=\"#2d3748\"/>\n"
            svg += ChartText.text(String(format: "%04d-%02d", year, month), x: x(date), y: bottom + 22,
                                  attributes: "text-anchor=\"middle\" font-size=\"12\" fill=\"#4a5568\"")
        }
        svg += ChartText.text("日期", x: left + plotWidth / 2, y: height - 14, attributes: "text-anchor=\"middle\"")

        // The targets: one line when signing and renewal share one, labelled at its right end.
        var targets: [(Int, String)] = [(policy.signingTarget, "目标 \(RateText.target(policy.signingTarget))")]
        if policy.renewalTarget != policy.signingTarget {
            targets = [(policy.signingTarget, "签订率目标 \(RateText.target(policy.signingTarget))"),
                       (policy.renewalTarget, "续签率目标 \(RateText.target(policy.renewalTarget))")]
        }
        var labels: [ChartText.Label] = []
        for (target, label) in targets {
            let targetY = y(tenthsOfPercent: target / 10)
            svg += "<line x1=\"\(left)\" y1=\"\(targetY)\" x2=\"\(left + plotWidth)\" y2=\"\(targetY)\" stroke=\"\(targetColour)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            labels.append(ChartText.Label(text: label, y: targetY + 4, colour: targetColour))
        }

        for line in lines {
            var path = ""
            var lastPoint: (Int, Int, String)?
            var pen = false
            for (date, point) in zip(dates, figures) {
                let (numerator, denominator) = line.rate(point)
                guard denominator > 0 else {
                    pen = false
                    continue
                }
                let tenths = (numerator * 2_000 + denominator) / (2 * denominator)
                let pointY = y(tenthsOfPercent: tenths)
                path += "\(pen ? "L" : "M")\(x(date)) \(pointY) "
                pen = true
                lastPoint = (x(date), pointY, RateText.percent(numerator, denominator))
                if dates.count <= 40 {
                    svg += "<circle cx=\"\(x(date))\" cy=\"\(pointY)\" r=\"2.5\" fill=\"\(line.colour)\"><title>\(MarkupText.escaped("\(date) \(line.name) \(RateText.percent(numerator, denominator))（\(numerator)/\(denominator)）"))</title></circle>\n"
                }
            }
            guard let lastPoint else { continue }
            svg += "<path d=\"\(path.dropLast())\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n"
            labels.append(ChartText.Label(text: "\(line.name) \(lastPoint.2)", y: lastPoint.1 + 4, colour: line.colour))
        }
        // Labels right of the plot, moved apart so that none overlaps another.
        for label in ChartText.spread(labels, gap: 16, within: top, bottom + 4) {
            svg += ChartText.text(label.text, x: left + plotWidth + 8, y: label.y, attributes: "fill=\"\(label.colour)\" font-size=\"12\"")
        }
        return svg + "</svg>\n"
    }
}
