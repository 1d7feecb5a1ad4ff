import Bargaining

/// Where negotiations live. Shaped by the domain, not by SQL: open a negotiation, append the
/// events of one decision at the version the decision was made against, load, list, verify.
///
/// Both implementations (``SQLiteEventStore``, ``PostgresEventStore``) pass one conformance suite.
/// Every append is one transaction: the events, the projection rows and the hash chain are all
/// written or none is. A writer whose expected version is stale gets ``StoreError/conflict``.
public protocol EventStore: Sendable {
    /// Records one decision in one transaction: each write appends a negotiation's events at the
    /// version the decision was made against, or, at version 0, creates the negotiation. All of
    /// them are written or none is: a stale version is ``StoreError/conflict``, an id taken at
    /// version 0 ``StoreError/alreadyExists``, an unknown one ``StoreError/notFound``. A renewal
    /// is two writes (the request on the old negotiation, the opening of the new one) in one commit.
    ///
    /// With a `request` id (the caller's idempotency key), the commit also records a
    /// ``RecordedRequest`` under that key; if the key is already recorded nothing is written and
    /// the commit throws ``StoreError/requestAlreadyRecorded(id:)``.
    func commit(_ writes: [NegotiationWrite], request: String?) async throws(StoreError)

    /// What the request with this idempotency key recorded, or nil when none did.
    func recordedRequest(_ id: String) async throws(StoreError) -> RecordedRequest?

    /// The negotiation's events in order, each with its stored hash.
    func load(_ id: String) async throws(StoreError) -> [StoredEvent]

    /// The events after sequence `version`, in order: what a writer that lost a race needs to
    /// catch up, without reading (and decoding) the whole history again.
    func load(_ id: String, after version: Int) async throws(StoreError) -> [StoredEvent]

    /// Summaries matching the query, ordered by id.
    func list(_ query: NegotiationQuery) async throws(StoreError) -> [NegotiationSummary]

    /// Recomputes the hash chain of one negotiation, or of all when `id` is nil.
    func verify(_ id: String?) async throws(StoreError) -> VerificationReport

    /// The last event of every negotiation's chain, by negotiation id.
    func chainHeads() async throws(StoreError) -> [ChainHead]

    /// Contracts in force or once in force, for coverage statistics (the contract records projection).
    func contractRecords() async throws(StoreError) -> [ContractRecord]

    /// Releases connections. Further calls fail.
    func close() async
}

extension EventStore {
    /// Records one decision with no idempotency key (see ``commit(_:request:)``).
    public func commit(_ writes: [NegotiationWrite]) async throws(StoreError) {
        try await commit(writes, request: nil)
    }

    public func load(_ id: String) async throws(StoreError) -> [StoredEvent] {
        try await load(id, after: 0)
    }

    /// Whether a negotiation with `id` is stored, without reading its events.
    public func exists(_ id: String) async throws(StoreError) -> Bool {
        do {
            _ = try await load(id, after: Int(Int32.max))
            return true
        } catch {
            guard case .notFound = error else { throw error }
            return false
        }
    }

    /// Records a new negotiation: its opening decision's events and its first summary.
    public func create(_ events: [Event], summary: NegotiationSummary) async throws(StoreError) {
        try await commit([NegotiationWrite(events, after: 0, summary: summary)])
    }

    /// Appends one decision's events to negotiation `id`, which must be at `expectedVersion`
    /// (the sequence number of its last event), and replaces its summary.
    public func append(_ events: [Event], to id: String, expectedVersion: Int, summary: NegotiationSummary) async throws(StoreError) {
        precondition(summary.id == id, "the summary is of \(summary.id), not \(id)")
        try await commit([NegotiationWrite(events, after: expectedVersion, summary: summary)])
    }
}

/// One negotiation's part of a commit: its new events, numbered on from `expectedVersion` (0 for
/// a negotiation the commit creates), and its summary after them.
public struct NegotiationWrite: Sendable, Hashable {
    public var events: [Event]
    public var expectedVersion: Int
    public var summary: NegotiationSummary

    public var id: String { summary.id }
    /// Whether the write opens the negotiation rather than appending to it.
    public var creates: Bool { expectedVersion == 0 }

    public init(_ events: [Event], after expectedVersion: Int, summary: NegotiationSummary) {
        self.events = events
        self.expectedVersion = expectedVersion
        self.summary = summary
    }
}

/// An event as stored: the event, when it was recorded, and its place in the hash chain.
public struct StoredEvent: Sendable, Hashable {
    public var event: Event
    /// Wall-clock time of recording, ISO 8601 UTC (distinct from the legal date `event.on`).
    public var recordedAt: String
    /// SHA-256 hex of (previous hash ‖ canonical bytes of this event); the first event chains from "".
    public var hash: String

    public init(event: Event, recordedAt: String, hash: String) {
        self.event = event
        self.recordedAt = recordedAt
        self.hash = hash
    }
}

/// One row of the negotiations projection: what `list` filters on and shows. Computed by the
/// caller from the engine's state, so the store needs no knowledge of workflows.
public struct NegotiationSummary: Sendable, Hashable, Codable {
    public var id: String
    public var level: Level
    public var workflow: WorkflowReference
    public var title: String
    public var employeeParty: String
    public var employerParty: String
    public var district: String?
    public var street: String?
    /// The step's name in the pinned workflow.
    public var step: String
    public var version: Int
    public var lastDay: Day
    /// Open deadlines with their due dates, for "overdue as of" and "due within" queries.
    public var deadlines: [OpenDeadline]
    /// Set once the negotiation has produced an agreement that took effect.
    public var contract: ContractRecord?
    /// The negotiation this one renews (S1 art 38), from its opening.
    public var renews: String?
    /// The day it reached a terminal step of its workflow (withdrawn, expired, terminated); nil
    /// while it runs. With ``renews``, what says which renewals are open on a day.
    public var endedOn: Day?

    public init(id: String, level: Level, workflow: WorkflowReference, title: String, employeeParty: String,
                employerParty: String, district: String?, street: String?, step: String, version: Int, lastDay: Day,
                deadlines: [OpenDeadline], contract: ContractRecord?, renews: String? = nil, endedOn: Day? = nil) {
        self.id = id
        self.level = level
        self.workflow = workflow
        self.title = title
        self.employeeParty = employeeParty
        self.employerParty = employerParty
        self.district = district
        self.street = street
        self.step = step
        self.version = version
        self.lastDay = lastDay
        self.deadlines = deadlines
        self.contract = contract
        self.renews = renews
        self.endedOn = endedOn
    }
}

/// Filters for `list`. Nil means "any".
public struct NegotiationQuery: Sendable, Hashable {
    public var level: Level?
    public var step: String?
    public var district: String?
    /// Only negotiations with an open deadline whose due date is before this day.
    public var overdueAsOf: Day?
    /// Only negotiations with an open deadline due on or before this day.
    public var dueBy: Day?

    public init(level: Level? = nil, step: String? = nil, district: String? = nil, overdueAsOf: Day? = nil, dueBy: Day? = nil) {
        self.level = level
        self.step = step
        self.district = district
        self.overdueAsOf = overdueAsOf
        self.dueBy = dueBy
    }
}

extension NegotiationQuery {
    /// Whether `summary` passes every filter set: what the SQL stores' `list` asks the database.
    public func matches(_ summary: NegotiationSummary) -> Bool {
        if let level, summary.level != level { return false }
        if let step, summary.step != step { return false }
        if let district, summary.district != district { return false }
        if let day = overdueAsOf, !summary.deadlines.contains(where: { $0.due < day }) { return false }
        if let day = dueBy, !summary.deadlines.contains(where: { $0.due <= day }) { return false }
        return true
    }
}

/// The result of recomputing hash chains.
public struct VerificationReport: Sendable, Hashable {
    public var negotiationsChecked: Int
    public var eventsChecked: Int
    /// The first event whose stored hash does not match, per broken negotiation.
    public var mismatches: [Mismatch]
    /// Events stored before hashes were sealed (``HashChain``): their chain holds, but their
    /// recorded time and negotiation id are outside it.
    public var unsealedEvents = 0

    public struct Mismatch: Sendable, Hashable {
        public var negotiation: String
        public var sequence: Int
        public var reason: String

        public init(negotiation: String, sequence: Int, reason: String) {
            self.negotiation = negotiation
            self.sequence = sequence
            self.reason = reason
        }
    }

    public var isIntact: Bool { mismatches.isEmpty }
}

/// Why a store call failed. Each case maps to one documented exit code of the CLI.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another writer appended first: the negotiation is at `actual`, not `expected`. Reload and decide again.
    case conflict(id: String, expected: Int, actual: Int)
    case notFound(id: String)
    case alreadyExists(id: String)
    /// The store cannot be opened or reached; `hint` says what to do.
    case unavailable(reason: String, hint: String)
    /// The file or database is not a bargain store, or was written by a newer version.
    case incompatible(reason: String)
    /// Stored data that cannot be decoded.
    case corrupt(reason: String)
    /// The commit was sent and no answer came (the connection closed or the server did not
    /// answer in time): the write may or may not be recorded. Repeating it with the same
    /// request id records it at most once, and returns the original outcome if it was.
    case outcomeUnknown(reason: String)
    /// A commit under an idempotency key that an earlier commit already recorded: nothing was
    /// written; ``EventStore/recordedRequest(_:)`` says what the first one recorded.
    case requestAlreadyRecorded(id: String)

    public var description: String {
        switch self {
        case .conflict(let id, let expected, let actual):
            "conflict: negotiation \(id) is at version \(actual), not \(expected); another writer recorded first — reload and try again"
        case .notFound(let id): "no negotiation with id \(id)"
        case .alreadyExists(let id): "a negotiation with id \(id) already exists"
        case .unavailable(let reason, let hint): "store unavailable: \(reason). \(hint)"
        case .incompatible(let reason): "incompatible store: \(reason)"
        case .corrupt(let reason): "corrupt store data: \(reason)"
        case .requestAlreadyRecorded(let id): "request \(id) was already recorded"
        case .outcomeUnknown(let reason):
            "outcome unknown: \(reason), so the decision may or may not have been recorded. Repeat it with the same request id: it is recorded at most once"
        }
    }

    /// A failure that came after the commit was sent: whatever it says, the outcome is unknown.
    static func unknownOutcome(_ cause: StoreError) -> StoreError {
        switch cause {
        case .unavailable(let reason, _): .outcomeUnknown(reason: reason + " while committing")
        case .outcomeUnknown: cause
        default: .outcomeUnknown(reason: cause.description + " while committing")
        }
    }
}
