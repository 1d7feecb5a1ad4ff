import Bargaining
import Testing

/// The rules the first version did not encode (issue 14 item 4): the employees' request that
/// obliges the union to send the notice, early termination, representatives where there is no
/// union, the employer's delegate, and the seal on a wage agreement.
@Suite("Employees' request, early termination, elections, delegate and seal")
struct EarlyEndAndRequestTests {
    let opened = Scenario.day("2025-03-03")

    func request(_ asking: Int, of employees: Int) -> Action {
        Action(.employeesRequest, ["asking": .integer(asking), "employees": .integer(employees)])
    }

    @Test("S4 art 17: 83 of 412 employees (at least 1/5) asking obliges the union: it may not withdraw, it sends the notice")
    func fifthObligesUnion() throws {
        var drive = try Scenario.before(.sendNotice)
        try drive.perform(request(83, of: 412), by: Scenario.union, on: opened)
        #expect(drive.state.employeesRequest == EmployeesRequest(asking: 83, employees: 412, on: opened))
        let withdraw = drive.refusal(Action(.withdraw, ["reason": .text("暂不协商")]), by: Scenario.union, on: opened)
        #expect(withdraw?.rule == .employeeRequest)
        #expect(withdraw?.article == "S4 art 17 [policy: 1/5]")
        #expect(withdraw?.message == "83 of 412 employees asked for negotiation on 2025-03-03 (at least 1/5 is 83): the union must send the written notice, not withdraw")
        try drive.perform(Scenario.act(.sendNotice).action, by: Scenario.union, on: opened)
        #expect(drive.stepName == "reply")
    }

    @Test("S4 art 17: 82 of 412 (fewer than 1/5) is recorded with a warning; the union is not obliged")
    func fewerThanAFifth() throws {
        var drive = try Scenario.before(.sendNotice)
        let decision = try drive.perform(request(82, of: 412), by: Scenario.union, on: opened)
        #expect(decision.warnings == ["82 of 412 employees asked, fewer than 1/5 (83): the union may send the notice but is not obliged to (S4 art 17 [policy: 1/5])"])
        #expect(drive.refusal(Action(.withdraw, ["reason": .text("暂不协商")]), by: Scenario.union, on: opened) == nil)
    }

    @Test("S4 art 17: more employees asking than there are is refused")
    func impossibleCount() throws {
        let drive = try Scenario.before(.sendNotice)
        #expect(drive.refusal(request(413, of: 412), by: Scenario.union, on: opened)?.rule == .employeeRequest)
    }

    @Test("S1 art 40: a ground the law does not name is refused, with the grounds it does")
    func unknownGround() throws {
        let drive = try Scenario.inForce()
        let violation = drive.refusal(Action(.terminate, ["ground": .text("cost-cutting"), "reason": .text("成本")]), by: Scenario.employer, on: Scenario.day("2025-10-15"))
        #expect(violation?.rule == .terminationGround)
        #expect(violation?.article == "S1 arts 39–41")
        #expect(violation?.message.contains("agreement, merger, dissolution, bankruptcy, force-majeure, agreed-condition") == true)
    }

    @Test("S1 arts 39, 41: termination by agreement goes through the same procedure, so it needs the congress's approval")
    func byAgreementNeedsCongress() throws {
        var drive = try Scenario.inForce()
        let bare = Action(.terminate, ["ground": .text("agreement"), "reason": .text("双方协商一致")])
        #expect(drive.refusal(bare, by: Scenario.union, on: Scenario.day("2025-10-15"))?.message.contains("give congress-approved-on") == true)
        var approved = bare
        approved.fields["congress-approved-on"] = .day(Scenario.day("2025-10-10"))
        try drive.perform(approved, by: Scenario.union, on: Scenario.day("2025-10-15"))
        #expect(drive.stepName == "terminated")
        #expect(drive.state.terminatedOn == Scenario.day("2025-10-15"))
    }

    @Test("S1 art 40: termination by an event (bankruptcy) needs no congress")
    func byEvent() throws {
        var drive = try Scenario.inForce()
        try drive.perform(Action(.terminate, ["ground": .text("bankruptcy"), "reason": .text("破产清算")]), by: Scenario.employer, on: Scenario.day("2025-10-15"))
        #expect(drive.stepName == "terminated")
    }

    func appoint(_ extra: Fields, chief: String = "王芳", members: [String] = ["张伟", "刘洋"]) -> Action {
        var fields: Fields = ["chief": .text(chief), "members": .list(members)]
        for entry in extra.entries { fields[entry.name] = entry.value }
        return Action(.appointRepresentatives, fields)
    }

    @Test("S1 art 20, S2 art 51: without a union, representatives elected by 206 of 412 are refused; 207 (more than half) accepted")
    func electedByMoreThanHalf() throws {
        let drive = try Scenario.before(.appointRepresentatives)
        let day = Scenario.day("2025-03-12")
        let half = drive.refusal(appoint(["elected-by": .integer(206), "employees": .integer(412)]), by: Scenario.union, on: day)
        #expect(half?.rule == .employeeElection)
        #expect(half?.message == "206 of 412 employees elected the representatives; more than half is 207")
        #expect(drive.refusal(appoint(["elected-by": .integer(207), "employees": .integer(412)]), by: Scenario.union, on: day) == nil)
        #expect(drive.refusal(appoint(["elected-by": .integer(207)]), by: Scenario.union, on: day)?.rule == .employeeElection)
    }

    @Test("S1 art 21: an employer chief who is not the legal representative needs his written authorisation")
    func employerDelegate() throws {
        let drive = try Scenario.before(.appointRepresentatives)
        let day = Scenario.day("2025-03-12")
        let delegate = appoint(["legal-representative": .text("周总")], chief: "李强", members: ["陈静", "赵磊"])
        let violation = drive.refusal(delegate, by: Scenario.employer, on: day)
        #expect(violation?.rule == .employerDelegate)
        #expect(violation?.message.hasPrefix("李强 is not the legal representative (周总)") == true)
        var authorised = delegate
        authorised.fields["authorised-in-writing"] = .flag(true)
        #expect(drive.refusal(authorised, by: Scenario.employer, on: day) == nil)
        #expect(drive.refusal(appoint(["legal-representative": .text("李强")], chief: "李强", members: ["陈静", "赵磊"]), by: Scenario.employer, on: day) == nil)
    }

    @Test("S4 art 20: the employer's signature on a wage agreement without the seal is refused")
    func sealRequired() throws {
        var drive = try Scenario.before(.sign)
        let day = Scenario.day("2025-04-30")
        try drive.perform(Action(.sign), by: Scenario.union, on: day)
        let violation = drive.refusal(Action(.sign), by: Scenario.employer, on: day)
        #expect(violation?.rule == .wageAgreementSeal)
        #expect(violation?.article == "S4 art 20")
        #expect(drive.refusal(Action(.sign, ["sealed": .flag(true)]), by: Scenario.employer, on: day) == nil)
    }
}
