import Bargaining
import BargainingService

/// Plays sample negotiations through a ``NegotiationService``, act by act, as a chair would
/// type them.
struct DemoRunner {
    let service: any NegotiationService

    /// A played script: its full history and where it ended.
    struct Played {
        var script: SampleNegotiations.Script
        var events: [Event]
        var state: NegotiationState
        /// The narration line of each act, by the sequence number of the act's event.
        var narration: [Int: String]
    }

    func play(_ script: SampleNegotiations.Script) async throws -> Played {
        var recorded = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil)
        var narration: [Int: String] = [:]
        for act in script.acts {
            recorded = try await service.act(act.action, on: script.opening.id, by: act.actor, on: act.on, requestID: nil)
            if let event = recorded.events.last { narration[event.sequence] = act.narration }
        }
        let negotiation = recorded.negotiation
        return Played(script: script, events: negotiation.events, state: negotiation.state, narration: narration)
    }
}
