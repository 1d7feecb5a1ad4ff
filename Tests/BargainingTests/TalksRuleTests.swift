import Bargaining
import Testing

@Suite("Talks, suspension and dispute coordination (SPEC §3 steps 4–5b)")
struct TalksRuleTests {
    @Test("S4 art 18: requested information is supplied at least 5 days before the first meeting — exactly 5 accepted, 4 refused")
    func informationLeadTime() throws {
        var drive = try Scenario.before(.supplyInformation)
        let round = Scenario.act(.holdRound).action
        // The first meeting is 2025-03-25: supplied on 03-21 is 4 days before.
        var late = drive
        try late.perform(Scenario.act(.supplyInformation).action, by: Scenario.employer, on: Scenario.day("2025-03-21"))
        let violation = late.refusal(round, by: Scenario.union, on: Scenario.day("2025-03-25"))
        #expect(violation?.rule == .informationLeadTime)
        #expect(violation?.message.contains("not supplied by 2025-03-20") == true)
        try drive.perform(Scenario.act(.supplyInformation).action, by: Scenario.employer, on: Scenario.day("2025-03-20"))
        #expect(drive.refusal(round, by: Scenario.union, on: Scenario.day("2025-03-25")) == nil)
    }

    @Test("S4 art 18: the information deadline is 5 days before the first meeting")
    func informationDeadline() throws {
        let drive = try Scenario.before(.supplyInformation)
        #expect(drive.state.deadlines.first { $0.name == "information" }?.due == Scenario.day("2025-03-20"))
    }

    @Test("S1 art 34: the chief representatives chair the rounds in turn")
    func chairsRotate() throws {
        let drive = try Scenario.before(.holdRound, occurrence: 2)
        let violation = drive.refusal(Scenario.fields(.holdRound, occurrence: 2, ["chair": .side(.employee)]), by: Scenario.union, on: Scenario.day("2025-04-08"))
        #expect(violation?.rule == .chairsRotate)
    }

    @Test("S1 art 35 [policy]: each round's minutes are signed by both chiefs")
    func minutesSigned() throws {
        let drive = try Scenario.before(.holdRound)
        let violation = drive.refusal(Scenario.fields(.holdRound, ["minutes-signed": .flag(false)]), by: Scenario.union, on: Scenario.day("2025-03-25"))
        #expect(violation?.rule == .minutesSigned)
    }

    @Test("S1 art 35: a suspension agrees a later resumption date, which becomes a deadline")
    func suspension() throws {
        var drive = try Scenario.before(.agreeDraft)
        let day = Scenario.day("2025-04-08")
        let same = Action(.suspend, ["resume-on": .day(day), "place": .text("会议室"), "content": .text("调整幅度")])
        #expect(drive.refusal(same, by: Scenario.union, on: day)?.rule == .resumeDateAfter)
        try drive.perform(Action(.suspend, ["resume-on": .day(Scenario.day("2025-04-22")), "place": .text("会议室"), "content": .text("调整幅度")]),
                          by: Scenario.union, on: day)
        #expect(drive.stepName == "suspended")
        #expect(drive.state.deadlines.first { $0.name == "resumption" }?.due == Scenario.day("2025-04-22"))
        try drive.perform(Action(.resume), by: Scenario.employer, on: Scenario.day("2025-04-22"))
        #expect(drive.stepName == "talks")
        #expect(drive.state.deadlines.isEmpty)
    }

    @Test("S1 arts 49–54: coordination within 30 days of acceptance, extended once by at most 15 days")
    func coordination() throws {
        var drive = try Scenario.before(.agreeDraft)
        let labour = Scenario.labour
        try drive.perform(Action(.applyCoordination, ["reason": .text("调整幅度分歧")]), by: Scenario.union, on: Scenario.day("2025-04-08"))
        try drive.perform(Action(.acceptCoordination, ["coordinators": .list(["人社局", "区总工会", "企业联合会"])]), by: labour, on: Scenario.day("2025-04-10"))
        // +30 = 2025-05-10, a Saturday → Monday 05-12.
        #expect(drive.state.deadlines.first { $0.name == "coordination" }?.due == Scenario.day("2025-05-12"))
        #expect(drive.refusal(Action(.extendCoordination, ["days": .integer(16)]), by: labour, on: Scenario.day("2025-05-06"))?.rule == .extensionLimit)
        try drive.perform(Action(.extendCoordination, ["days": .integer(15)]), by: labour, on: Scenario.day("2025-05-06"))
        #expect(drive.state.deadlines.first { $0.name == "coordination" }?.due == Scenario.day("2025-05-27"))
        let again = drive.refusal(Action(.extendCoordination, ["days": .integer(1)]), by: labour, on: Scenario.day("2025-05-07"))
        #expect(again?.message.contains("already extended 1 time") == true)
        try drive.perform(Action(.concludeCoordination, ["agreement": .text("调增4.5%")]), by: Actor(.coordinator, "人社局"), on: Scenario.day("2025-05-20"))
        #expect(drive.stepName == "talks")
    }

    @Test("S1 art 52: coordination is accepted once; a second acceptance would restart the 30 days")
    func coordinationAcceptedOnce() throws {
        var drive = try Scenario.before(.agreeDraft)
        let labour = Scenario.labour
        let accept = Action(.acceptCoordination, ["coordinators": .list(["人社局", "区总工会", "企业联合会"])])
        try drive.perform(Action(.applyCoordination, ["reason": .text("调整幅度分歧")]), by: Scenario.union, on: Scenario.day("2025-04-08"))
        try drive.perform(accept, by: labour, on: Scenario.day("2025-04-10"))
        let again = drive.refusal(accept, by: labour, on: Scenario.day("2025-05-08"))
        #expect(again?.code == .alreadyTaken)
        #expect(again?.article == "S1 arts 50, 52")
        #expect(again?.message.contains("already taken at step 'dispute'") == true, "\(String(describing: again))")
        #expect(drive.state.deadlines.first { $0.name == "coordination" }?.due == Scenario.day("2025-05-12"), "the 30 days still run from the first acceptance")
        // A later dispute is a new application: it is accepted again.
        try drive.perform(Action(.concludeCoordination, ["agreement": .text("部分一致")]), by: Actor(.coordinator, "人社局"), on: Scenario.day("2025-05-09"))
        try drive.perform(Action(.applyCoordination, ["reason": .text("发放日分歧")]), by: Scenario.union, on: Scenario.day("2025-05-13"))
        #expect(drive.refusal(accept, by: labour, on: Scenario.day("2025-05-14")) == nil)
    }

    @Test("S1 art 52: no extension before the application is accepted (the 30 days run from acceptance)")
    func noExtensionBeforeAcceptance() throws {
        var drive = try Scenario.before(.agreeDraft)
        try drive.perform(Action(.applyCoordination, ["reason": .text("调整幅度分歧")]), by: Scenario.union, on: Scenario.day("2025-04-08"))
        let early = drive.refusal(Action(.extendCoordination, ["days": .integer(15)]), by: Scenario.labour, on: Scenario.day("2025-04-09"))
        #expect(early?.rule == .extensionLimit)
        #expect(early?.article == "S1 art 52")
        #expect(early?.message.contains("has not been accepted yet") == true, "\(String(describing: early))")
    }
}
