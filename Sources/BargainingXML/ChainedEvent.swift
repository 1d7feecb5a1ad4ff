import Bargaining

/// An event with its link in the negotiation's hash chain: what an event store's `load` returns
/// (BargainingStore's `StoredEvent`, without the wall-clock time of recording).
///
/// Documents carry the hash of the event they were built from, so an archive can check a file
/// against the negotiation's tamper-evident history.
public struct ChainedEvent: Hashable, Sendable {
    public var event: Event
    /// SHA-256 hex of (previous hash ‖ canonical JSON of `event`); the first event chains from "".
    public var hash: String

    public init(event: Event, hash: String) {
        self.event = event
        self.hash = hash
    }
}

/// Computes one link of the hash chain: `link(previous, event)` is the hash of `event` given the
/// hash of the event before it (`""` for the first).
///
/// BargainingXML does not define the chain itself: the event store does (BargainingStore's
/// `HashChain.link(previous:canonicalJSON:)` over `Event.canonicalJSON`), and a second
/// definition could drift from it. Callers that hold events in memory pass the store's.
public typealias ChainLink = @Sendable (_ previous: String, _ event: Event) -> String

extension Sequence<Event> {
    /// The events with their chain hashes, computed with `link` from the origin `""`.
    public func chained(with link: ChainLink) -> [ChainedEvent] {
        var previous = ""
        return map { event in
            previous = link(previous, event)
            return ChainedEvent(event: event, hash: previous)
        }
    }
}
