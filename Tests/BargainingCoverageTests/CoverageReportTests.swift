import Bargaining
import BargainingCoverage
import Foundation
import Testing

@Suite("Coverage report: groups, scope and the JSON shape")
struct CoverageReportTests {
    @Test("Grouped by district: groups sorted by key; an empty group (东城区, no union) has no data, never 0%")
    func byDistrict() throws {
        let report = HandComputedScenario.report(try policy(), groupBy: .district)
        #expect(report.groups.map(\.key) == ["东城区", "朝阳区", "海淀区"])
        let dongcheng = report.groups[0], chaoyang = report.groups[1], haidian = report.groups[2]
        #expect(dongcheng.unionised == 0)
        #expect(dongcheng.signingRate == nil && dongcheng.renewalRate == nil && dongcheng.chamberRate == nil)
        #expect(dongcheng.shortfall.signing == nil)
        // 朝阳区: U(D) = {1, 2, 10}, covered 1, 2; due 1 (renewed).
        #expect((chaoyang.unionised, chaoyang.signed, chaoyang.employees, chaoyang.employeesCovered) == (3, 2, 190, 150))
        #expect((chaoyang.due, chaoyang.renewed, chaoyang.chamberMembers, chaoyang.chamberSigned) == (1, 1, 2, 1))
        #expect(chaoyang.congressEstablished == 2)
        // 海淀区: U(D) = {5, 6, 7, 8}, covered 6, 7, 8; due 6, 7, renewed 7.
        #expect((haidian.unionised, haidian.signed, haidian.employees, haidian.employeesCovered) == (4, 3, 245, 45))
        #expect((haidian.due, haidian.renewed, haidian.chamberMembers, haidian.chamberSigned) == (2, 1, 1, 0))
        #expect(report.total.key == "total")
        #expect(report.total.unionised == 7)
    }

    @Test("Grouped by street and by industry, the groups add up to the total")
    func byStreetAndIndustry() throws {
        let policy = try policy()
        for grouping in [CoverageGrouping.street, .industry] {
            let report = HandComputedScenario.report(policy, groupBy: grouping)
            let keys = report.groups.map { [$0.district ?? "", $0.key] }
            #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) }, "sorted by district, then street")
            #expect(report.groups.map(\.unionised).reduce(0, +) == report.total.unionised)
            #expect(report.groups.map(\.signed).reduce(0, +) == report.total.signed)
            #expect(report.groups.map(\.due).reduce(0, +) == report.total.due)
        }
        let streets = HandComputedScenario.report(policy, groupBy: .street)
        #expect(streets.groups.map(\.key) == ["东华门街道", "建外街道", "望京街道", "中关村街道", "学院路街道"])
        #expect(streets.groups.map(\.district) == ["东城区", "朝阳区", "朝阳区", "海淀区", "海淀区"])
    }

    @Test("Issue 12 item 5: the same street name in two districts stays two groups, each named with its district")
    func placesKeyedByDistrictAndStreet() throws {
        let registry = [enterprise(1, district: "大兴区", street: "新华街道"), enterprise(2, district: "通州区", street: "新华街道"),
                        enterprise(3, district: "通州区", street: "新华街道"), enterprise(4, district: "通州区", street: "永顺镇")]
        let contracts = [contract("C1", "2025-01-01", "2025-12-31", covering: [1])]
        let report = CoverageCalculator.report(registry: registry, contracts: contracts, policy: try policy(), asOf: day("2025-06-30"),
                                               groupBy: .street)
        #expect(report.groups.map { [$0.district, $0.key] } == [["大兴区", "新华街道"], ["通州区", "新华街道"], ["通州区", "永顺镇"]])
        #expect(report.groups.map { ($0.unionised, $0.signed) }.elementsEqual([(1, 1), (2, 0), (1, 0)], by: ==))
        #expect(report.groups.map(report.displayName(of:)) == ["大兴区新华街道", "通州区新华街道", "通州区永顺镇"])
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains(#""district":"大兴区""#) && json.contains(#""district":"通州区""#))
        // The chart puts each street under its district's band and names both in its tooltips.
        let chart = CoverageChart.svg(report: report, policy: try policy())
        #expect(chart.contains("大兴区新华街道 签订率") && chart.contains("通州区新华街道 签订率"))

        // Within one district the street alone names it
        let one = CoverageCalculator.report(registry: registry, contracts: contracts, policy: try policy(), asOf: day("2025-06-30"),
                                            groupBy: .street, districtFilter: "通州区")
        #expect(one.groups.map(one.displayName(of:)) == ["新华街道", "永顺镇"])
        // Laggards of the two 新华街道 stay apart, sorted by district then street
        let laggards = CoverageCalculator(registry: registry, contracts: contracts).laggards(policy: try policy(), asOf: day("2025-06-30"))
        #expect(laggards.map { [$0.district, $0.street] } == [["通州区", "新华街道"], ["通州区", "新华街道"], ["通州区", "永顺镇"]])
    }

    @Test("Grouped by chamber: members and non-members")
    func byChamber() throws {
        let report = HandComputedScenario.report(try policy(), groupBy: .chamber)
        #expect(report.groups.map(\.key) == ["member", "non-member"])
        #expect((report.groups[0].unionised, report.groups[0].signed) == (3, 1))
        #expect((report.groups[1].unionised, report.groups[1].signed) == (4, 4))
    }

    @Test("Grouped by none: the total only")
    func byNone() throws {
        let report = HandComputedScenario.report(try policy(), groupBy: .none)
        #expect(report.groups.isEmpty)
        #expect(report.total.unionised == 7)
    }

    @Test("A district filter restricts the scope, total included; an unknown district gives an empty report")
    func districtFilter() throws {
        let report = HandComputedScenario.report(try policy(), groupBy: .street, districtFilter: "海淀区")
        #expect(report.groups.map(\.key) == ["中关村街道", "学院路街道"])
        #expect((report.total.unionised, report.total.signed) == (4, 3))
        let none = HandComputedScenario.report(try policy(), groupBy: .street, districtFilter: "延庆区")
        #expect(none.groups.isEmpty)
        #expect(none.total.unionised == 0 && none.total.signingRate == nil)
    }

    @Test("The shipped Beijing policy: signing and renewal 90%, chamber 85%, grace 0, look-back 12 months")
    func beijing() throws {
        let policy = try beijingPolicy()
        #expect((policy.signingTarget, policy.renewalTarget, policy.chamberTarget) == (9_000, 9_000, 8_500))
        let report = HandComputedScenario.report(policy)
        #expect(report.total.shortfall == CoverageShortfall(signing: 2, renewal: 1, chamber: 2))
    }

    @Test("JSON shape: exactly the keys of issue 5, dates as YYYY-MM-DD, nulls written")
    func jsonShape() throws {
        let report = HandComputedScenario.report(try policy(), groupBy: .district)
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["asOf", "from", "to", "groupBy", "groups", "total"])
        #expect(object["asOf"] as? String == "2025-06-30")
        #expect(object["from"] as? String == "2025-01-01")
        #expect(object["to"] as? String == "2025-12-31")
        #expect(object["groupBy"] as? String == "district")
        let figureKeys = ["key", "unionised", "signed", "signingRate", "employees", "employeesCovered", "employeeCoverage",
                          "due", "renewed", "renewalRate", "chamberMembers", "chamberSigned", "chamberRate",
                          "congressEstablished", "congressRate", "shortfall"]
        let groups = try #require(object["groups"] as? [[String: Any]])
        let total = try #require(object["total"] as? [String: Any])
        for figures in groups + [total] {
            #expect(Set(figures.keys) == Set(figureKeys))
            let shortfall = try #require(figures["shortfall"] as? [String: Any])
            #expect(Set(shortfall.keys) == ["signing", "renewal", "chamber"])
        }
        #expect(total["key"] as? String == "total")
        #expect(total["unionised"] as? Int == 7)
        // 东城区 has no unionised enterprise: its rates and shortfalls are null, present.
        #expect(groups[0]["signingRate"] is NSNull)
        #expect(groups[0]["congressRate"] is NSNull)
        #expect((groups[0]["shortfall"] as? [String: Any])?["signing"] is NSNull)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"signingRate\":null"))
    }

    @Test("JSON round trip: a decoded report equals the encoded one")
    func jsonRoundTrip() throws {
        let report = HandComputedScenario.report(try policy(), groupBy: .chamber)
        let decoded = try JSONDecoder().decode(CoverageReport.self, from: try JSONEncoder().encode(report))
        #expect(decoded == report)
    }
}
