import Bargaining
import Testing

@Suite("Notice, reply, escalation, filing, review, renewal (SPEC §3)")
struct ProcedureRuleTests {
    /// The sample negotiation re-dated: notice on `day`, nothing else.
    func noticeSent(on day: Day) throws -> Drive {
        var script = Scenario.script
        script.openedOn = day
        var drive = try Drive(script, engine: Scenario.engine)
        try drive.perform(Scenario.fields(.sendNotice, ["proposed-on": .day(day.adding(days: 22))]), by: Scenario.union, on: day)
        return drive
    }

    @Test("S1 art 32 + Civil Code art 203: a 20-day reply deadline ending in the National Day holiday moves to the next working day")
    func replyDeadlineAcrossNationalDay() throws {
        // 2024-09-13 + 20 days = 2024-10-03, inside National Day (10-01..10-07): due Tuesday 10-08.
        let drive = try noticeSent(on: Scenario.day("2024-09-13"))
        #expect(drive.state.deadlines.first { $0.name == "reply" }?.due == Scenario.day("2024-10-08"))
    }

    @Test("S1 art 32: a 20-day reply deadline ending on an ordinary Sunday moves to Monday")
    func replyDeadlineOnSunday() throws {
        // 2025-06-09 + 20 = 2025-06-29, a Sunday.
        let drive = try noticeSent(on: Scenario.day("2025-06-09"))
        #expect(drive.state.deadlines.first { $0.name == "reply" }?.due == Scenario.day("2025-06-30"))
    }

    @Test("S1 art 32: the reply comes from the side that received the notice")
    func replyingSide() throws {
        let drive = try Scenario.before(.accept)
        let violation = drive.refusal(Action(.accept), by: Scenario.union, on: Scenario.day("2025-03-10"))
        #expect(violation?.rule == .replyingSide)
        #expect(violation?.article == "S1 art 32")
    }

    @Test("S1 art 32; S5 art 21: no reply by the due date moves the negotiation to escalation the next day")
    func replyOverdueEscalates() throws {
        let drive = try Scenario.before(.accept)
        // Notice 2025-03-03: due 2025-03-23 (a Sunday) → Monday 03-24; overdue from 03-25.
        let onDueDay = try drive.engine.status(drive.state, asOf: Scenario.day("2025-03-24")).get()
        #expect(onDueDay.step.name == "reply")
        let dayAfter = try drive.engine.status(drive.state, asOf: Scenario.day("2025-03-25")).get()
        #expect(dayAfter.step.name == "escalation")
        #expect(dayAfter.allowed.map(\.kind).contains(.escalate))
    }

    @Test("S5 arts 21, 55: the escalation ladder is climbed in order, each rung after the previous one's time")
    func escalationLadder() throws {
        var drive = try Scenario.before(.accept)
        try drive.perform(Action(.refuse, ["reason": .text("经营困难")]), by: Scenario.employer, on: Scenario.day("2025-03-10"))
        let upper = SampleNegotiations.upperUnion
        let skip = drive.refusal(Action(.escalate, ["rung": .text("reminder-letter")]), by: upper, on: Scenario.day("2025-03-11"))
        #expect(skip?.rule == .escalationLadder)
        #expect(skip?.message.contains("the next rung is 'interview'") == true)
        try drive.perform(Action(.escalate, ["rung": .text("interview")]), by: upper, on: Scenario.day("2025-03-11"))
        // 10 working days after Tuesday 2025-03-11 is Tuesday 2025-03-25.
        #expect(drive.state.deadlines.first { $0.name == "escalation-rung" }?.due == Scenario.day("2025-03-25"))
        let early = drive.refusal(Action(.escalate, ["rung": .text("reminder-letter")]), by: upper, on: Scenario.day("2025-03-25"))
        #expect(early?.message.contains("may be taken from 2025-03-26") == true)
        try drive.perform(Action(.escalate, ["rung": .text("reminder-letter")]), by: upper, on: Scenario.day("2025-03-26"))
        // The employer may still agree at any rung.
        try drive.perform(Action(.accept), by: Scenario.employer, on: Scenario.day("2025-03-28"))
        #expect(drive.stepName == "representatives")
        #expect(drive.state.deadlines.isEmpty)
    }

    @Test("S1 art 42: the employer files, with three copies")
    func filing() throws {
        let drive = try Scenario.before(.file)
        let day = Scenario.day("2025-05-09")
        #expect(drive.refusal(Scenario.fields(.file, ["copies": .integer(2)]), by: Scenario.employer, on: day)?.rule == .filingCopies)
        let union = drive.refusal(Scenario.act(.file).action, by: Scenario.union, on: day)
        #expect(union?.code == .roleNotAllowed)
        #expect(union?.message.contains("only employer-side may") == true)
    }

    @Test("S1 art 42: the 10-day filing window counts through the May Day holidays")
    func filingDeadline() throws {
        let drive = try Scenario.before(.file)
        // Signed 2025-04-30; +10 = 2025-05-10, a Saturday but not a working weekend → Monday 05-12.
        #expect(drive.state.deadlines.first { $0.name == "filing" }?.due == Scenario.day("2025-05-12"))
        let late = try drive.engine.status(drive.state, asOf: Scenario.day("2025-05-13")).get()
        #expect(late.overdue.map(\.name) == ["filing"])
    }

    @Test("S1 arts 45–46: an objection sends the agreement back to be filed again within a new window")
    func objection() throws {
        var drive = try Scenario.before(.file)
        try drive.perform(Scenario.act(.file).action, by: Scenario.employer, on: Scenario.day("2025-05-09"))
        try drive.perform(Action(.object, ["opinion": .text("工资支付日表述不明确")]), by: Scenario.labour, on: Scenario.day("2025-05-20"))
        #expect(drive.stepName == "objection")
        #expect(drive.state.deadlines.map(\.name) == ["filing"])
        try drive.perform(Scenario.act(.file).action, by: Scenario.employer, on: Scenario.day("2025-05-26"))
        #expect(drive.stepName == "review")
    }

    @Test("S1 art 47: a written no-objection makes the agreement effective that day, or on its later stated start")
    func noObjection() throws {
        var drive = try Scenario.before(.file)
        try drive.perform(Scenario.act(.file).action, by: Scenario.employer, on: Scenario.day("2025-05-09"))
        try drive.perform(Action(.noObjection), by: Scenario.labour, on: Scenario.day("2025-05-12"))
        #expect(drive.stepName == "effective")
        #expect(drive.state.effectiveOn == Scenario.day("2025-05-12"))
        #expect(drive.state.noObjectionOn == Scenario.day("2025-05-12"))
    }

    @Test("S1 art 47: silence through the 15-day review window makes the agreement effective the day after")
    func reviewSilence() throws {
        var drive = try Scenario.before(.file)
        try drive.perform(Scenario.act(.file).action, by: Scenario.employer, on: Scenario.day("2025-05-09"))
        let lastDay = try drive.engine.status(drive.state, asOf: Scenario.day("2025-05-26")).get()
        #expect(lastDay.step.name == "review")
        let after = try drive.engine.status(drive.state, asOf: Scenario.day("2025-05-27")).get()
        #expect(after.step.name == "effective")
        #expect(after.state.effectiveOn == Scenario.day("2025-05-27"))
        #expect(drive.refusal(Action(.object, ["opinion": .text("late")]), by: Scenario.labour, on: Scenario.day("2025-05-27"))?.code == .notAllowedNow)
    }

    @Test("S4 art 23 [policy: 5 days]: publication is due 5 days after the agreement takes effect")
    func publicationDeadline() throws {
        var drive = try Scenario.before(.publish)
        _ = try drive.engine.status(drive.state, asOf: Scenario.day("2025-05-27")).get()
        try drive.perform(Scenario.act(.publish).action, by: Scenario.union, on: Scenario.day("2025-05-28"))
        // Effective 05-27; +5 = 06-01 (Sunday), 06-02 is the Dragon Boat holiday → Tuesday 06-03.
        #expect(drive.state.deadlines.first { $0.name == "publication" }?.due == Scenario.day("2025-06-03"))
        #expect(drive.stepName == "effective")
    }

    @Test("S1 art 38: renewal may be asked for only in the 3 months before expiry, as a new negotiation")
    func renewalWindow() throws {
        var drive = try Drive(Scenario.script, engine: Scenario.engine)
        try drive.run(Scenario.script.acts)
        let early = drive.refusal(Action(.requestRenewal), by: Scenario.union, on: Scenario.day("2026-01-29"))
        #expect(early?.rule == .renewalWindow)
        #expect(early?.message.contains("from 2026-01-30 to the expiry on 2026-04-30") == true)
        #expect(drive.refusal(Action(.requestRenewal), by: Scenario.union, on: Scenario.day("2026-01-30"))?.code == .fields,
                "in the window, the renewal still needs its id (the service fills it in)")
        let old = try drive.engine.decide(drive.state, Action(.requestRenewal, ["renewal": .text("ENT-2026-001")]), by: Scenario.union,
                                          on: Scenario.day("2026-01-30")).get()
        let new = try #require(old.opens, "the renewal is a new negotiation, opened by the same decision")
        #expect(drive.engine.workflow.steps[old.state.step].name == "renewing")
        #expect(old.state.renewal == "ENT-2026-001")
        #expect(new.state.opening.renews == "ENT-2025-001")
        #expect(new.state.opening.enterprises == drive.state.opening.enterprises)
    }
}
