import Bargaining
import BargainingStore

/// A request repeated with its idempotency key (after an unknown outcome, a lost answer, a
/// client's retry) gets the outcome of the first, recorded once: the store keeps what each key
/// recorded, and the act is decided again on the state it was first decided on, which the engine
/// (pure) answers the same way. That also catches a key reused for a different act.
extension LocalNegotiationService {
    /// The first outcome of an act recorded under `prior`'s key, checked to be this act.
    func replay(_ prior: RecordedRequest, _ action: Action, on id: String, by actor: Actor, on day: Day) async throws -> Recorded {
        guard prior.negotiationID == id, prior.versionBefore > 0 else { throw RequestReused(prior: prior) }
        let stored = try await negotiation(id)
        guard stored.events.count >= prior.version else { throw StoreError.corrupt(reason: "request \(prior.requestID) recorded \(id) at version \(prior.version), but it has \(stored.events.count) events; run `bargain verify \(id)`") }
        let before = Array(stored.events.prefix(prior.versionBefore)), added = Array(stored.events[prior.versionBefore..<prior.version])
        var action = action
        if let opened = prior.opened, let field = action.kind.linkedNegotiationField, action.fields.text(field) == nil {
            action.fields[field] = .text(opened)
        }
        let engine = stored.engine
        guard case .success(let decision) = engine.decide(try engine.fold(before), action, by: actor, on: day),
              decision.events == added, decision.opens?.state.id == prior.opened else {
            throw RequestReused(prior: prior)
        }
        var recorded = Recorded(negotiation: Negotiation(engine: engine, events: before + added, state: decision.state), added: added.count,
                                warnings: decision.warnings, explanation: decision.explanation,
                                opened: decision.opens.map { Negotiation(engine: engine, events: $0.events, state: $0.state) })
        recorded.replayed = true
        return recorded
    }

    /// The first outcome of an opening recorded under `prior`'s key, checked to be this opening.
    func replay(_ prior: RecordedRequest, opening: Opening, by actor: Actor, on day: Day) async throws -> Recorded {
        guard prior.versionBefore == 0, opening.id.isEmpty || opening.id == prior.negotiationID else { throw RequestReused(prior: prior) }
        let stored = try await negotiation(prior.negotiationID)
        var opening = opening
        opening.id = prior.negotiationID
        guard case .success(let decision) = stored.engine.open(opening, by: actor, on: day),
              stored.events.count >= prior.version, decision.events == Array(stored.events.prefix(prior.version)) else {
            throw RequestReused(prior: prior)
        }
        var recorded = Recorded(negotiation: Negotiation(engine: stored.engine, events: decision.events, state: decision.state),
                                added: decision.events.count, warnings: decision.warnings, explanation: nil, opened: nil)
        recorded.replayed = true
        return recorded
    }
}

/// An idempotency key already used by a different request: nothing was recorded for this one.
public struct RequestReused: Error, Sendable, CustomStringConvertible {
    public var prior: RecordedRequest

    public var description: String {
        let what = prior.versionBefore == 0 ? "the opening of \(prior.negotiationID)"
            : "an act on \(prior.negotiationID) (its events \(prior.versionBefore + 1)–\(prior.version))"
        return "request id \(prior.requestID) was already used for \(what), and this is a different request; nothing was recorded — use a new request id"
    }
}
