import Bargaining
import Testing

@Suite("Wage terms (SPEC §4)")
struct WageTermRuleTests {
    let day = Scenario.day("2025-04-08")

    func draft(_ changes: [String: FieldValue?]) -> Action { Scenario.fields(.agreeDraft, changes) }

    @Test("S4 art 7, Beijing 3+N [policy]: the draft states adjustment rate, lowest wage and pay day")
    func coreItems() throws {
        let drive = try Scenario.before(.agreeDraft)
        let violation = drive.refusal(draft(["pay-day": nil]), by: Scenario.union, on: day)
        #expect(violation?.rule == .wageItems)
        #expect(violation?.message.contains("does not state pay-day") == true)
        #expect(drive.refusal(draft(["pay-day": .integer(32)]), by: Scenario.union, on: day)?.message.contains("not a day of the month") == true)
    }

    @Test("S2 art 55: the lowest wage may equal but not fall below the minimum wage in force on the effective date")
    func minimumWageBoundary() throws {
        let drive = try Scenario.before(.agreeDraft)
        // Starting 2025-09-01 the Beijing minimum is 2540 yuan.
        let start: [String: FieldValue?] = ["starts-on": .day(Scenario.day("2025-09-01")), "expires-on": .day(Scenario.day("2026-08-31"))]
        #expect(drive.refusal(draft(start.merging(["lowest-wage": .money(254_000)]) { $1 }), by: Scenario.union, on: day) == nil)
        let below = drive.refusal(draft(start.merging(["lowest-wage": .money(253_999)]) { $1 }), by: Scenario.union, on: day)
        #expect(below?.rule == .minimumWage)
        #expect(below?.article == "S2 art 55")
        #expect(below?.message.contains("2539.99 yuan is below the monthly minimum wage of 2540.00 yuan in force on 2025-09-01") == true)
        // The day before, 2420 applied: 2500 is enough for an agreement starting 2025-08-31.
        let earlier: [String: FieldValue?] = ["starts-on": .day(Scenario.day("2025-08-31")), "expires-on": .day(Scenario.day("2026-08-30")), "lowest-wage": .money(250_000)]
        #expect(drive.refusal(draft(earlier), by: Scenario.union, on: day) == nil)
    }

    @Test("S4 art 8: an adjustment rate outside the wage guideline is a warning, not a refusal")
    func guidelineWarns() throws {
        var context = Fixtures.directory.context
        context.wageGuidelines[2025] = WageGuideline(year: 2025, lowerBP: 200, baselineBP: 500, upperBP: 800)
        let engine = Engine(workflow: Scenario.engine.workflow, context: context)
        var drive = try Drive(Scenario.script, engine: engine)
        try drive.run(Scenario.script.acts, until: .agreeDraft)
        let decision = try drive.perform(draft(["adjustment-rate": .rate(900)]), by: Scenario.union, on: day)
        #expect(decision.warnings.count == 1)
        #expect(decision.warnings[0].contains("above the 2025 wage guideline's upper line (8%)"))
        #expect(decision.events.last?.notes == decision.warnings)
    }

    @Test("S5 art 22: an enterprise agreement may not set a lower wage than the regional agreement covering the enterprise")
    func notBelowRegional() throws {
        var context = Fixtures.directory.context
        let code = SampleNegotiations.precisionWorks.creditCode
        context.coveringTerms[code] = [CoveringTerms(contractID: "REG-2025-01", level: .regional, lowestWageFen: 290_000,
                                                     effectiveOn: Scenario.day("2025-01-01"), expiresOn: Scenario.day("2025-12-31"))]
        let engine = Engine(workflow: Scenario.engine.workflow, context: context)
        var drive = try Drive(Scenario.script, engine: engine)
        try drive.run(Scenario.script.acts, until: .agreeDraft)
        let violation = drive.refusal(draft([:]), by: Scenario.union, on: day)
        #expect(violation?.rule == .notBelowCovering)
        #expect(violation?.message.contains("2800.00 yuan is below the 2900.00 yuan of regional agreement REG-2025-01") == true)
        #expect(drive.refusal(draft(["lowest-wage": .money(290_000)]), by: Scenario.union, on: day) == nil)
    }

    @Test("S1 art 38: a term of 1 to 3 years — exactly 1 and exactly 3 accepted, outside refused")
    func term() throws {
        let drive = try Scenario.before(.agreeDraft)
        func expiring(_ text: String) -> Action { draft(["expires-on": .day(Scenario.day(text))]) }
        // Starts 2025-05-01.
        #expect(drive.refusal(expiring("2026-04-30"), by: Scenario.union, on: day) == nil)
        #expect(drive.refusal(expiring("2028-04-30"), by: Scenario.union, on: day) == nil)
        #expect(drive.refusal(expiring("2026-04-29"), by: Scenario.union, on: day)?.rule == .contractTerm)
        #expect(drive.refusal(expiring("2028-05-01"), by: Scenario.union, on: day)?.rule == .contractTerm)
    }
}
