import Bargaining
import BargainingCoverage
import Foundation
import Testing

/// Issue 13 item 6: every bar chart a report makes, drawn by Chromium, screenshot kept under
/// `.build/artefacts/charts/`, its text boxes measured by the browser: none overlapping another,
/// none outside the picture, none under 12 px; long names wrapped, not cut.
@Suite("Bar charts as a browser draws them")
struct ChartRenderingTests {
    static let dataset = CoverageDataGenerator(seed: 13, enterprises: 4_000).dataset()

    static func check(_ svg: String, name: String) throws -> ChartBrowser.Rendering? {
        guard ChartBrowser.available else { return nil }
        let rendering = try ChartBrowser.render(svg, name: name)
        #expect(!rendering.boxes.isEmpty)
        #expect(ChartBrowser.problems(in: rendering) == [], "\(name)")
        #expect(rendering.boxes.allSatisfy { $0.fontSize >= 12 }, "\(rendering.boxes.filter { $0.fontSize < 12 })")
        return rendering
    }

    @Test("Every grouping of a generated registry, worst first and by name", arguments: CoverageGrouping.allCases)
    func groupings(grouping: CoverageGrouping) throws {
        let policy = try policy()
        let report = CoverageCalculator.trend(Self.dataset, policy: policy, dates: [day("2025-06-30")], groupBy: grouping).points[0]
        for order in CoverageChart.Order.allCases {
            let svg = CoverageChart.svg(report: report, policy: policy, order: order)
            _ = try Self.check(svg, name: "bars-\(grouping.rawValue)-\(order.rawValue)")
        }
        // The picture grows with the groups: about 140 px each.
        let width = try #require(Int(CoverageChart.svg(report: report, policy: policy).split(separator: "width=\"")[1].prefix { $0 != "\"" }))
        #expect(width >= 64 + (report.groups.count + 1) * 144)
    }

    @Test("Long industry names wrap on two lines under their bars; worst first by signing rate")
    func industries() throws {
        let policy = try policy()
        let report = CoverageCalculator.trend(Self.dataset, policy: policy, dates: [day("2025-06-30")], groupBy: .industry).points[0]
        let svg = CoverageChart.svg(report: report, policy: policy)
        let text = try ChartTests.parse(svg).text.split(separator: "\n").map(String.init)
        #expect(text.contains("交通运输、") && text.contains("仓储和邮政业"), "wrapped after the enumeration comma")
        // The groups' first label lines in drawing order follow the signing rates, lowest first.
        let sorted = CoverageChart.sorted(report.groups, order: .worst, byDistrict: false)
        let withData: [CoverageFigures] = sorted.filter { $0.unionised > 0 }
        let rates: [Double] = withData.map { figures in Double(figures.signed) / Double(figures.unionised) }
        #expect(rates == rates.sorted())
        guard let rendering = try Self.check(svg, name: "bars-industry-long-names") else { return }
        // Both halves of the long name are drawn, side by side with nothing else.
        #expect(rendering.boxes.contains { $0.text == "交通运输、" } && rendering.boxes.contains { $0.text == "仓储和邮政业" })
    }

    @Test("Streets of several districts are grouped under their district; a district's own streets have no band")
    func streetsByDistrict() throws {
        let policy = try policy()
        let report = HandComputedScenario.report(policy, groupBy: .street)
        let svg = CoverageChart.svg(report: report, policy: policy)
        let text = try ChartTests.parse(svg).text.split(separator: "\n").map(String.init)
        // Street names alone under the bars; each district once, below its streets.
        for district in ["东城区", "朝阳区", "海淀区"] { #expect(text.filter { $0 == district }.count == 1, "\(district)") }
        let streets = text.filter { $0.hasSuffix("街道") && $0 != "街道" }
        #expect(streets == ["东华门街道", "望京街道", "建外街道", "中关村街道", "学院路街道"])
        _ = try Self.check(svg, name: "bars-streets-by-district")
        let one = HandComputedScenario.report(policy, groupBy: .street, districtFilter: "海淀区")
        let single = CoverageChart.svg(report: one, policy: policy, scope: "海淀区")
        #expect(!single.contains("<path"), "no band for one district")
        _ = try Self.check(single, name: "bars-streets-one-district")
    }

    @Test("Two targets are labelled once each, apart, in the margin; the total alone draws too")
    func targets() throws {
        let policy = try policy(signing: "90%", renewal: "88%")
        let report = HandComputedScenario.report(policy, groupBy: .chamber)
        let svg = CoverageChart.svg(report: report, policy: policy)
        guard let rendering = try Self.check(svg, name: "bars-two-targets") else { return }
        let labels = rendering.boxes.filter { $0.text.contains("目标") }
        #expect(labels.count == 2)
        _ = try Self.check(CoverageChart.svg(report: HandComputedScenario.report(policy), policy: policy), name: "bars-total")
    }
}
