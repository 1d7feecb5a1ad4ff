import BargainingKeys
import Bargaining

/// A negotiation as the exports read it: its recorded events with their chain hashes, the state
/// they fold to, and the pinned workflow that folded them (whose congress rule the records cite).
public struct NegotiationHistory: Sendable {
    public let events: [ChainedEvent]
    public let state: NegotiationState
    public let workflow: Workflow

    /// Folds `events` with `engine`, which must run the workflow the negotiation is pinned to
    /// (`WorkflowDirectory.engine(for: reference)`).
    public init(engine: Engine, events: [ChainedEvent]) throws(ExportError) {
        guard !events.isEmpty else { throw .history(reason: "the negotiation has no recorded events") }
        for chained in events where !Hex.isSHA256(chained.hash) {
            throw .history(reason: "event \(chained.event.sequence) has no valid SHA-256 chain hash ('\(chained.hash)')")
        }
        do {
            self.state = try engine.fold(events.map(\.event))
        } catch {
            throw .history(reason: "the recorded events do not replay under \(engine.workflow.reference): \(error)")
        }
        self.events = events
        self.workflow = engine.workflow
    }

    public var id: String { state.id }
}
