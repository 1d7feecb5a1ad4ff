import Bargaining
import Testing

/// S1 arts 39, 41: a contract is amended by agreement through the procedure of a new contract,
/// so the amendment is a negotiation of its own, linked to the contract it amends as a renewal
/// is (issue 14 item 4). The old contract stays in force until the parties end it as amended.
@Suite("Amendment by agreement (S1 arts 39, 41)")
struct AmendmentTests {
    let asked = Scenario.day("2025-10-15")
    let propose = Action(.requestAmendment, ["amendment": .text("ENT-2025-001-AMD"), "reason": .text("调整最低工资标准条款")])

    @Test("S1 arts 39, 41: request-amendment opens the amendment as a new negotiation with the same parties, from its first step; the old contract stays in force")
    func opensLinkedNegotiation() throws {
        var drive = try Scenario.inForce()
        let step = drive.stepName
        let decision = try drive.perform(propose, by: Scenario.union, on: asked)
        let amendment = try #require(decision.opens)
        #expect(amendment.state.opening.id == "ENT-2025-001-AMD")
        #expect(amendment.state.opening.amends == drive.state.opening.id)
        #expect(amendment.state.opening.renews == nil)
        #expect(amendment.state.opening.title == drive.state.opening.title + "（变更）")
        #expect(amendment.state.opening.enterprises == drive.state.opening.enterprises)
        #expect(amendment.state.opening.employeeParty == drive.state.opening.employeeParty)
        #expect(Scenario.engine.workflow.steps[amendment.state.step].name == "notice", "the same procedure as a new contract, from the notice")
        #expect(drive.stepName == step, "the old contract stays where it was: in force")
        #expect(drive.state.amendment == "ENT-2025-001-AMD")
        #expect(try drive.engine.fold(drive.events) == drive.state)
    }

    @Test("S1 arts 39, 41: a contract is amended once; a second proposal is refused naming the first")
    func amendedOnce() throws {
        var drive = try Scenario.inForce()
        try drive.perform(propose, by: Scenario.union, on: asked)
        var again = propose
        again.fields["amendment"] = .text("ENT-2025-001-AMD2")
        let violation = drive.refusal(again, by: Scenario.employer, on: asked)
        #expect(violation?.code == .alreadyTaken)
        #expect(violation?.article == "S1 arts 39, 41")
        #expect(violation?.message.contains("ENT-2025-001-AMD") == true)
    }

    @Test("S1 arts 39–41: the ground 'amended' ends the old contract only once an amendment was proposed")
    func endsAsAmended() throws {
        var drive = try Scenario.inForce()
        let end = Action(.terminate, ["ground": .text("amended"), "reason": .text("变更后的合同已生效")])
        let early = drive.refusal(end, by: Scenario.union, on: asked)
        #expect(early?.rule == .terminationGround)
        #expect(early?.message.contains("request-amendment") == true)
        try drive.perform(propose, by: Scenario.union, on: asked)
        try drive.perform(end, by: Scenario.union, on: Scenario.day("2025-12-01"))
        #expect(drive.stepName == "terminated")
        #expect(drive.state.terminatedOn == Scenario.day("2025-12-01"))
    }

    @Test("S1 arts 39, 41: only a contract in effect can be amended; during talks the act is not possible at that step")
    func notBeforeEffect() throws {
        let drive = try Scenario.before(.holdRound)
        let violation = drive.refusal(propose, by: Scenario.union, on: Scenario.day("2025-03-20"))
        #expect(violation?.code == .notAllowedNow)
    }
}

/// A renewal is the next contract: its title names its own year, not the old one's (issue 14).
@Suite("Renewal titles (S1 art 38)")
struct RenewalTitleTests {
    @Test("S1 art 38: a renewal's title moves its years on to the renewal's first year, marked 续订", arguments: [
        ("2025年度工资专项集体协商", 2026, "2026年度工资专项集体协商（续订）"),
        ("2025—2026年度工资集体协议", 2026, "2026—2027年度工资集体协议（续订）"),
        ("2026年度工资专项集体协商（续订）", 2027, "2027年度工资专项集体协商（续订）"),
        ("工资专项集体协商", 2026, "工资专项集体协商（续订）"),
        ("第12次工资协商2025", 2026, "第12次工资协商2026（续订）"),
    ])
    func title(old: String, year: Int, renewed: String) {
        #expect(Engine.renewalTitle(old, startingIn: year) == renewed)
    }

    @Test("S1 art 38: the sample contract ending 2026-04-30 is renewed as 2026年度")
    func sampleRenewal() throws {
        var drive = try Scenario.inForce()
        let decision = try drive.perform(Action(.requestRenewal, ["renewal": .text("ENT-2026-001")]), by: Scenario.union, on: Scenario.day("2026-02-02"))
        #expect(decision.opens?.state.opening.title == "2026年度工资专项集体协商（续订）")
    }
}
