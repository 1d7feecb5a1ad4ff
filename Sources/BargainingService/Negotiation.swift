import Bargaining
import BargainingStore

/// A negotiation as recorded, with the engine of the workflow it is pinned to.
public struct Negotiation: Sendable {
    public var engine: Engine
    public var events: [Event]
    public var state: NegotiationState

    public init(engine: Engine, events: [Event], state: NegotiationState) {
        self.engine = engine
        self.events = events
        self.state = state
    }

    public var id: String { state.id }
    public var opening: Opening { state.opening }

    /// Where it stands on `day`: from the state when `day` is on or after the last event, else
    /// from the events up to `day` (looking back in time).
    public func status(asOf day: Day) throws(RuleViolation) -> NegotiationStatus {
        day >= state.lastDay ? try engine.status(state, asOf: day).get() : try engine.status(of: events, asOf: day).get()
    }

    /// The day of the last event recorded on or before `day`.
    public func lastRecorded(asOf day: Day) -> Day {
        events.last { $0.on <= day }?.on ?? state.lastDay
    }
}

/// What an accepted act (or an opening) recorded, for the front end to tell the user.
public struct Recorded: Sendable {
    /// The negotiation after the act.
    public var negotiation: Negotiation
    /// How many of its events the act added: deadlines that passed first, then the act.
    public var added: Int
    /// Warnings the rules raised without refusing (with their articles).
    public var warnings: [String]
    /// How a classifying rule decided (the congress vote with its numbers).
    public var explanation: String?
    /// The negotiation the act opened beside this one, recorded in the same transaction (the
    /// renewal, S1 art 38).
    public var opened: Negotiation?
    /// Whether this is the outcome of an earlier request with the same idempotency key, returned
    /// again instead of acting twice: nothing new was recorded.
    public var replayed = false

    public init(negotiation: Negotiation, added: Int, warnings: [String], explanation: String?, opened: Negotiation?) {
        self.negotiation = negotiation
        self.added = added
        self.warnings = warnings
        self.explanation = explanation
        self.opened = opened
    }

    /// The events the act added.
    public var events: ArraySlice<Event> { negotiation.events.suffix(added) }
}

/// A negotiation's history as stored: each event with when it was recorded and its place in the
/// hash chain, beside the negotiation they fold to.
public struct NegotiationLog: Sendable {
    public var negotiation: Negotiation
    public var stored: [StoredEvent]
    /// The first event whose hash does not match, when the chain is broken.
    public var brokenChain: ChainBreak?

    public init(negotiation: Negotiation, stored: [StoredEvent], brokenChain: ChainBreak?) {
        self.negotiation = negotiation
        self.stored = stored
        self.brokenChain = brokenChain
    }
}
