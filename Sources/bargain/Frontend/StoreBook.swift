import Bargaining
import BargainingStore

/// Negotiations in an ``EventStore``: each act is decided by the engine the negotiation is
/// pinned to and appended at the version it was decided against. When another writer recorded
/// first, the book reads what they recorded, decides again on the new state (which may now
/// refuse), and tries again, ``attempts`` times in all before reporting the conflict.
struct StoreBook: NegotiationBook {
    let store: any EventStore
    let workflows: WorkflowCatalog
    var attempts = 3

    init(store: any EventStore, workflows: WorkflowCatalog) {
        self.store = store
        self.workflows = workflows
    }

    init(store: any EventStore, directory: WorkflowDirectory) {
        self.init(store: store, workflows: WorkflowCatalog(directory))
    }

    func open(_ opening: Opening, by actor: Actor, on day: Day) async throws -> Decision {
        let engine = try workflows.engine(for: opening.level)
        let decision = try engine.open(opening, by: actor, on: day).get()
        try await store.create(decision.events, summary: NegotiationSummary(decision.state, engine: engine))
        return decision
    }

    func act(_ action: Action, on id: String, by actor: Actor, on day: Day) async throws -> Decision {
        try await record(action, on: try await negotiation(id), by: actor, on: day).decision
    }

    /// Decides `action` on `negotiation` as it was read and appends it; after a conflict, on
    /// what the other writer recorded. Returns the decision and the negotiation after it, so a
    /// command that already read the negotiation reads it only once.
    func record(_ action: Action, on negotiation: Negotiation, by actor: Actor, on day: Day) async throws -> (decision: Decision, after: Negotiation) {
        var negotiation = negotiation
        for attempt in 1... {
            let decision = try negotiation.engine.decide(negotiation.state, action, by: actor, on: day).get()
            do {
                try await store.append(decision.events, to: negotiation.id, expectedVersion: negotiation.state.version,
                                       summary: NegotiationSummary(decision.state, engine: negotiation.engine))
                return (decision, Negotiation(engine: negotiation.engine, events: negotiation.events + decision.events, state: decision.state))
            } catch {
                guard case .conflict = error, attempt < attempts else { throw error }
                negotiation = try await catchUp(negotiation)
            }
        }
        preconditionFailure("unreachable: the loop returns or throws")
    }

    /// Records `request-renewal` on `id` and opens `newID`: two writes, the act first. The
    /// renewal is decided in full before either is written, and `newID` is checked to be free,
    /// so only a store failure between the two can leave the first without the second; that
    /// is reported as ``RenewalIncomplete`` with the command that finishes it.
    func renew(_ id: String, as newID: String, by actor: Actor, on day: Day) async throws -> (old: Decision, new: Decision) {
        let renewed = try await renew(try await negotiation(id), as: newID, by: actor, on: day)
        return (renewed.old, renewed.new)
    }

    /// ``renew(_:as:by:on:)`` on a negotiation already read; also returns it after the request.
    func renew(_ negotiation: Negotiation, as newID: String, by actor: Actor, on day: Day) async throws
        -> (old: Decision, new: Decision, after: Negotiation) {
        if try await store.exists(newID) { throw StoreError.alreadyExists(id: newID) }
        let id = negotiation.id
        var negotiation = negotiation
        for attempt in 1... {
            let (old, new) = try negotiation.engine.renew(negotiation.state, id: newID, by: actor, on: day).get()
            do {
                try await store.append(old.events, to: id, expectedVersion: negotiation.state.version,
                                       summary: NegotiationSummary(old.state, engine: negotiation.engine))
            } catch {
                guard case .conflict = error, attempt < attempts else { throw error }
                negotiation = try await catchUp(negotiation)
                continue
            }
            // Engine.renew opened the renewal under the same workflow as the contract it renews.
            do {
                try await store.create(new.events, summary: NegotiationSummary(new.state, engine: negotiation.engine))
            } catch {
                throw RenewalIncomplete(old: id, new: new.state.opening, actor: actor, day: day, cause: error)
            }
            return (old, new, Negotiation(engine: negotiation.engine, events: negotiation.events + old.events, state: old.state))
        }
        preconditionFailure("unreachable: the loop returns or throws")
    }

    func negotiation(_ id: String) async throws -> Negotiation {
        try await negotiation(from: try await store.load(id).map(\.event), id: id)
    }

    /// The events another writer added since `negotiation` was read, folded on.
    func catchUp(_ negotiation: Negotiation) async throws -> Negotiation {
        let newer = try await store.load(negotiation.id, after: negotiation.state.version).map(\.event)
        let events = negotiation.events + newer
        return Negotiation(engine: negotiation.engine, events: events, state: try negotiation.engine.fold(events))
    }

    func negotiation(from events: [Event], id: String) async throws -> Negotiation {
        guard case .opened(let opening) = events.first?.body else {
            throw StoreError.corrupt(reason: "negotiation \(id) does not start with its opening; run `bargain verify \(id)`")
        }
        let engine = try workflows.engine(for: opening.workflow, level: opening.level)
        return Negotiation(engine: engine, events: events, state: try engine.fold(events))
    }
}

/// The renewal was asked for and recorded on the old negotiation, but the new one could not be
/// stored: the chair is told exactly that, and how to open it by hand.
struct RenewalIncomplete: Error, CustomStringConvertible {
    var old: String
    var new: Opening
    var actor: Actor
    var day: Day
    var cause: any Error

    var description: String {
        let enterprises = new.enterprises.map { enterprise in
            " --enterprise '\(enterprise.creditCode):\(enterprise.name)\(enterprise.employees.map { ":\($0)" } ?? "")'"
        }.joined()
        return "request-renewal was recorded on \(old), but the renewal negotiation \(new.id) could not be created (\(explain(cause).0)); "
            + "create it with: bargain open \(new.level.rawValue) --id \(new.id) --renews \(old) --title '\(new.title)' "
            + "--union '\(new.employeeParty)' --employer '\(new.employerParty)'\(enterprises) --as \(actor) --on \(day)"
    }
}

extension EventStore {
    /// Whether a negotiation with `id` is stored, without reading its events.
    func exists(_ id: String) async throws(StoreError) -> Bool {
        do {
            _ = try await load(id, after: Int(Int32.max))
            return true
        } catch {
            guard case .notFound = error else { throw error }
            return false
        }
    }
}
