import Bargaining
import BargainingStore

/// ``NegotiationService`` over an ``EventStore`` on this machine (a SQLite file or a PostgreSQL
/// database): each act is decided by the engine the negotiation is pinned to, and everything the
/// decision does (its events, the negotiation it opens) is committed in one transaction at the
/// version it was decided against. When another writer recorded first, the service reads what
/// they recorded, decides again on the new state (which may now refuse), and tries again,
/// ``attempts`` times in all before reporting the conflict.
public struct LocalNegotiationService: NegotiationService {
    public let store: any EventStore
    public let workflows: WorkflowCatalog
    /// Decisions per act before a conflict is reported.
    public var attempts = 3
    /// Told of every lost race (negotiation, version decided against, version found) before the
    /// act is decided again or the conflict reported: for logs, and for the stress tests that
    /// count them.
    public var onConflict: (@Sendable (_ id: String, _ expected: Int, _ actual: Int) -> Void)?
    /// Negotiations kept between acts by a long-running caller; nil reads each act's
    /// negotiation from the store.
    public var memory: NegotiationMemory?
    /// Chooses the id of a negotiation the caller did not name (injected, so tests and a server
    /// can choose their own scheme).
    let mintID: @Sendable (Level, Day) -> String
    /// Ids drawn for one new negotiation before a collision is reported.
    static let draws = 5

    public init(store: any EventStore, workflows: WorkflowCatalog,
                mintID: @escaping @Sendable (Level, Day) -> String = { NegotiationID.make($0, year: $1.year) }) {
        self.store = store
        self.workflows = workflows
        self.mintID = mintID
    }

    public func open(_ opening: Opening, by actor: Actor, on day: Day, requestID: String? = nil) async throws -> Recorded {
        let engine = try workflows.engine(for: opening.level)
        let minted = opening.id.isEmpty
        var opening = opening
        for draw in 1... {
            if minted { opening.id = mintID(opening.level, day) }
            let decision = try engine.open(opening, by: actor, on: day).get()
            do {
                try await store.commit([NegotiationWrite(decision.events, after: 0, summary: NegotiationSummary(decision.state, engine: engine))])
                return Recorded(negotiation: Negotiation(engine: engine, events: decision.events, state: decision.state),
                                added: decision.events.count, warnings: [], explanation: nil, opened: nil)
            } catch {
                guard case .alreadyExists = error, minted, draw < Self.draws else { throw error }
            }
        }
        preconditionFailure("unreachable: the loop returns or throws")
    }

    public func act(_ action: Action, on id: String, by actor: Actor, on day: Day, requestID: String? = nil) async throws -> Recorded {
        var negotiation = try await current(id)
        var action = action
        let mintsRenewal = action.kind == .requestRenewal && action.fields.text("renewal") == nil
        var conflicts = 0, draws = 0
        while true {
            if mintsRenewal { action.fields["renewal"] = .text(mintID(negotiation.opening.level, day)) }
            let decision = try negotiation.engine.decide(negotiation.state, action, by: actor, on: day).get()
            let engine = negotiation.engine
            var writes = [NegotiationWrite(decision.events, after: negotiation.state.version, summary: NegotiationSummary(decision.state, engine: engine))]
            if let opens = decision.opens {
                // The linked negotiation runs under the same pinned workflow as the one it came from.
                writes.append(NegotiationWrite(opens.events, after: 0, summary: NegotiationSummary(opens.state, engine: engine)))
            }
            do {
                try await store.commit(writes)
                let after = Negotiation(engine: engine, events: negotiation.events + decision.events, state: decision.state)
                memory?.keep(after)
                return Recorded(negotiation: after, added: decision.events.count, warnings: decision.warnings,
                                explanation: decision.explanation,
                                opened: decision.opens.map { Negotiation(engine: engine, events: $0.events, state: $0.state) })
            } catch {
                if case .conflict(let id, let expected, let actual) = error { onConflict?(id, expected, actual) }
                switch error {
                case .conflict where conflicts + 1 < attempts:
                    conflicts += 1
                    negotiation = try await catchUp(negotiation)
                case .alreadyExists(let taken) where mintsRenewal && taken != id && draws + 1 < Self.draws:
                    draws += 1
                default:
                    throw error
                }
            }
        }
    }

    public func negotiation(_ id: String) async throws -> Negotiation {
        try negotiation(from: try await store.load(id).map(\.event), id: id)
    }

    public func status(_ id: String, asOf day: Day) async throws -> NegotiationStatus {
        try await negotiation(id).status(asOf: day)
    }

    public func list(_ query: NegotiationQuery, asOf day: Day) async throws -> [NegotiationSummary] {
        // The filters on step and deadlines apply after each summary is brought to `day`, to
        // what is true then.
        let recorded = try await store.list(NegotiationQuery(level: query.level, district: query.district))
        var result: [NegotiationSummary] = []
        for entry in recorded {
            if let current = try await summary(entry, asOf: day), query.matches(current) { result.append(current) }
        }
        return result
    }

    public func log(_ id: String) async throws -> NegotiationLog {
        let stored = try await store.load(id)
        return NegotiationLog(negotiation: try negotiation(from: stored.map(\.event), id: id), stored: stored)
    }

    /// The negotiation to decide on: the one in ``memory`` caught up, else read from the store.
    func current(_ id: String) async throws -> Negotiation {
        guard let known = memory?.recall(id) else { return try await negotiation(id) }
        return try await catchUp(known)
    }

    /// The events another writer added since `negotiation` was read, folded on.
    func catchUp(_ negotiation: Negotiation) async throws -> Negotiation {
        let newer = try await store.load(negotiation.id, after: negotiation.state.version).map(\.event)
        if newer.isEmpty { return negotiation }
        let events = negotiation.events + newer
        return Negotiation(engine: negotiation.engine, events: events, state: try negotiation.engine.fold(events))
    }

    func negotiation(from events: [Event], id: String) throws -> Negotiation {
        guard case .opened(let opening) = events.first?.body else {
            throw StoreError.corrupt(reason: "negotiation \(id) does not start with its opening; run `bargain verify \(id)`")
        }
        let engine = try workflows.engine(for: opening.workflow, level: opening.level)
        return Negotiation(engine: engine, events: events, state: try engine.fold(events))
    }
}
