import Bargaining
import BargainingFiles
import Testing
import TestSupport

/// The repository's own `workflows/` directory, loaded once for all tests: the tests check the
/// files that ship, not copies of them.
enum Fixtures {
    static func day(_ text: String) -> Day { Day(text)! }
}

/// A negotiation driven act by act in a test, failing the test on any unexpected refusal.
struct Drive {
    let engine: Engine
    var state: NegotiationState
    var events: [Event]

    init(_ script: SampleNegotiations.Script, engine: Engine = Repository.engine()) throws {
        self.engine = engine
        let decision = try engine.open(script.opening, by: script.openedBy, on: script.openedOn).get()
        state = decision.state
        events = decision.events
    }

    /// Runs acts, stopping before the first whose kind is `stop`.
    mutating func run(_ acts: [SampleNegotiations.Act], until stop: ActionKind? = nil) throws {
        for act in acts {
            if act.action.kind == stop { return }
            try perform(act.action, by: act.actor, on: act.on)
        }
    }

    @discardableResult
    mutating func perform(_ action: Action, by actor: Actor, on day: Day) throws -> Decision {
        let decision = try engine.decide(state, action, by: actor, on: day).get()
        state = decision.state
        events += decision.events
        return decision
    }

    func refusal(_ action: Action, by actor: Actor, on day: Day) -> RuleViolation? {
        if case .failure(let violation) = engine.decide(state, action, by: actor, on: day) { return violation }
        return nil
    }

    var stepName: String { engine.workflow.steps[state.step].name }
}
