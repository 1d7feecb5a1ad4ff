import Bargaining
import Testing
import TestSupport

@Suite("Bad input to the engine: refused with a reason, nothing recorded")
struct EngineInputTests {
    @Test("an action not allowed now names the current step and the allowed actions")
    func notAllowedNow() throws {
        let drive = try Scenario.before(.accept)
        let violation = drive.refusal(Action(.sign), by: Scenario.union, on: Scenario.day("2025-03-10"))
        #expect(violation?.code == .notAllowedNow)
        #expect(violation?.message.contains("at step 'reply'") == true)
        #expect(violation?.message.contains("accept (employer-side)") == true, "the reply is the side's that received the notice (S1 art 32)")
    }

    @Test("a date earlier than the last event is refused")
    func dateBeforeLastEvent() throws {
        let drive = try Scenario.before(.accept)
        let violation = drive.refusal(Action(.accept), by: Scenario.employer, on: Scenario.day("2025-03-02"))
        #expect(violation?.code == .dateBeforeLastEvent)
        #expect(violation?.message.contains("before the last recorded event (2025-03-03)") == true)
    }

    @Test("an actor whose role may not act is refused, naming the roles that may")
    func roleNotAllowed() throws {
        let drive = try Scenario.before(.accept)
        let violation = drive.refusal(Action(.accept), by: Scenario.labour, on: Scenario.day("2025-03-10"))
        #expect(violation?.code == .roleNotAllowed)
        #expect(violation?.message.contains("only employee-side or employer-side may") == true)
    }

    @Test("missing, unknown and mistyped fields are all named at once")
    func fields() throws {
        let drive = try Scenario.before(.prepare)
        let action = Action(.prepare, ["agenda": .text("工资"), "first-meeting-on": .text("next week"), "colour": .text("red")])
        let violation = drive.refusal(action, by: Scenario.union, on: Scenario.day("2025-03-14"))
        #expect(violation?.code == .fields)
        let message = violation?.message ?? ""
        #expect(message.contains("needs fields not given: place ("))
        #expect(message.contains("recorder"))
        #expect(message.contains("unknown field 'colour'"))
        #expect(message.contains("first-meeting-on must be a date YYYY-MM-DD"))
    }

    @Test("a side cannot sign twice")
    func alreadySigned() throws {
        var drive = try Scenario.before(.signDraft)
        try drive.perform(Action(.signDraft), by: Scenario.union, on: Scenario.day("2025-04-09"))
        #expect(drive.refusal(Action(.signDraft), by: Scenario.union, on: Scenario.day("2025-04-09"))?.code == .alreadyTaken)
        #expect(drive.stepName == "draft")
    }

    @Test("a refusal after deadlines lapsed leaves the state and the caller's events exactly as they were")
    func refusalChangesNothing() throws {
        let drive = try Scenario.before(.accept)
        var state = drive.state
        var events = drive.events
        // By 2025-04-01 the reply deadline (due 2025-03-24) has lapsed, which the engine applies
        // to the state and appends to the events before it judges the act; signing is then refused.
        let refused = drive.engine.decide(&state, Action(.sign), by: Scenario.union, on: Scenario.day("2025-04-01"), appendingTo: &events)
        guard case .failure(let violation) = refused else { Issue.record("signing before the reply was accepted"); return }
        #expect(violation.code == .notAllowedNow)
        #expect(state == drive.state, "the lapse is undone")
        #expect(events == drive.events, "the lapse's event is taken out again")
        #expect(try drive.engine.fold(events) == state)
    }

    @Test("deciding in place leaves the state untouched on a refusal, even after deadlines lapsed")
    func inPlaceRefusal() throws {
        let drive = try Scenario.before(.accept)
        var state = drive.state
        // The reply deadline (due 2025-03-24) has lapsed by 2025-04-01; signing is still not allowed.
        let result = drive.engine.decide(&state, Action(.sign), by: Scenario.union, on: Scenario.day("2025-04-01"))
        guard case .failure(let violation) = result else { Issue.record("accepted"); return }
        #expect(violation.message.contains("at step 'escalation'"))
        #expect(state == drive.state)
        // Accepted in place: the lapse and the act are both applied and returned.
        let effects = try drive.engine.decide(&state, Action(.accept), by: Scenario.employer, on: Scenario.day("2025-04-01")).get()
        #expect(effects.events.map(\.sequence) == [3, 4])
        #expect(state.version == 4)
    }

    @Test("deciding into the caller's event list appends the lapses and the act, and nothing on a refusal")
    func appendingRefusal() throws {
        let drive = try Scenario.before(.accept)
        var state = drive.state
        var events = [Event]()
        let refused = drive.engine.decide(&state, Action(.sign), by: Scenario.union, on: Scenario.day("2025-04-01"), appendingTo: &events)
        guard case .failure = refused else { Issue.record("accepted"); return }
        #expect(events.isEmpty)
        #expect(state == drive.state)
        _ = try drive.engine.decide(&state, Action(.accept), by: Scenario.employer, on: Scenario.day("2025-04-01"), appendingTo: &events).get()
        #expect(events.map(\.sequence) == [3, 4])
        #expect(try drive.engine.decide(drive.state, Action(.accept), by: Scenario.employer, on: Scenario.day("2025-04-01")).get().events == events)
    }

    @Test("a date outside the holiday calendar is an error, never a guess")
    func outsideCalendar() throws {
        var script = Scenario.script
        script.openedOn = Scenario.day("2026-12-20")
        let drive = try Drive(script, engine: Scenario.engine)
        let notice = Scenario.fields(.sendNotice, ["proposed-on": .day(Scenario.day("2027-01-11"))])
        let violation = drive.refusal(notice, by: Scenario.union, on: Scenario.day("2026-12-20"))
        #expect(violation?.code == .calendar)
        #expect(violation?.message.contains("2027") == true)
    }

    @Test("S2 art 53; S5 art 22: a regional negotiation lists its enterprises, none twice")
    func openingChecks() throws {
        let engine = Repository.engine(.regional)
        var opening = Scenario.script.opening
        opening.level = .regional
        opening.enterprises = []
        let day = Scenario.day("2025-03-03")
        guard case .failure(let none) = engine.open(opening, by: Scenario.union, on: day) else { Issue.record("accepted"); return }
        #expect(none.message.contains("lists the enterprises it covers"))
        opening.enterprises = [SampleNegotiations.precisionWorks, SampleNegotiations.precisionWorks]
        guard case .failure(let twice) = engine.open(opening, by: Scenario.union, on: day) else { Issue.record("accepted"); return }
        #expect(twice.message.contains("listed twice"))
        guard case .failure(let level) = Scenario.engine.open(opening, by: Scenario.union, on: day) else { Issue.record("accepted"); return }
        #expect(level.message.contains("for enterprise negotiations, not regional"))
    }

    @Test("a negotiation is pinned to the workflow it opened with; another version refuses to fold it")
    func pinnedWorkflow() throws {
        var drive = try Drive(Scenario.script, engine: Scenario.engine)
        try drive.run(Scenario.script.acts)
        #expect(drive.state.opening.workflow == Scenario.engine.workflow.reference)
        var changed = Scenario.engine.workflow
        changed.version = 2
        let other = Engine(workflow: changed, context: Scenario.engine.context)
        #expect(throws: FoldError.self) { try other.fold(drive.events) }
    }
}
