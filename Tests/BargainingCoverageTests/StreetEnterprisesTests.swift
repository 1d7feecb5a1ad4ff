import Bargaining
import BargainingCoverage
import Testing

/// A street's enterprises with their standing (issue 16 item 2): the covering contract and its
/// end, and the same laggard decision as the laggard list.
@Suite("A street's enterprises: covering contract, coverage end, laggard status")
struct StreetEnterprisesTests {
    static let asOf = day("2025-06-30")

    @Test("each enterprise of the street, by credit code: covered (longest-running contract), ending, not covered, no union")
    func standings() throws {
        let registry = [enterprise(1), enterprise(2), enterprise(3), enterprise(4, union: nil), enterprise(5, street: "朝外街道"),
                        enterprise(6, district: "海淀区")]
        let contracts = [contract("long", "2024-01-01", "2026-12-31", covering: [1]),
                         contract("short", "2024-01-01", "2025-08-31", covering: [1, 2]),
                         contract("R", "2025-01-01", "2027-12-31", level: .regional, covering: [6]),
                         contract("old", "2022-01-01", "2024-12-31", covering: [3])]
        let found = CoverageCalculator(registry: registry, contracts: contracts)
            .enterprises(district: "朝阳区", street: "建外街道", policy: try policy(), asOf: Self.asOf)
        #expect(found.map(\.enterprise.uscc) == [code(1), code(2), code(3), code(4)], "the street's, not 朝外街道's nor 海淀区's")
        #expect(found[0].contract?.id == "long" && found[0].coveredUntil == day("2026-12-31") && found[0].laggard == nil)
        #expect(found[1].contract?.id == "short" && found[1].laggard?.reason == .coverageEnding)
        #expect(found[1].laggard?.renewalDueBy == day("2025-09-01"))
        #expect(found[2].contract == nil && found[2].laggard?.reason == .notCovered && found[2].laggard?.contractID == "old")
        #expect(!found[3].unionised && found[3].laggard == nil && found[3].contract == nil, "no union: outside every rate")
    }

    @Test("an open renewal takes an ending coverage off the list, as for the laggard list; an unknown street has no enterprises")
    func renewalsAndUnknownStreets() throws {
        let calculator = CoverageCalculator(registry: [enterprise(1)], contracts: [contract("short", "2024-01-01", "2025-08-31", covering: [1])])
        #expect(calculator.enterprises(district: "朝阳区", street: "建外街道", policy: try policy(), asOf: Self.asOf,
                                       openRenewals: [code(1)]).first?.laggard == nil)
        #expect(calculator.enterprises(district: "海淀区", street: "建外街道", policy: try policy(), asOf: Self.asOf).isEmpty,
                "the street is keyed with its district")
    }

    @Test("over generated data, every street's laggards are exactly the district's laggard list for that street")
    func agreesWithLaggards() throws {
        let dataset = CoverageDataGenerator(seed: 7, enterprises: 3_000).dataset()
        let calculator = CoverageCalculator(registry: dataset.registry, contracts: dataset.contracts)
        let policy = try policy()
        let report = calculator.report(policy: policy, asOf: Self.asOf, groupBy: .street, districtFilter: "大兴区")
        let laggards = calculator.laggards(policy: policy, asOf: Self.asOf, districtFilter: "大兴区")
        #expect(!laggards.isEmpty && report.groups.count > 3)
        var seen = 0
        for street in report.groups {
            let found = calculator.enterprises(district: "大兴区", street: street.key, policy: policy, asOf: Self.asOf)
            #expect(found.filter(\.unionised).count == street.unionised)
            #expect(found.filter { $0.unionised && $0.contract != nil }.count == street.signed, "covered means signed, as the report counts")
            #expect(found.compactMap(\.laggard) == laggards.filter { $0.street == street.key }, "\(street.key)")
            seen += found.count
        }
        #expect(seen == dataset.registry.filter { $0.district == "大兴区" }.count)
    }
}
