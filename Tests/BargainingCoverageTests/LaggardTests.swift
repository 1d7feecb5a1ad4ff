import Bargaining
import BargainingCoverage
import Testing

@Suite("Laggards: unionised enterprises not covered, or whose coverage ends within the reminder window (issue 5)")
struct LaggardTests {
    static let asOf = day("2025-06-30")

    @Test("Not covered: never covered, or covered until a past day by a named contract")
    func notCovered() throws {
        let registry = [enterprise(1), enterprise(2), enterprise(3, union: nil), enterprise(4, union: "2025-07-01")]
        let contracts = [contract("old", "2023-01-01", "2024-12-31", covering: [2]),
                         contract("older", "2022-01-01", "2022-12-31", covering: [2]),
                         contract("future", "2025-09-01", "2026-08-31", covering: [2])]
        let laggards = CoverageCalculator(registry: registry, contracts: contracts).laggards(policy: try policy(), asOf: Self.asOf)
        // #3 has no union and #4's is founded after D: neither is a laggard.
        #expect(laggards.map(\.enterprise) == [code(1), code(2)])
        #expect(laggards.allSatisfy { $0.reason == .notCovered && $0.renewalDueBy == nil })
        #expect(laggards[0].coverageEnd == nil && laggards[0].contractID == nil)
        #expect(laggards[1].coverageEnd == day("2024-12-31") && laggards[1].contractID == "old")
        #expect(laggards[1].district == "朝阳区" && laggards[1].street == "建外街道" && laggards[1].industry == "制造业")
    }

    @Test("Not covered after a termination: the coverage ended the day before it")
    func terminated() throws {
        let laggards = CoverageCalculator(registry: [enterprise(1)],
                                          contracts: [contract("T", "2025-01-01", "2025-12-31", terminated: "2025-05-01", covering: [1])])
            .laggards(policy: try policy(), asOf: Self.asOf)
        #expect(laggards.map(\.coverageEnd) == [day("2025-04-30")])
    }

    @Test("Coverage ending within the window, not renewed: a laggard; ending after the window: not one")
    func coverageEnding() throws {
        // Window 90 days: D + 90 = 2025-09-28.
        let registry = [enterprise(1), enterprise(2)]
        let contracts = [contract("in", "2024-09-29", "2025-09-28", covering: [1]),
                         contract("out", "2024-09-30", "2025-09-29", covering: [2])]
        let laggards = CoverageCalculator(registry: registry, contracts: contracts).laggards(policy: try policy(windowDays: 90), asOf: Self.asOf)
        #expect(laggards.count == 1)
        #expect(laggards.first?.reason == .coverageEnding)
        #expect(laggards.first?.coverageEnd == day("2025-09-28"))
        #expect(laggards.first?.contractID == "in")
        #expect(laggards.first?.renewalDueBy == day("2025-09-29"))
    }

    @Test("A renewal already concluded continues the coverage; one starting within the grace counts too")
    func renewalKnown() throws {
        let registry = [enterprise(1), enterprise(2), enterprise(3)]
        let contracts = [
            contract("a", "2024-08-01", "2025-07-31", covering: [1]), contract("a2", "2025-08-01", "2026-07-31", covering: [1]),
            contract("b", "2024-08-01", "2025-07-31", covering: [2]), contract("b2", "2025-08-06", "2026-08-05", covering: [2]),
            contract("c", "2024-08-01", "2025-07-31", covering: [3]), contract("c2", "2025-08-01", "2025-08-31", covering: [3]),
        ]
        let calculator = CoverageCalculator(registry: registry, contracts: contracts)
        // Grace 0: #2's renewal starts five days late; #3's lasts only a month, to 2025-08-31.
        #expect(calculator.laggards(policy: try policy(grace: 0), asOf: Self.asOf).map(\.enterprise) == [code(2), code(3)])
        let withGrace = calculator.laggards(policy: try policy(grace: 5), asOf: Self.asOf)
        #expect(withGrace.map(\.enterprise) == [code(3)])
        #expect(withGrace.first?.coverageEnd == day("2025-08-31") && withGrace.first?.contractID == "c2")
    }

    @Test("An open renewal negotiation spares an ending coverage, not a missing one")
    func openRenewals() throws {
        let registry = [enterprise(1), enterprise(2)]
        let contracts = [contract("a", "2024-08-01", "2025-07-31", covering: [1])]
        let laggards = CoverageCalculator(registry: registry, contracts: contracts)
            .laggards(policy: try policy(), asOf: Self.asOf, openRenewals: [code(1), code(2)])
        #expect(laggards.map(\.enterprise) == [code(2)])
    }

    @Test("The policy flag decides whether a regional contract covers a laggard")
    func regionalFlag() throws {
        let calculator = CoverageCalculator(registry: [enterprise(1)],
                                            contracts: [contract("R", "2025-01-01", "2027-12-31", level: .regional, covering: [1])])
        #expect(calculator.laggards(policy: try policy(countIndustryAndRegional: true), asOf: Self.asOf).isEmpty)
        #expect(calculator.laggards(policy: try policy(countIndustryAndRegional: false), asOf: Self.asOf).map(\.reason) == [.notCovered])
    }

    @Test("Sorted by district, street and credit code; a district filter keeps one district")
    func sortedAndFiltered() throws {
        let registry = [enterprise(5, district: "海淀区", street: "学院路街道"), enterprise(4, district: "朝阳区", street: "望京街道"),
                        enterprise(3, district: "朝阳区", street: "建外街道"), enterprise(2, district: "朝阳区", street: "望京街道")]
        let calculator = CoverageCalculator(registry: registry, contracts: [])
        let laggards = calculator.laggards(policy: try policy(), asOf: Self.asOf)
        let expected = registry.sorted { ($0.district, $0.street, $0.uscc) < ($1.district, $1.street, $1.uscc) }.map(\.uscc)
        #expect(laggards.map(\.enterprise) == expected)
        #expect(calculator.laggards(policy: try policy(), asOf: Self.asOf, districtFilter: "海淀区").map(\.enterprise) == [code(5)])
    }
}
