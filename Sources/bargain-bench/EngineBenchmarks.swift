import Bargaining
import Foundation

/// Issue 2's benchmark: a full enterprise lifecycle (the sample negotiation's 22 acts, with the
/// review window lapsing by itself) decided and then folded, on one core.
enum EngineBenchmarks {
    static let goal = 100_000.0

    /// `iterations` overrides the count, e.g. for instruction counting under callgrind, which is
    /// repeatable where wall-clock time on a shared machine is not.
    static func run(directory: WorkflowDirectory, quick: Bool, iterations override: Int? = nil) throws {
        let engine = directory.engine(for: .enterprise)
        let script = SampleNegotiations.enterprise(workflow: engine.workflow.reference)
        let iterations = override ?? (quick ? 2_000 : 20_000)

        var events: [Event] = []
        // The in-place decide, as a server uses it after folding: no copy of the state per act,
        // and each act's events appended straight to the history.
        func lifecycle() throws -> NegotiationState {
            let opened = try engine.open(script.opening, by: script.openedBy, on: script.openedOn).get()
            events = opened.events
            var state = opened.state
            for act in script.acts {
                _ = try engine.decide(&state, act.action, by: act.actor, on: act.on, appendingTo: &events).get()
            }
            return state
        }
        let final = try lifecycle()
        precondition(engine.workflow.steps[final.step].name == "in-force", "the sample no longer reaches in-force")
        let recorded = events

        let decideAndFold = try Measure.best {
            for _ in 0..<iterations {
                _ = try lifecycle()
                _ = try engine.fold(events)
            }
        }
        let foldOnly = try Measure.best {
            for _ in 0..<iterations { _ = try engine.fold(recorded) }
        }
        let rate = Double(iterations) / decideAndFold
        let foldRate = Double(iterations) / foldOnly
        print("engine.lifecycle  \(recorded.count) events per negotiation, decided then folded: \(Measure.format(rate)) negotiations/s (one core)")
        print("engine.fold       the same events folded only (baseline, same run): \(Measure.format(foldRate)) negotiations/s")
        print("engine.ratio      decide+fold / fold-only = \(String(format: "%.2f", rate / foldRate)); against the goal of \(Int(goal).formatted())/s: \(String(format: "%.2f", rate / goal))")
    }
}
