import Bargaining
import BargainingStore

/// ``NegotiationService`` over an ``EventStore`` on this machine (a SQLite file or a PostgreSQL
/// database): each act is decided by the engine the negotiation is pinned to, and everything the
/// decision does (its events, the negotiation it opens) is committed in one transaction at the
/// version it was decided against. When another writer recorded first, the service waits a
/// little (``backoff``), reads what they recorded, decides again on the new state (which may now
/// refuse), and tries again, ``attempts`` times in all before reporting the conflict.
public struct LocalNegotiationService: NegotiationService {
    public let store: any EventStore
    public let workflows: WorkflowCatalog
    /// Decisions per act before a conflict is reported.
    public var attempts = 8
    /// How long to wait before deciding again after the `n`th lost race (from 1).
    public var backoff: @Sendable (_ conflict: Int) -> Duration = LocalNegotiationService.jitteredBackoff
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
        if let requestID, let prior = try await store.recordedRequest(requestID) {
            return try await replay(prior, opening: opening, by: actor, on: day)
        }
        let engine = try workflows.engine(for: opening.level)
        let minted = opening.id.isEmpty, requested = opening
        var opening = opening
        for draw in 1... {
            if minted { opening.id = mintID(opening.level, day) }
            let decision = try engine.open(opening, by: actor, on: day).get()
            do {
                try await store.commit([NegotiationWrite(decision.events, after: 0, summary: NegotiationSummary(decision.state, engine: engine))],
                                       request: requestID)
                return Recorded(negotiation: Negotiation(engine: engine, events: decision.events, state: decision.state),
                                added: decision.events.count, warnings: [], explanation: nil, opened: nil)
            } catch {
                if case .requestAlreadyRecorded = error, let requestID, let prior = try await store.recordedRequest(requestID) {
                    return try await replay(prior, opening: requested, by: actor, on: day)
                }
                guard case .alreadyExists = error, minted, draw < Self.draws else { throw error }
            }
        }
        preconditionFailure("unreachable: the loop returns or throws")
    }

    public func act(_ action: Action, on id: String, by actor: Actor, on day: Day, requestID: String? = nil) async throws -> Recorded {
        if let requestID, let prior = try await store.recordedRequest(requestID) {
            return try await replay(prior, action, on: id, by: actor, on: day)
        }
        let requested = action
        var negotiation = try await current(id)
        var action = action
        // The id of the negotiation a renewal or an amendment opens, when the chair chose none.
        let minted = action.kind.linkedNegotiationField.flatMap { action.fields.text($0) == nil ? $0 : nil }
        var conflicts = 0, draws = 0
        while true {
            if let minted { action.fields[minted] = .text(mintID(negotiation.opening.level, day)) }
            let decision = try negotiation.engine.decide(negotiation.state, action, by: actor, on: day).get()
            let engine = negotiation.engine
            var writes = [NegotiationWrite(decision.events, after: negotiation.state.version, summary: NegotiationSummary(decision.state, engine: engine))]
            if let opens = decision.opens {
                // The linked negotiation runs under the same pinned workflow as the one it came from.
                writes.append(NegotiationWrite(opens.events, after: 0, summary: NegotiationSummary(opens.state, engine: engine)))
            }
            do {
                try await store.commit(writes, request: requestID)
                let after = Negotiation(engine: engine, events: negotiation.events + decision.events, state: decision.state)
                memory?.keep(after)
                return Recorded(negotiation: after, added: decision.events.count, warnings: decision.warnings,
                                explanation: decision.explanation,
                                opened: decision.opens.map { Negotiation(engine: engine, events: $0.events, state: $0.state) })
            } catch {
                // Another copy of this request won the race for its key (the first was still committing).
                if case .requestAlreadyRecorded = error, let requestID, let prior = try await store.recordedRequest(requestID) {
                    return try await replay(prior, requested, on: id, by: actor, on: day)
                }
                if case .conflict(let id, let expected, let actual) = error { onConflict?(id, expected, actual) }
                switch error {
                case .conflict where conflicts + 1 < attempts:
                    conflicts += 1
                    try await Task.sleep(for: backoff(conflicts))
                    negotiation = try await catchUp(negotiation)
                case .alreadyExists(let taken) where minted != nil && taken != id && draws + 1 < Self.draws:
                    draws += 1
                default:
                    throw error
                }
            }
        }
    }

    /// A random wait up to 10 ms, doubling with each lost race up to 320 ms ("full jitter"):
    /// writers that collided spread out instead of colliding again in step. Eight writers acting
    /// without pause on one negotiation still lose some acts (the store's stress suite measures
    /// how many); writers that act once each, as people do, get through.
    public static func jitteredBackoff(_ conflict: Int) -> Duration {
        .milliseconds(Int.random(in: 0...(10 << min(max(conflict - 1, 0), 5))))
    }

    public func negotiation(_ id: String) async throws -> Negotiation {
        try await current(id)
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
        return NegotiationLog(negotiation: try negotiation(from: stored.map(\.event), id: id), stored: stored,
                              brokenChain: try await brokenChain(id))
    }

    public func brokenChain(_ id: String) async throws -> ChainBreak? {
        try await store.verify(id).mismatches.first.map(ChainBreak.init)
    }

    /// The negotiation as stored now: the one in ``memory`` caught up, else read from the store
    /// (and kept in ``memory``, when there is one, for the next read or act).
    func current(_ id: String) async throws -> Negotiation {
        let negotiation: Negotiation
        if let known = memory?.recall(id) {
            negotiation = try await catchUp(known)
        } else {
            negotiation = try self.negotiation(from: try await store.load(id).map(\.event), id: id)
        }
        memory?.keep(negotiation)
        return negotiation
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
