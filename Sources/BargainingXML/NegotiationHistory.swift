import BargainingKeys
import Bargaining

/// A negotiation as the exports read it: its recorded events with their chain hashes, the state
/// they fold to, and the pinned workflow that folded them (whose congress rule the records cite).
///
/// Read as of a day (issue 14 item 1: one as-of truth), it also holds what time alone did by
/// then and no act recorded: the review window closed without objection (S1 art 47: the
/// agreement took effect), the agreement expired. Those lapses are derived, not stored, so they
/// carry no hash: a document still names the last *recorded* event as its provenance.
public struct NegotiationHistory: Sendable {
    public let events: [ChainedEvent]
    /// The deadlines that passed after the last recorded event and up to the day read, each as
    /// the lapse event `status` shows; empty when read as recorded.
    public let lapses: [Event]
    public let state: NegotiationState
    public let workflow: Workflow

    /// The recorded events and the derived lapses, in order: what a document describes.
    public var described: [Event] { events.map(\.event) + lapses }

    /// Folds `events` with `engine`, which must run the workflow the negotiation is pinned to
    /// (`WorkflowDirectory.engine(for: reference)`), and brings the state to `asOf` when that day
    /// is after the last event (as recorded when nil).
    public init(engine: Engine, events: [ChainedEvent], asOf day: Day? = nil) throws(ExportError) {
        guard !events.isEmpty else { throw .history(reason: "the negotiation has no recorded events") }
        for chained in events where !Hex.isSHA256(chained.hash) {
            throw .history(reason: "event \(chained.event.sequence) has no valid SHA-256 chain hash ('\(chained.hash)')")
        }
        let recorded: NegotiationState
        do {
            recorded = try engine.fold(events.map(\.event))
        } catch {
            throw .history(reason: "the recorded events do not replay under \(engine.workflow.reference): \(error)")
        }
        if let day, day > recorded.lastDay {
            switch engine.status(recorded, asOf: day) {
            case .success(let status):
                self.state = status.state
                self.lapses = status.lapses
            case .failure(let violation):
                throw .history(reason: "negotiation \(recorded.id) cannot be brought to \(day): \(violation.message)")
            }
        } else {
            self.state = recorded
            self.lapses = []
        }
        self.events = events
        self.workflow = engine.workflow
    }

    public var id: String { state.id }
}
