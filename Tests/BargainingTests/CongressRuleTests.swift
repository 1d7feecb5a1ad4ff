import Bargaining
import Testing

@Suite("Workers' congress (SPEC §3 step 7, §5)")
struct CongressRuleTests {
    func vote(total: Int, present: Int, for votesFor: Int) -> CongressVote.Outcome {
        CongressVote(total: total, present: present, votesFor: votesFor)
            .decide(attendance: Fraction(numerator: 2, denominator: 3)!, approval: "more-than-half-of-all").0
    }

    @Test("S1 art 36: attendance of exactly two-thirds of all representatives is a quorum, one fewer is not")
    func quorumBoundary() {
        #expect(vote(total: 66, present: 44, for: 40) == .approved)   // 44 = 2/3 of 66 exactly
        #expect(vote(total: 66, present: 43, for: 40) == .quorumMissed)
        #expect(vote(total: 65, present: 44, for: 40) == .approved)   // ⌈2·65/3⌉ = 44
        #expect(vote(total: 65, present: 43, for: 40) == .quorumMissed)
    }

    @Test("S1 art 36: approval needs more than half of all representatives, not of those present")
    func approvalDenominatorIsEveryone() {
        // 44 of 65 present, 30 for: a majority of those present, but not more than half of all 65.
        #expect(vote(total: 65, present: 44, for: 30) == .rejected)
        #expect(vote(total: 65, present: 44, for: 33) == .approved)
    }

    @Test("S1 art 36: exactly half of all is not more than half")
    func exactlyHalf() {
        #expect(vote(total: 64, present: 60, for: 32) == .rejected)
        #expect(vote(total: 64, present: 60, for: 33) == .approved)
    }

    @Test("S1 art 36: the explanation states the numbers a chair can check")
    func explanation() {
        let (_, text) = CongressVote(total: 65, present: 41, votesFor: 0).decide(attendance: Fraction("2/3")!, approval: "more-than-half-of-all")
        #expect(text.contains("41 of 65 representatives present"))
        #expect(text.contains("is 44"))
    }

    @Test("S1 art 36: a missed quorum sends the draft back to be reconvened; a rejection back to talks")
    func outcomesLeadToSteps() throws {
        var drive = try Scenario.before(.holdCongress)
        let missed = try drive.perform(Scenario.act(.holdCongress).action, by: Scenario.union, on: Scenario.day("2025-04-18"))
        #expect(drive.stepName == "congress-pending")
        #expect(missed.explanation?.contains("41 of 65") == true)
        try drive.perform(Scenario.act(.conveneCongress, occurrence: 2).action, by: Scenario.union, on: Scenario.day("2025-04-21"))
        try drive.perform(Scenario.fields(.holdCongress, occurrence: 2, ["for": .integer(32), "against": .integer(15), "abstain": .integer(5)]),
                          by: Scenario.union, on: Scenario.day("2025-04-29"))
        #expect(drive.stepName == "talks")
        #expect(drive.state.congressSessions.map(\.outcome) == [.quorumMissed, .rejected])
    }

    @Test("S1 art 36: vote counts that do not add up are refused, nothing recorded")
    func inconsistentCounts() throws {
        let drive = try Scenario.before(.holdCongress, occurrence: 2)
        let violation = drive.refusal(Scenario.fields(.holdCongress, occurrence: 2, ["for": .integer(50), "against": .integer(4)]),
                                      by: Scenario.union, on: Scenario.day("2025-04-29"))
        #expect(violation?.rule == .congressVote)
        #expect(violation?.message.contains("more than the 52 present") == true)
    }

    @Test("S5 art 41: the draft reaches the union 7 days before the session — exactly 7 accepted, 6 refused")
    func sevenDaysNotice() throws {
        let drive = try Scenario.before(.conveneCongress)
        let day = Scenario.day("2025-04-10")
        let seven = Scenario.fields(.conveneCongress, ["session-on": .day(Scenario.day("2025-04-18")), "items-delivered-on": .day(Scenario.day("2025-04-11"))])
        #expect(drive.refusal(seven, by: Scenario.union, on: day) == nil)
        let six = Scenario.fields(.conveneCongress, ["session-on": .day(Scenario.day("2025-04-18")), "items-delivered-on": .day(Scenario.day("2025-04-12"))])
        let violation = drive.refusal(six, by: Scenario.union, on: day)
        #expect(violation?.rule == .congressNotice)
        #expect(violation?.article == "S5 art 41")
    }
}
