import Bargaining
import BargainingCoverage
import Testing

/// SPEC §6, one definition at a time, on cases small enough to check by eye.
@Suite("SPEC §6 coverage definitions")
struct CoverageDefinitionTests {
    // MARK: Unionised enterprises U(D)

    @Test("U(D): a union founded on D counts, one founded the day after D does not")
    func unionFoundedAfterTheAsOfDate() throws {
        let policy = try policy()
        let registry = [enterprise(1, union: "2025-06-30"), enterprise(2, union: "2025-07-01"), enterprise(3, union: nil)]
        let figures = total(registry, [], policy: policy, asOf: "2025-06-30")
        #expect(figures.unionised == 1)
    }

    @Test("U(D): an enterprise closed on or before D is out; closed the day after D it is in")
    func closedEnterprise() throws {
        let policy = try policy()
        let registry = [enterprise(1, closed: "2025-06-30"), enterprise(2, closed: "2025-07-01"), enterprise(3, closed: "2024-01-01")]
        let covering = [contract("A", "2025-01-01", "2025-12-31", covering: [1]), contract("B", "2025-01-01", "2025-12-31", covering: [2])]
        let figures = total(registry, covering, policy: policy, asOf: "2025-06-30")
        #expect(figures.unionised == 1)
        #expect(figures.signed == 1)
    }

    // MARK: Covered on D

    @Test("Covered on D: effective ≤ D ≤ expiry, both ends inclusive")
    func coveredBetweenEffectiveAndExpiry() throws {
        let policy = try policy()
        let registry = (1...4).map { enterprise($0) }
        let contracts = [
            contract("starts on D", "2025-06-30", "2026-06-29", covering: [1]),
            contract("expires on D", "2024-07-01", "2025-06-30", covering: [2]),
            contract("starts after D", "2025-07-01", "2026-06-30", covering: [3]),
            contract("expired before D", "2024-06-30", "2025-06-29", covering: [4]),
        ]
        let figures = total(registry, contracts, policy: policy, asOf: "2025-06-30")
        #expect(figures.unionised == 4)
        #expect(figures.signed == 2)
    }

    @Test("Covered on D: a contract terminated on D no longer covers; terminated the day after D it does")
    func terminatedContract() throws {
        let policy = try policy()
        let registry = [enterprise(1), enterprise(2)]
        let contracts = [
            contract("T1", "2025-01-01", "2025-12-31", terminated: "2025-06-30", covering: [1]),
            contract("T2", "2025-01-01", "2025-12-31", terminated: "2025-07-01", covering: [2]),
        ]
        let figures = total(registry, contracts, policy: policy, asOf: "2025-06-30")
        #expect(figures.signed == 1)
    }

    @Test("Covered on D: an enterprise covered only by a regional contract counts when the policy flag is on, not when off")
    func coveredOnlyByRegionalContract() throws {
        let registry = [enterprise(1), enterprise(2)]
        let contracts = [contract("R", "2025-01-01", "2027-12-31", level: .regional, covering: [1]),
                         contract("I", "2025-01-01", "2027-12-31", level: .industry, covering: [2])]
        let on = total(registry, contracts, policy: try policy(countIndustryAndRegional: true), asOf: "2025-06-30")
        let off = total(registry, contracts, policy: try policy(countIndustryAndRegional: false), asOf: "2025-06-30")
        #expect(on.signed == 2)
        #expect(off.signed == 0)
    }

    // MARK: Signing rate, employee coverage

    @Test("Signing rate = |covered ∩ U(D)| / |U(D)|, employee coverage = employees covered / employees of U(D): the hand-computed scenario")
    func signingRateAndEmployeeCoverage() throws {
        let on = HandComputedScenario.report(try policy()).total
        // U(D) = {1, 2, 5, 6, 7, 8, 10}; covered: 1, 2 (regional), 6, 7, 8.
        #expect(on.unionised == 7)
        #expect(on.signed == 5)
        #expect(on.signingRate == 5.0 / 7.0)
        #expect(on.employees == 100 + 50 + 200 + 30 + 10 + 5 + 40)
        #expect(on.employeesCovered == 100 + 50 + 30 + 10 + 5)
        #expect(on.employeeCoverage == 195.0 / 435.0)
        #expect(on.shortfall.signing == 2)  // ⌈0.9 × 7⌉ = 7

        let off = HandComputedScenario.report(try policy(countIndustryAndRegional: false)).total
        #expect(off.signed == 4)
        #expect(off.employeesCovered == 145)
        #expect(off.shortfall.signing == 3)
    }

    @Test("Employee coverage is no data when U(D) has no employees, though the signing rate has data")
    func employeeCoverageWithoutEmployees() throws {
        let figures = total([enterprise(1, employees: 0)], [], policy: try policy(), asOf: "2025-06-30")
        #expect(figures.signingRate == 0)
        #expect(figures.employeeCoverage == nil)
    }

    // MARK: Renewal rate

    @Test("Renewal rate: a renewal one day late is not renewed with grace 0, and is renewed with grace 30")
    func renewalOneDayLate() throws {
        let registry = [enterprise(1)]
        let contracts = [contract("old", "2024-03-01", "2025-02-28", covering: [1]),
                         contract("new", "2025-03-02", "2026-03-01", covering: [1])]
        let strict = total(registry, contracts, policy: try policy(grace: 0), asOf: "2025-06-30")
        #expect(strict.due == 1)
        #expect(strict.renewed == 0)
        #expect(strict.renewalRate == 0)
        #expect(strict.shortfall.renewal == 1)
        let lenient = total(registry, contracts, policy: try policy(grace: 30), asOf: "2025-06-30")
        #expect(lenient.due == 1)
        #expect(lenient.renewed == 1)
        #expect(lenient.renewalRate == 1)
        #expect(lenient.shortfall.renewal == 0)
    }

    @Test("Renewal rate: the grace G checks exactly expiry + 1 + G (G = 1 accepts one day late, not two)")
    func graceIsExact() throws {
        let registry = [enterprise(1), enterprise(2)]
        let contracts = [contract("a", "2024-03-01", "2025-02-28", covering: [1]),
                         contract("a2", "2025-03-02", "2026-03-01", covering: [1]),
                         contract("b", "2024-03-01", "2025-02-28", covering: [2]),
                         contract("b2", "2025-03-03", "2026-03-01", covering: [2])]
        let figures = total(registry, contracts, policy: try policy(grace: 1), asOf: "2025-06-30")
        #expect(figures.due == 2)
        #expect(figures.renewed == 1)
    }

    @Test("Renewal rate: a contract expiring on the last day of the period is due; one expiring the day after is not")
    func expiryAtThePeriodsEnd() throws {
        let registry = [enterprise(1), enterprise(2), enterprise(3), enterprise(4)]
        let contracts = [
            contract("last day", "2025-01-01", "2025-12-31", covering: [1]),
            contract("day after", "2025-01-02", "2026-01-01", covering: [2]),
            contract("first day", "2024-01-02", "2025-01-01", covering: [3]),
            contract("day before", "2024-01-01", "2024-12-31", covering: [4]),
        ]
        let figures = total(registry, contracts, policy: try policy(), asOf: "2025-06-30", from: "2025-01-01", to: "2025-12-31")
        #expect(figures.due == 2)
        #expect(figures.renewed == 0)
    }

    @Test("Renewal rate (issue 13 item 5): the period defaults to the year to date of D, and an explicit period replaces it")
    func renewalPeriod() throws {
        let registry = [enterprise(1)]
        let contracts = [contract("c", "2023-07-01", "2024-06-30", covering: [1])]
        let report = CoverageCalculator.report(registry: registry, contracts: contracts, policy: try policy(), asOf: day("2025-06-30"))
        #expect(report.from == day("2025-01-01"))
        #expect(report.to == day("2025-06-30"))
        #expect(RenewalPeriod.isYearToDate(from: report.from, to: report.to, asOf: report.asOf))
        #expect(report.total.due == 0)
        let explicit = total(registry, contracts, policy: try policy(), asOf: "2025-06-30", from: "2024-06-30", to: "2024-06-30")
        #expect(explicit.due == 1)
    }

    @Test("Renewal period (issue 13 item 5): the year to date by default; a period ending or starting after D is refused with a sentence")
    func renewalPeriodRefusals() throws {
        let asOf = day("2026-06-30")
        #expect(try RenewalPeriod(asOf: asOf) == RenewalPeriod(asOf: asOf, from: day("2026-01-01"), to: asOf))
        #expect(try RenewalPeriod(asOf: asOf, from: day("2025-07-01")).to == asOf)
        let late = #expect(throws: RenewalPeriod.Refusal.self) { try RenewalPeriod(asOf: asOf, to: day("2026-12-31")) }
        #expect(late?.description.hasPrefix("the renewal period ends on 2026-12-31, after the as-of date 2026-06-30: ") == true)
        let after = #expect(throws: RenewalPeriod.Refusal.self) { try RenewalPeriod(asOf: asOf, from: day("2026-07-01"), to: day("2026-09-30")) }
        #expect(after?.description.hasPrefix("the renewal period starts on 2026-07-01, after the as-of date 2026-06-30: ") == true)
        let reversed = #expect(throws: RenewalPeriod.Refusal.self) { try RenewalPeriod(asOf: asOf, from: day("2026-05-01"), to: day("2026-04-01")) }
        #expect(reversed?.description == "the renewal period ends (2026-04-01) before it starts (2026-05-01)")
    }

    @Test("Renewal rate: a contract terminated on or before its expiry date does not fall due; terminated after it, it does")
    func terminatedContractDoesNotFallDue() throws {
        let registry = [enterprise(1), enterprise(2), enterprise(3)]
        let contracts = [
            contract("early", "2024-10-01", "2025-09-30", terminated: "2025-05-01", covering: [1]),
            contract("on expiry", "2024-10-01", "2025-09-30", terminated: "2025-09-30", covering: [2]),
            contract("after expiry", "2024-10-01", "2025-09-30", terminated: "2025-10-01", covering: [3]),
        ]
        let figures = total(registry, contracts, policy: try policy(), asOf: "2025-06-30", from: "2025-01-01", to: "2025-12-31")
        #expect(figures.due == 1)
    }

    @Test("Renewal rate: renewed only when covered after each contract that fell due")
    func renewedAfterEachContract() throws {
        let registry = [enterprise(1)]
        let contracts = [
            contract("first", "2024-03-01", "2025-02-28", covering: [1]),
            contract("second", "2025-03-01", "2025-08-31", covering: [1]),
            contract("industry", "2024-01-01", "2025-06-30", level: .industry, covering: [1]),
        ]
        let figures = total(registry, contracts, policy: try policy(), asOf: "2025-06-30", from: "2025-01-01", to: "2025-12-31")
        // "first" and "industry" are followed by "second", but "second" by nothing.
        #expect(figures.due == 1)
        #expect(figures.renewed == 0)
    }

    @Test("Renewal rate: due enterprises are those of U(B) — a union founded after D but before B counts, a closure before B removes")
    func renewalCountsUnionisedOnThePeriodsEnd() throws {
        let registry = [enterprise(1, union: "2025-09-01"), enterprise(2, closed: "2025-12-31")]
        let contracts = [contract("a", "2024-10-01", "2025-09-30", covering: [1]),
                         contract("a2", "2025-10-01", "2026-09-30", covering: [1]),
                         contract("b", "2024-10-01", "2025-09-30", covering: [2])]
        let figures = total(registry, contracts, policy: try policy(), asOf: "2025-06-30", from: "2025-01-01", to: "2025-12-31")
        #expect(figures.unionised == 1)  // only #2 on D
        #expect(figures.due == 1)  // only #1 at B
        #expect(figures.renewed == 1)
    }

    @Test("Renewal rate: a regional contract falls due and renews only when the policy counts it")
    func regionalContractsAndRenewal() throws {
        let registry = [enterprise(1)]
        let contracts = [contract("own", "2024-07-01", "2025-06-30", covering: [1]),
                         contract("regional", "2025-07-01", "2028-06-30", level: .regional, covering: [1])]
        let on = total(registry, contracts, policy: try policy(countIndustryAndRegional: true), asOf: "2025-06-30")
        let off = total(registry, contracts, policy: try policy(countIndustryAndRegional: false), asOf: "2025-06-30")
        #expect((on.due, on.renewed) == (1, 1))
        #expect((off.due, off.renewed) == (1, 0))
    }

    @Test("Renewal rate: the hand-computed scenario — due 1, 6, 7; renewed 1, 7 (grace 0) and 6 too (grace 30)")
    func renewalInTheScenario() throws {
        let strict = HandComputedScenario.report(try policy(grace: 0)).total
        #expect((strict.due, strict.renewed) == (3, 2))
        #expect(strict.shortfall.renewal == 1)  // ⌈0.9 × 3⌉ = 3
        let lenient = HandComputedScenario.report(try policy(grace: 30)).total
        #expect((lenient.due, lenient.renewed) == (3, 3))
        #expect(lenient.shortfall.renewal == 0)
    }

    // MARK: Chamber members' rate

    @Test("Chamber members' rate: the signing rate over members of the federation of industry and commerce")
    func chamberRate() throws {
        let figures = HandComputedScenario.report(try policy()).total
        // Members in U(D): 1 (covered), 5 (terminated), 10 (no contract).
        #expect(figures.chamberMembers == 3)
        #expect(figures.chamberSigned == 1)
        #expect(figures.chamberRate == 1.0 / 3.0)
        #expect(figures.shortfall.chamber == 2)  // ⌈0.85 × 3⌉ = 3
    }

    // MARK: Congress establishment rate

    @Test("Congress establishment rate: a session dated in (D − 12 months, D] counts")
    func congressEstablishment() throws {
        let figures = HandComputedScenario.report(try policy()).total
        // 2024-06-30 is D − 12 months (out), 2025-06-30 is D (in), 2024-07-01 (in), 2025-07-01 (after D).
        #expect(figures.congressEstablished == 2)
        #expect(figures.congressRate == 2.0 / 7.0)
    }

    @Test("Congress establishment rate: the look-back is the policy's, in calendar months; only U(D) counts")
    func congressLookback() throws {
        let registry = [enterprise(1), enterprise(2, union: nil)]
        let sessions = [CoverageCongressSession(enterprise: code(1), heldOn: day("2025-01-01")),
                        CoverageCongressSession(enterprise: code(2), heldOn: day("2025-06-01"))]
        let six = total(registry, [], sessions: sessions, policy: try policy(lookbackMonths: 6), asOf: "2025-06-30")
        let five = total(registry, [], sessions: sessions, policy: try policy(lookbackMonths: 5), asOf: "2025-06-30")
        #expect(six.congressEstablished == 1)
        #expect(five.congressEstablished == 0)
    }

    // MARK: No data

    @Test("A rate with an empty denominator is no data (nil), and so is its shortfall — never 0% or 100%")
    func emptyDenominatorIsNoData() throws {
        let figures = total([enterprise(1, union: nil)], [], policy: try policy(), asOf: "2025-06-30")
        #expect(figures.unionised == 0)
        #expect(figures.signingRate == nil)
        #expect(figures.employeeCoverage == nil)
        #expect(figures.renewalRate == nil)
        #expect(figures.chamberRate == nil)
        #expect(figures.congressRate == nil)
        #expect(figures.shortfall == CoverageShortfall(signing: nil, renewal: nil, chamber: nil))
    }

    @Test("Issue 12 item 7: with no congress session recorded anywhere the congress rate is no data, not 0% of the unionised")
    func noCongressSourceIsNoData() throws {
        let registry = [enterprise(1), enterprise(2)]
        let none = total(registry, [], policy: try policy(), asOf: "2025-06-30")
        #expect(none.unionised == 2 && none.congressEstablished == 0)
        #expect(none.congressRate == nil && none.congressDenominator == 0, "no data source: no data")
        #expect(none.signingRate == 0, "the other rates have their source, the registry")
        // One session, long ago: the source exists, and the rate is a true 0%
        let old = total(registry, [], sessions: [CoverageCongressSession(enterprise: code(1), heldOn: day("2019-06-01"))],
                        policy: try policy(), asOf: "2025-06-30")
        #expect(old.congressRate == 0 && old.congressDenominator == 2)
    }

    @Test("Contracts and sessions naming enterprises outside the registry change nothing")
    func unknownEnterprisesAreIgnored() throws {
        let registry = [enterprise(1)]
        let contracts = [contract("elsewhere", "2025-01-01", "2025-12-31", covering: [99])]
        let figures = total(registry, contracts, sessions: [CoverageCongressSession(enterprise: code(99), heldOn: day("2025-06-01"))],
                            policy: try policy(), asOf: "2025-06-30")
        #expect((figures.unionised, figures.signed, figures.due, figures.congressEstablished) == (1, 0, 0, 0))
    }
}
