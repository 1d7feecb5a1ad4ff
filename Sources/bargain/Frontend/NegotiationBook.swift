import Bargaining

/// A negotiation as recorded, with the engine of the workflow it is pinned to.
struct Negotiation: Sendable {
    var engine: Engine
    var events: [Event]
    var state: NegotiationState

    var id: String { state.id }
    var opening: Opening { state.opening }

    /// Where it stands on `day`: from the state when `day` is on or after the last event, else
    /// from the events up to `day` (looking back in time).
    func status(asOf day: Day) throws(RuleViolation) -> NegotiationStatus {
        day >= state.lastDay ? try engine.status(state, asOf: day).get() : try engine.status(of: events, asOf: day).get()
    }
}

/// Where the CLI keeps negotiations while it drives the engine. Every act loads the history,
/// decides, and records the decision's events; a refusal is thrown as a ``RuleViolation`` and
/// nothing is recorded. ``StoreBook`` is the real one; the demo and `bargain do`/`next` use it.
protocol NegotiationBook: Sendable {
    /// Opens a negotiation under the current workflow of its level.
    func open(_ opening: Opening, by actor: Actor, on day: Day) async throws -> Decision
    /// Decides one act on negotiation `id` and records it.
    func act(_ action: Action, on id: String, by actor: Actor, on day: Day) async throws -> Decision
    /// Asks for the renewal of `id`'s contract and opens the renewal negotiation `newID` (S1 art 38).
    func renew(_ id: String, as newID: String, by actor: Actor, on day: Day) async throws -> (old: Decision, new: Decision)
    /// The negotiation's history, state and engine.
    func negotiation(_ id: String) async throws -> Negotiation
}

extension NegotiationBook {
    func events(of id: String) async throws -> [Event] { try await negotiation(id).events }
}

/// Negotiations held in memory for the length of one command (unit tests).
actor InMemoryBook: NegotiationBook {
    let directory: WorkflowDirectory
    private var histories: [String: [Event]] = [:]

    init(directory: WorkflowDirectory) { self.directory = directory }

    func open(_ opening: Opening, by actor: Actor, on day: Day) throws -> Decision {
        guard histories[opening.id] == nil else {
            throw CommandFailure("a negotiation with id \(opening.id) already exists", exitCode: ExitCodes.usage)
        }
        let decision = try directory.engine(for: opening.level).open(opening, by: actor, on: day).get()
        histories[opening.id] = decision.events
        return decision
    }

    func act(_ action: Action, on id: String, by actor: Actor, on day: Day) throws -> Decision {
        let negotiation = try self.negotiation(id)
        let decision = try negotiation.engine.decide(negotiation.state, action, by: actor, on: day).get()
        histories[id] = negotiation.events + decision.events
        return decision
    }

    func renew(_ id: String, as newID: String, by actor: Actor, on day: Day) throws -> (old: Decision, new: Decision) {
        let negotiation = try self.negotiation(id)
        guard histories[newID] == nil else {
            throw CommandFailure("a negotiation with id \(newID) already exists", exitCode: ExitCodes.usage)
        }
        let (old, new) = try negotiation.engine.renew(negotiation.state, id: newID, by: actor, on: day).get()
        histories[id] = negotiation.events + old.events
        histories[newID] = new.events
        return (old, new)
    }

    func negotiation(_ id: String) throws -> Negotiation {
        guard let events = histories[id], case .opened(let opening) = events.first?.body else {
            throw CommandFailure("no negotiation with id \(id)", exitCode: ExitCodes.notFound)
        }
        let engine = try directory.engine(for: opening.workflow)
        return Negotiation(engine: engine, events: events, state: try engine.fold(events))
    }
}
