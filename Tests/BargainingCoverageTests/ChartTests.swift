import Bargaining
import BargainingCoverage
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Collects what an SVG reader needs to check: elements, text, and parse errors.
final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((elementName, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        text += "\n"
    }
}

@Suite("Charts: terminal bars and the SVG bar chart")
struct ChartTests {
    static func parse(_ svg: String) throws -> SVGCollector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SVGCollector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return collector
    }

    @Test("The SVG is well-formed XML with the SVG namespace, CJK fonts, Chinese group names, a dashed target line at 90%")
    func svgByDistrict() throws {
        let policy = try policy()
        let svg = CoverageChart.svg(report: HandComputedScenario.report(policy, groupBy: .district), policy: policy)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let collector = try Self.parse(svg)
        let root = try #require(collector.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["font-family"]?.contains("WenQuanYi Zen Hei") == true)
        #expect(root.attributes["font-family"]?.contains("Noto Sans CJK SC") == true)
        for name in ["东城区", "朝阳区", "海淀区", "合计", "目标 90%", "签订率", "职工覆盖率", "续签率", "比率", "区", "n=3", "n=4", "n=0"] {
            #expect(collector.text.contains(name), "missing text \(name)")
        }
        let dashed = collector.elements.filter { $0.name == "line" && $0.attributes["stroke-dasharray"] != nil }
        #expect(dashed.count == 1)
        // 90% of the 300-pixel plot above the axis at y = 418: y = 148.
        #expect(dashed.first?.attributes["y1"] == "148.0")
        #expect(collector.text.components(separatedBy: "目标 90%").count == 2, "the target labelled once")
    }

    @Test("A group with no data is drawn as a label, never as a zero bar")
    func svgNoData() throws {
        let policy = try policy()
        let report = HandComputedScenario.report(policy, groupBy: .district)
        let collector = try Self.parse(CoverageChart.svg(report: report, policy: policy))
        let bars = collector.elements.filter { $0.name == "rect" && $0.attributes["height"] != nil && $0.attributes["width"] == "36" }
        // Three groups and the total, three rates each; 东城区 has none, 朝阳区 and 海淀区 and the total have all.
        #expect(bars.count == 9)
        #expect(collector.text.components(separatedBy: "无数据").count - 1 == 3)
    }

    @Test("Every bar carries its rate as a label, so a 0% bar, which has no height, is still read as 0%")
    func svgRateLabels() throws {
        let policy = try policy()
        let report = HandComputedScenario.report(policy, groupBy: .district)
        let collector = try Self.parse(CoverageChart.svg(report: report, policy: policy))
        var rates: [String] = []
        for figures in report.groups + [report.total] {
            if figures.unionised > 0 { rates.append(RateText.percent(figures.signed, figures.unionised)) }
            if figures.employees > 0 { rates.append(RateText.percent(figures.employeesCovered, figures.employees)) }
            if figures.due > 0 { rates.append(RateText.percent(figures.renewed, figures.due)) }
        }
        #expect(rates.count == 9)
        let labels = collector.text.split(separator: "\n").map(String.init).filter { $0.hasSuffix("%") && !$0.hasPrefix("目标") }
        for rate in rates { #expect(labels.contains(rate), "no label \(rate) among \(labels)") }
    }

    @Test("Group names are XML-escaped")
    func svgEscaping() throws {
        let policy = try policy()
        let registry = [enterprise(1, street: "A&B <街道> \"东\""), enterprise(2, street: "'西'")]
        let report = CoverageCalculator.report(registry: registry, contracts: [], policy: policy, asOf: day("2025-06-30"), groupBy: .street)
        let svg = CoverageChart.svg(report: report, policy: policy)
        #expect(svg.contains("A&amp;B &lt;街道&gt; &quot;东&quot;"))
        let collector = try Self.parse(svg)
        #expect(collector.text.contains("A&B <街道> \"东\""))
    }

    @Test("A scope given for the chart (the district filtered on) is in its title")
    func svgScope() throws {
        let policy = try policy()
        let report = HandComputedScenario.report(policy, groupBy: .street, districtFilter: "海淀区")
        let collector = try Self.parse(CoverageChart.svg(report: report, policy: policy, scope: "海淀区"))
        #expect(collector.text.contains("工资集体合同签订率、职工覆盖率与续签率（海淀区，截至 2025-06-30，按街道）"))
    }

    @Test("Different signing and renewal targets get a line each; chamber groups show Chinese names")
    func svgTwoTargets() throws {
        let policy = try policy(signing: "90%", renewal: "80%")
        let collector = try Self.parse(CoverageChart.svg(report: HandComputedScenario.report(policy, groupBy: .chamber), policy: policy))
        #expect(collector.elements.filter { $0.attributes["stroke-dasharray"] != nil }.count == 2)
        for name in ["签订率目标 90%", "续签率目标 80%", "工商联会员", "非工商联会员"] { #expect(collector.text.contains(name)) }
    }

    @Test("Terminal bars: worst first, names and sizes padded by display width (Chinese counts 2), the target marked, no data as words")
    func terminalBars() throws {
        let policy = try policy()
        let report = HandComputedScenario.report(policy, groupBy: .street)
        let lines = CoverageBars.lines(for: report, policy: policy, width: 20)
        #expect(lines[0] == "│ marks the target (signing 90%, renewal 90%)")
        // Every bar starts after the same number of columns: names are 7 or 8 wide characters
        // (streets of three districts are named with their district).
        let starts = lines.dropFirst().map { line in
            let marker = ["  signing  ", "  coverage ", "  renewal  "].compactMap { line.range(of: $0) }.first
            return marker.map { Self.columns(String(line[..<$0.lowerBound])) } ?? -1
        }
        #expect(Set(starts) == [16])
        // By district, then worst first: 朝阳区's 望京街道 (0 of 1) before 建外街道 (2 of 2);
        // 东华门街道 has no unionised enterprise; 海淀区's 中关村街道 (0 of 1) before 学院路街道.
        let names = lines.dropFirst().enumerated().filter { $0.offset % 3 == 0 }.map { String($0.element.prefix { $0 != " " }) }
        #expect(names == ["东城区东华门街道", "朝阳区望京街道", "朝阳区建外街道", "海淀区中关村街道", "海淀区学院路街道", "合计"])
        #expect(lines[1].hasSuffix("signing  no data") && lines[2].hasPrefix("n=0 "))
        // 学院路街道: 3 of 3 signed; the mark sits before cell 18 of 20.
        let xueyuan = try #require(lines.firstIndex { $0.hasPrefix("海淀区学院路街道") })
        #expect(lines[xueyuan].hasSuffix("signing  " + String(repeating: "█", count: 18) + "│██  100.0% (3/3)"))
        #expect(lines[xueyuan + 1].hasPrefix("n=3 ") && lines[xueyuan + 1].hasSuffix("coverage " + String(repeating: "█", count: 20) + "   100.0% (45/45)"))
        #expect(lines.last?.hasPrefix(String(repeating: " ", count: 16) + "  renewal  ") == true)
        #expect(lines.contains { $0.hasSuffix("71.4% (5/7)") })
        let byName = CoverageBars.lines(for: report, policy: policy, width: 20, order: .name)
        #expect(byName.dropFirst().enumerated().filter { $0.offset % 3 == 0 }.map { String($0.element.prefix { $0 != " " }) }
            == ["东城区东华门街道", "朝阳区建外街道", "朝阳区望京街道", "海淀区中关村街道", "海淀区学院路街道", "合计"])
    }

    /// Terminal columns, counting CJK as two.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }
}
