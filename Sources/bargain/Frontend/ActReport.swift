import Bargaining
import BargainingService

/// What `bargain do` and `bargain next` print once an act is recorded: the new rows of the
/// timeline (with any deadline that passed first), where the negotiation now stands, and what
/// may come next.
struct ActReport {
    let recorded: Recorded
    let terminal: Terminal

    init(_ recorded: Recorded, terminal: Terminal) {
        self.recorded = recorded
        self.terminal = terminal
    }

    func render() throws -> String {
        let negotiation = recorded.negotiation, engine = negotiation.engine, events = negotiation.events
        let state = negotiation.state
        // A repeated request id: the first outcome, shown again; nothing new was recorded.
        var output = recorded.replayed
            ? terminal.paint("already recorded", .green) + " on \(state.id) by an earlier run with this request id; nothing new recorded\n"
            : terminal.paint("recorded", .green) + " on \(state.id) (now \(state.version) events)\n"
        output += try Timeline(engine: engine, terminal: terminal, showsFields: true).render(events, from: events.count - recorded.added)
        let allowed = engine.allowedActions(in: state)
        if allowed.isEmpty {
            output += "next: nothing, the negotiation has ended\n"
        } else {
            let list = allowed.map { action in
                let waiting = action.waitingFor.count == 1 ? ", waiting for the \(action.waitingFor[0].rawValue) side" : ""
                return "\(action.kind.rawValue) (\(action.roles.map(\.rawValue).joined(separator: ", "))\(waiting))"
            }
            output += "next: " + list.joined(separator: "; ") + "\n"
        }
        return output
    }
}
