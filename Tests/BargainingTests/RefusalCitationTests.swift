import Bargaining
import Testing

/// Every refusal names its article, including refusals for the wrong role or the wrong step, and
/// dates that cannot be are refused with both dates (SPEC §3; issue 14 item 5).
@Suite("Refusals cite their article; impossible dates are named")
struct RefusalCitationTests {
    @Test("S1 art 42: filing is the employer side's; the union side filing is refused citing S1 art 42")
    func filingByUnionCitesArticle() throws {
        let drive = try Scenario.before(.file)
        let violation = drive.refusal(Scenario.act(.file).action, by: Scenario.union, on: Scenario.day("2025-05-09"))
        #expect(violation?.code == .roleNotAllowed)
        #expect(violation?.article == "S1 art 42")
        #expect(violation?.description.hasSuffix("[role-not-allowed, S1 art 42]") == true, "\(String(describing: violation))")
    }

    @Test("S1 art 37: an act at the wrong step is refused citing the act's article, before any missing field")
    func wrongStepBeforeFields() throws {
        let drive = try Scenario.before(.accept)
        let violation = drive.refusal(Action(.sign), by: Scenario.union, on: Scenario.day("2025-03-10"))
        #expect(violation?.code == .notAllowedNow)
        #expect(violation?.article == "S1 art 37; S4 art 20")
        let noFields = drive.refusal(Action(.holdRound), by: Scenario.union, on: Scenario.day("2025-03-10"))
        #expect(noFields?.code == .notAllowedNow, "the step is wrong, whatever the fields: \(String(describing: noFields))")
        #expect(noFields?.article == "S1 art 34")
    }

    @Test("S1 art 34: fields not given at the right step are named with their form and purpose, citing the act's article")
    func missingFieldsCiteArticle() throws {
        let drive = try Scenario.before(.holdRound)
        let violation = drive.refusal(Action(.holdRound, ["chair": .side(.employee)]), by: Scenario.union, on: Scenario.day("2025-03-25"))
        #expect(violation?.code == .fields)
        #expect(violation?.article == "S1 art 34")
        #expect(violation?.message.hasPrefix("hold-round: needs a field not given: minutes-signed (yes or no") == true, "\(String(describing: violation))")
        #expect(violation?.message.contains("summary") == false, "optional fields are not asked for")
    }

    @Test("S1 arts 34, 37: each side signs once; a second signature by the same side cites the article")
    func eachSideOnceCitesArticle() throws {
        var drive = try Scenario.before(.sign)
        try drive.perform(Action(.sign), by: Scenario.union, on: Scenario.day("2025-04-30"))
        let violation = drive.refusal(Action(.sign), by: Scenario.union, on: Scenario.day("2025-04-30"))
        #expect(violation?.code == .alreadyTaken)
        #expect(violation?.article == "S1 art 37; S4 art 20")
    }

    @Test("S1 art 36: a congress outcome states its article with the numbers")
    func congressOutcomeCitesArticle() throws {
        var drive = try Scenario.before(.holdCongress)
        let decision = try drive.perform(Scenario.act(.holdCongress).action, by: Scenario.union, on: Scenario.day("2025-04-18"))
        #expect(decision.explanation?.hasSuffix("quorum missed, the congress must be reconvened (S1 art 36)") == true, "\(String(describing: decision.explanation))")
        #expect(drive.events.last?.notes.first == decision.explanation, "the timeline shows the same")
    }

    @Test("S1 art 33: a first meeting before the act that fixes it is refused, naming both dates")
    func firstMeetingBeforeItsAct() throws {
        let drive = try Scenario.before(.prepare)
        let violation = drive.refusal(Scenario.fields(.prepare, ["first-meeting-on": .day(Scenario.day("2016-03-25"))]),
                                      by: Scenario.union, on: Scenario.day("2025-03-14"))
        #expect(violation?.code == .impossibleDate)
        #expect(violation?.article == "S1 art 33")
        #expect(violation?.message == "prepare: first-meeting-on 2016-03-25 is before the day of this act, 2025-03-14")
    }

    @Test("S4 art 17: a notice proposing a first meeting in the past is refused, naming both dates")
    func noticeProposesPastMeeting() throws {
        let drive = try Scenario.before(.sendNotice)
        let violation = drive.refusal(Scenario.fields(.sendNotice, ["proposed-on": .day(Scenario.day("2025-03-02"))]),
                                      by: Scenario.union, on: Scenario.day("2025-03-03"))
        #expect(violation?.message == "send-notice: proposed-on 2025-03-02 is before the day of this act, 2025-03-03")
        #expect(violation?.article == "S1 art 32; S4 art 17")
    }

    @Test("S1 art 38: a draft expiring before it starts is refused, naming both dates")
    func expiryBeforeStart() throws {
        let drive = try Scenario.before(.agreeDraft)
        let violation = drive.refusal(Scenario.fields(.agreeDraft, ["starts-on": .day(Scenario.day("2025-05-01")), "expires-on": .day(Scenario.day("2025-04-30"))]),
                                      by: Scenario.union, on: Scenario.day("2025-04-08"))
        #expect(violation?.code == .impossibleDate)
        #expect(violation?.message == "agree-draft: expires-on 2025-04-30 is before starts-on 2025-05-01")
    }

    @Test("S5 art 41: a congress session before the items reached the union is refused, naming both dates")
    func sessionBeforeItems() throws {
        let drive = try Scenario.before(.conveneCongress)
        let violation = drive.refusal(Scenario.fields(.conveneCongress, ["session-on": .day(Scenario.day("2025-04-18")),
                                                                         "items-delivered-on": .day(Scenario.day("2025-04-19"))]),
                                      by: Scenario.union, on: Scenario.day("2025-04-10"))
        #expect(violation?.message == "convene-congress: session-on 2025-04-18 is before items-delivered-on 2025-04-19")
    }
}
