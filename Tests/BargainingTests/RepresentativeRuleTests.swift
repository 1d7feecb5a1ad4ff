import Bargaining
import Testing

@Suite("Representatives (SPEC §2)")
struct RepresentativeRuleTests {
    func appoint(_ chief: String, _ members: [String], experts: [String] = []) -> Action {
        var fields: Fields = ["chief": .text(chief), "members": .list(members)]
        if !experts.isEmpty { fields["experts"] = .list(experts) }
        return Action(.appointRepresentatives, fields)
    }
    let day = Scenario.day("2025-03-12")

    @Test("S1 art 19: each side has at least 3 representatives — 2 refused, exactly 3 accepted")
    func minimumThree() throws {
        let drive = try Scenario.before(.appointRepresentatives)
        let violation = drive.refusal(appoint("王芳", ["张伟"]), by: Scenario.union, on: day)
        #expect(violation?.rule == .delegationSize)
        #expect(violation?.article == "S1 art 19")
        #expect(violation?.message.contains("names 2 representatives") == true)
        #expect(drive.refusal(appoint("王芳", ["张伟", "刘洋"]), by: Scenario.union, on: day) == nil)
    }

    @Test("S1 art 19: both sides have equal numbers of representatives")
    func parity() throws {
        var drive = try Scenario.before(.appointRepresentatives)
        try drive.perform(appoint("王芳", ["张伟", "刘洋", "周敏", "吴刚"]), by: Scenario.union, on: day)
        let violation = drive.refusal(appoint("李强", ["陈静", "赵磊", "钱进"]), by: Scenario.employer, on: day)
        #expect(violation?.rule == .delegationParity)
        #expect(violation?.message.contains("has 5 representatives") == true)
        #expect(violation?.message.contains("not 4") == true)
        #expect(drive.refusal(appoint("李强", ["陈静", "赵磊", "钱进", "孙悦"]), by: Scenario.employer, on: day) == nil)
    }

    @Test("S1 art 23: outside experts at most 1/3 of a side — exactly a third accepted, more refused")
    func expertsShare() throws {
        let drive = try Scenario.before(.appointRepresentatives)
        // 3 representatives: one expert is exactly 1/3.
        #expect(drive.refusal(appoint("王芳", ["张伟"], experts: ["律师甲"]), by: Scenario.union, on: day) == nil)
        // 6 representatives: two experts is exactly 1/3; three is a half.
        #expect(drive.refusal(appoint("王芳", ["张伟", "刘洋", "周敏"], experts: ["律师甲", "会计乙"]), by: Scenario.union, on: day) == nil)
        let violation = drive.refusal(appoint("王芳", ["张伟", "刘洋"], experts: ["律师甲", "会计乙", "顾问丙"]), by: Scenario.union, on: day)
        #expect(violation?.rule == .expertsShare)
        #expect(violation?.message.contains("3 outside experts among 6 representatives") == true)
    }

    @Test("S1 art 23: the chief representative is never an outside expert")
    func chiefNotExternal() throws {
        let drive = try Scenario.before(.appointRepresentatives)
        let violation = drive.refusal(appoint("律师甲", ["张伟", "刘洋"], experts: ["律师甲"]), by: Scenario.union, on: day)
        #expect(violation?.rule == .chiefNotExternal)
    }

    @Test("S1 art 24: nobody represents both sides")
    func noDualSeat() throws {
        var drive = try Scenario.before(.appointRepresentatives)
        try drive.perform(appoint("王芳", ["张伟", "刘洋"]), by: Scenario.union, on: day)
        let violation = drive.refusal(appoint("李强", ["张伟", "赵磊"]), by: Scenario.employer, on: day)
        #expect(violation?.rule == .noDualSeat)
        #expect(violation?.message.contains("张伟") == true)
    }

    @Test("S1 art 33: the recorder is not a representative")
    func recorderNotRepresentative() throws {
        let drive = try Scenario.before(.prepare)
        let violation = drive.refusal(Scenario.fields(.prepare, ["recorder": .text("张伟")]), by: Scenario.union, on: Scenario.day("2025-03-14"))
        #expect(violation?.rule == .recorderNotRepresentative)
        #expect(violation?.article == "S1 art 33")
    }

    @Test("S1 arts 34, 37: only a side's chief representative signs for it")
    func chiefSigns() throws {
        let drive = try Scenario.before(.signDraft)
        let violation = drive.refusal(Action(.signDraft), by: Actor(.employeeSide, "张伟"), on: Scenario.day("2025-04-09"))
        #expect(violation?.rule == .chiefRepresentative)
        #expect(violation?.message.contains("王芳 signs") == true)
    }

    @Test("S1 art 31: a vacancy opens a 15-day deadline and only a reported seat can be filled")
    func vacancy() throws {
        var drive = try Scenario.before(.holdRound)
        let day = Scenario.day("2025-03-20")
        #expect(drive.refusal(Action(.fillVacancy, ["name": .text("刘洋"), "replacement": .text("周敏")]), by: Scenario.union, on: day)?.rule == .vacancyKnown)
        try drive.perform(Action(.reportVacancy, ["name": .text("刘洋")]), by: Scenario.union, on: day)
        // 15 days from 2025-03-20 is 2025-04-04, the Qingming holiday (04-04..04-06): rolls to Monday 04-07.
        #expect(drive.state.deadlines.first { $0.name == "vacancy" }?.due == Scenario.day("2025-04-07"))
        try drive.perform(Action(.fillVacancy, ["name": .text("刘洋"), "replacement": .text("周敏")]), by: Scenario.union, on: day)
        #expect(drive.state.delegations[.employee]?.members == ["张伟", "周敏"])
        #expect(!drive.state.deadlines.contains { $0.name == "vacancy" })
    }

    @Test("S1 art 31: each vacant seat has its own 15 days: a second report does not push the first back, filling one starts the next seat's clock from its own report")
    func vacanciesHaveTheirOwnClocks() throws {
        var drive = try Scenario.before(.holdRound)
        func due() -> Day? { drive.state.deadlines.first { $0.name == "vacancy" }?.due }
        try drive.perform(Action(.reportVacancy, ["name": .text("刘洋")]), by: Scenario.union, on: Scenario.day("2025-03-20"))
        #expect(due() == Scenario.day("2025-04-07"))
        // A second seat reported five days later: the first seat's clock runs on.
        try drive.perform(Action(.reportVacancy, ["name": .text("张伟")]), by: Scenario.union, on: Scenario.day("2025-03-25"))
        #expect(due() == Scenario.day("2025-04-07"))
        #expect(drive.state.deadlines.filter { $0.name == "vacancy" }.count == 1)
        // The first seat filled: the clock now runs for 张伟, 15 days from 03-25.
        try drive.perform(Action(.fillVacancy, ["name": .text("刘洋"), "replacement": .text("周敏")]), by: Scenario.union, on: Scenario.day("2025-03-28"))
        #expect(due() == Scenario.day("2025-04-09"))
        // Filled a day after its own 15 days: late against 04-09, and no clock is left.
        try drive.perform(Action(.fillVacancy, ["name": .text("张伟"), "replacement": .text("孙丽")]), by: Scenario.union, on: Scenario.day("2025-04-10"))
        #expect(drive.events.last?.late?.map(\.due) == [Scenario.day("2025-04-09")])
        #expect(due() == nil)
        #expect(try drive.engine.fold(drive.events) == drive.state, "the history folds to the same clocks")
    }

    @Test("S1 art 31: a younger seat filled within its own 15 days is on time though the older seat's clock has run out")
    func youngerSeatFilledOnTime() throws {
        var drive = try Scenario.before(.holdRound)
        try drive.perform(Action(.reportVacancy, ["name": .text("刘洋")]), by: Scenario.union, on: Scenario.day("2025-03-20"))
        try drive.perform(Action(.reportVacancy, ["name": .text("张伟")]), by: Scenario.union, on: Scenario.day("2025-04-01"))
        try drive.perform(Action(.fillVacancy, ["name": .text("张伟"), "replacement": .text("孙丽")]), by: Scenario.union, on: Scenario.day("2025-04-08"))
        #expect(drive.events.last?.late == nil)
        // 刘洋's seat is still vacant, its clock (04-07) overdue.
        #expect(drive.state.deadlines.first { $0.name == "vacancy" }?.due == Scenario.day("2025-04-07"))
        #expect(drive.state.vacancies == ["刘洋"])
        #expect(try drive.engine.fold(drive.events) == drive.state)
    }
}
