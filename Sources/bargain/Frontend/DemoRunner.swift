import Bargaining

/// Plays sample negotiations through a ``NegotiationBook``, act by act, as a chair would type
/// them. The book decides where they are kept: in memory today, a temporary store once the
/// store lands, with no change here.
struct DemoRunner {
    let book: any NegotiationBook

    /// A played script: its full history and where it ended.
    struct Played {
        var script: SampleNegotiations.Script
        var events: [Event]
        var state: NegotiationState
        /// The narration line of each act, by the sequence number of the act's event.
        var narration: [Int: String]
    }

    func play(_ script: SampleNegotiations.Script) async throws -> Played {
        var decision = try await book.open(script.opening, by: script.openedBy, on: script.openedOn)
        var narration: [Int: String] = [:]
        for act in script.acts {
            decision = try await book.act(act.action, on: script.opening.id, by: act.actor, on: act.on)
            if let event = decision.events.last { narration[event.sequence] = act.narration }
        }
        return Played(script: script, events: try await book.events(of: script.opening.id), state: decision.state, narration: narration)
    }
}
