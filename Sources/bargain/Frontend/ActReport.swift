import Bargaining

/// What `bargain do` and `bargain next` print once an act is recorded: the new rows of the
/// timeline (with any deadline that passed first), where the negotiation now stands, and what
/// may come next.
struct ActReport {
    let engine: Engine
    /// The whole history, the recorded decision's events last.
    let events: [Event]
    /// How many of `events` the decision added.
    let added: Int
    let terminal: Terminal

    func render() throws -> String {
        let state = try engine.fold(events)
        var output = terminal.paint("recorded", .green) + " on \(state.id) (now \(state.version) events)\n"
        output += try Timeline(engine: engine, terminal: terminal, showsFields: true).render(events, from: events.count - added)
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
