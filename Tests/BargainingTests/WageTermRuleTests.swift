import Bargaining
import Testing
import TestSupport

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
        var context = Repository.directory.context
        context.wageGuidelines[2025] = WageGuideline(year: 2025, lowerBP: 200, baselineBP: 500, upperBP: 800)
        let engine = Engine(workflow: Scenario.engine.workflow, context: context)
        var drive = try Drive(Scenario.script, engine: engine)
        try drive.run(Scenario.script.acts, until: .agreeDraft)
        let decision = try drive.perform(draft(["adjustment-rate": .rate(900)]), by: Scenario.union, on: day)
        #expect(decision.warnings.count == 1)
        #expect(decision.warnings[0].contains("above the 2025 wage guideline's upper (warning) line (8%)"))
        #expect(decision.events.last?.notes == decision.warnings)
    }

    @Test("S2 art 55: a 2017 draft passes agree-draft with a warning that no minimum wage is known from a notice, not a refusal")
    func unknownMinimumWarns() throws {
        var drive = try Scenario.shifted(years: -8, before: .agreeDraft)
        let decision = try drive.perform(Scenario.shifted(years: -8).acts.first { $0.action.kind == .agreeDraft }!.action,
                                         by: Scenario.union, on: Scenario.day("2017-04-08"))
        let warning = try #require(decision.warnings.first { $0.contains("minimum wage") })
        #expect(warning.hasPrefix("the monthly minimum wage in force on 2017-05-01 is not known from a notice"), "\(warning)")
        #expect(warning.hasSuffix("the lowest wage 2800.00 yuan was not checked against it (S2 art 55)"), "\(warning)")
        #expect(drive.stepName == "draft")
    }

    @Test("S2 art 55: below an unverified standard (2120 yuan from 2018-09-01) is refused, and the refusal says it is unverified")
    func unverifiedMinimumRefusesAndSays() throws {
        let drive = try Scenario.shifted(years: -7, before: .agreeDraft)
        let draft = Scenario.shifted(years: -7).acts.first { $0.action.kind == .agreeDraft }!.action
        var fields = draft.fields
        fields["starts-on"] = .day(Scenario.day("2018-09-01"))
        fields["expires-on"] = .day(Scenario.day("2019-08-31"))
        fields["lowest-wage"] = .money(211_000)
        let violation = drive.refusal(Action(.agreeDraft, fields), by: Scenario.union, on: Scenario.day("2018-04-08"))
        #expect(violation?.rule == .minimumWage)
        #expect(violation?.message.contains("2110.00 yuan is below the monthly minimum wage of 2120.00 yuan in force on 2018-09-01") == true)
        #expect(violation?.message.contains("not verified against its notice") == true, "\(String(describing: violation))")
    }

    @Test("S4 art 8: in 2016 (lower line 4%, from a press report) a 2% adjustment warns below the lower line, naming the source")
    func guidelineLowerLine2016() throws {
        var drive = try Scenario.shifted(years: -9, before: .agreeDraft)
        var fields = Scenario.shifted(years: -9).acts.first { $0.action.kind == .agreeDraft }!.action.fields
        fields["adjustment-rate"] = .rate(200)
        let decision = try drive.perform(Action(.agreeDraft, fields), by: Scenario.union, on: Scenario.day("2016-04-08"))
        let warning = try #require(decision.warnings.first { $0.contains("guideline") })
        #expect(warning.hasPrefix("the adjustment rate 2% is below the 2016 wage guideline's lower line (4%) (not verified against the notice: "), "\(warning)")
        #expect(warning.hasSuffix("(S4 art 8)"))
        #expect(drive.events.last?.notes.contains(warning) == true, "recorded with the event, shown in the timeline")
    }

    @Test("S4 art 8: a 500% adjustment where the upper line is not known is not recorded without a word")
    func guidelineUnknownUpperLine() throws {
        var drive = try Scenario.shifted(years: -9, before: .agreeDraft)
        var fields = Scenario.shifted(years: -9).acts.first { $0.action.kind == .agreeDraft }!.action.fields
        fields["adjustment-rate"] = .rate(50_000)
        let decision = try drive.perform(Action(.agreeDraft, fields), by: Scenario.union, on: Scenario.day("2016-04-08"))
        #expect(decision.warnings.contains { $0.contains("2016 wage guideline's upper line is not known from a notice") && $0.contains("500% was not compared with it") },
                "\(decision.warnings)")
    }

    @Test("S5 art 22: an enterprise agreement may not set a lower wage than the regional agreement covering the enterprise")
    func notBelowRegional() throws {
        var context = Repository.directory.context
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
