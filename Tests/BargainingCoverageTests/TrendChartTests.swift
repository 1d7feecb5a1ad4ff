import Bargaining
import BargainingCoverage
import Foundation
import Testing

/// The trend's line chart (issue 13 item 2), as Chromium draws it.
@Suite("Trend chart")
struct TrendChartTests {
    static let dataset = CoverageDataGenerator(seed: 2025, enterprises: 3_000).dataset()

    @Test("Ten years monthly and two years quarterly: three lines, the target labelled once, no text overlapping or outside",
          arguments: [("trend-monthly", "2015-12-31", "2026-06-30", TrendSchedule.Every.month),
                      ("trend-quarterly", "2023-06-30", "2025-06-30", .quarter)])
    func drawn(name: String, from: String, to: String, every: TrendSchedule.Every) throws {
        let policy = try policy()
        let dates = try TrendSchedule(from: day(from), to: day(to), every: every).dates
        let trend = CoverageCalculator.trend(Self.dataset, policy: policy, dates: dates)
        let svg = TrendChart.svg(trend: trend, policy: policy, scope: "大兴区")
        let collector = try ChartTests.parse(svg)
        #expect(collector.elements.filter { $0.name == "path" }.count == 3)
        #expect(collector.text.components(separatedBy: "目标 90%").count == 2, "the target labelled once")
        let last = try #require(trend.points.last?.total)
        #expect(collector.text.contains("签订率 \(RateText.percent(last.signed, last.unionised))"))
        guard ChartBrowser.available else { return }
        let rendering = try ChartBrowser.render(svg, name: name)
        #expect(rendering.boxes.count > 20)
        #expect(ChartBrowser.problems(in: rendering) == [])
        #expect(rendering.boxes.allSatisfy { $0.fontSize >= 12 }, "\(rendering.boxes.filter { $0.fontSize < 12 })")
    }

    @Test("A rate with no data at some dates leaves a gap in its line, never a fall to 0%")
    func gaps() throws {
        let policy = try policy()
        // Nothing falls due before the first expiry: the renewal line starts later than the others.
        let dataset = CoverageDataset(registry: [enterprise(1, union: "2020-01-01")],
                                      contracts: [contract("A", "2020-01-01", "2020-06-30", covering: [1]),
                                                  contract("B", "2020-07-01", "2021-06-30", covering: [1])],
                                      congressSessions: [])
        let dates = try TrendSchedule(from: day("2020-01-31"), to: day("2020-12-31"), every: .month).dates
        let svg = TrendChart.svg(trend: CoverageCalculator.trend(dataset, policy: policy, dates: dates), policy: policy)
        let paths = try ChartTests.parse(svg).elements.filter { $0.name == "path" }.compactMap { $0.attributes["d"] }
        #expect(paths.count == 3)
        // The renewal line has points from 06-30 on only (7 of 12), starting with a move.
        let renewal = try #require(paths.last)
        #expect(renewal.filter { $0 == "M" }.count == 1 && renewal.filter { $0 == "L" }.count == 6, "\(renewal)")
    }
}
