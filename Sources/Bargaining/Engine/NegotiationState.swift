/// Everything known about a negotiation at one point: the fold of its events.
///
/// Plain values only, so the state can be compared, copied and tested without I/O. The engine
/// derives anything time-dependent (what is overdue on a date) from it together with the date.
public struct NegotiationState: Hashable, Sendable {
    public internal(set) var opening: Opening
    /// Index of the current step in the pinned workflow.
    public internal(set) var step: Int
    /// The sequence number of the last event: the expected version for the next append.
    public internal(set) var version: Int
    public internal(set) var lastDay: Day
    public internal(set) var deadlines: [OpenDeadline] = []
    /// For actions each side takes once (signatures), which sides have taken them in this step.
    public internal(set) var sidesDone: [ActionKind: SideSet] = [:]

    public internal(set) var noticeFrom: Side?
    public internal(set) var delegations: [Side: Delegation] = [:]
    public internal(set) var vacancies: [String] = []
    public internal(set) var recorder: String?
    public internal(set) var informationRequested: [String] = []
    public internal(set) var informationSupplied: [(items: [String], on: Day)] = []
    public internal(set) var rounds: [Round] = []
    public internal(set) var escalations: [String] = []
    public internal(set) var coordinationExtensions: Int = 0
    /// The agreed draft's terms (agree-draft fields).
    public internal(set) var draft: Fields?
    public internal(set) var congressSessions: [CongressSession] = []
    /// The body the convened session is of (职工代表大会 or 职工大会).
    public internal(set) var congressBody: String?
    public internal(set) var signatures: [Signature] = []
    public internal(set) var filings: [Filing] = []
    public internal(set) var objections: [String] = []
    public internal(set) var noObjectionOn: Day?
    /// The day the review window closed in silence, if it did (S1 art 47).
    public internal(set) var reviewLapsedOn: Day?
    /// Every date an event recorded, by field name: first-meeting-on, resume-on, expires-on,
    /// starts-on, effective-on… Deadlines anchored on a date field read it here.
    public internal(set) var dates: [String: Day] = [:]
    public internal(set) var renewal: String?
    public internal(set) var endReason: String?

    init(opening: Opening, step: Int, on day: Day) {
        self.opening = opening
        self.step = step
        self.version = 1
        self.lastDay = day
    }

    public var id: String { opening.id }
    public var effectiveOn: Day? { dates["effective-on"] }
    public var expiresOn: Day? { dates["expires-on"] }
    /// The day the agreement was terminated early (S1 arts 39–41), if it was.
    public var terminatedOn: Day? { dates["terminated-on"] }

    public static func == (lhs: NegotiationState, rhs: NegotiationState) -> Bool {
        lhs.opening == rhs.opening && lhs.step == rhs.step && lhs.version == rhs.version && lhs.lastDay == rhs.lastDay
            && lhs.deadlines == rhs.deadlines && lhs.sidesDone == rhs.sidesDone && lhs.noticeFrom == rhs.noticeFrom
            && lhs.delegations == rhs.delegations && lhs.vacancies == rhs.vacancies && lhs.recorder == rhs.recorder
            && lhs.informationRequested == rhs.informationRequested
            && lhs.informationSupplied.map(\.items) == rhs.informationSupplied.map(\.items)
            && lhs.informationSupplied.map(\.on) == rhs.informationSupplied.map(\.on)
            && lhs.rounds == rhs.rounds && lhs.escalations == rhs.escalations
            && lhs.coordinationExtensions == rhs.coordinationExtensions && lhs.draft == rhs.draft
            && lhs.congressSessions == rhs.congressSessions && lhs.congressBody == rhs.congressBody && lhs.signatures == rhs.signatures
            && lhs.filings == rhs.filings && lhs.objections == rhs.objections && lhs.noObjectionOn == rhs.noObjectionOn
            && lhs.reviewLapsedOn == rhs.reviewLapsedOn && lhs.dates == rhs.dates && lhs.renewal == rhs.renewal
            && lhs.endReason == rhs.endReason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(opening.id)
        hasher.combine(version)
        hasher.combine(step)
    }
}

/// A set of the two sides, as two bits.
public struct SideSet: Hashable, Sendable {
    var bits: UInt8 = 0
    public init() {}
    public func contains(_ side: Side) -> Bool { bits & SideSet.bit(side) != 0 }
    public mutating func insert(_ side: Side) { bits |= SideSet.bit(side) }
    public var isComplete: Bool { bits == 3 }
    static func bit(_ side: Side) -> UInt8 { side == .employee ? 1 : 2 }
}

/// One side's representatives (S1 arts 19–24).
public struct Delegation: Hashable, Sendable {
    public var chief: String
    public var members: [String]
    public var experts: [String]

    public var everyone: [String] { [chief] + members + experts }
    public var count: Int { 1 + members.count + experts.count }
}

/// A round of talks (S1 art 34).
public struct Round: Hashable, Sendable {
    public var on: Day
    public var chair: Side
    public var minutesSigned: Bool
    public var summary: String?
}

/// One sitting of the workers' congress and its vote (SPEC §5).
public struct CongressSession: Hashable, Sendable {
    public var on: Day
    public var body: String
    public var total: Int
    public var present: Int
    public var votesFor: Int
    public var against: Int
    public var abstain: Int
    public var managers: Int?
    public var recorder: String?
    public var outcome: CongressVote.Outcome
    /// The rule as applied, with the numbers ("present 44 ≥ ⌈2×65/3⌉ = 44 …").
    public var explanation: String
}

public struct Signature: Hashable, Sendable {
    public var side: Side
    public var name: String
    public var on: Day
}

public struct Filing: Hashable, Sendable {
    public var by: Actor
    public var on: Day
    public var copies: Int
    public var authority: String
}
