/// Everything known about a negotiation at one point: the fold of its events.
///
/// Plain values only, so the state can be compared, copied and tested without I/O. The engine
/// derives anything time-dependent (what is overdue on a date) from it together with the date.
///
/// The facts live in one copy-on-write box: deciding copies a state and changes a few facts, and
/// copying one reference instead of twenty collections is what keeps a decision under a
/// microsecond (see the engine benchmark).
public struct NegotiationState: Equatable, Sendable {
    /// Index of the current step in the pinned workflow.
    public internal(set) var step: Int
    /// The sequence number of the last event: the expected version for the next append.
    public internal(set) var version: Int
    public internal(set) var lastDay: Day
    /// Sides that took each each-side action in this step: two bits per action kind.
    var sidesDoneBits: UInt64 = 0
    /// Actions taken since the negotiation entered this step: one bit per action kind, for the
    /// acts the workflow allows only once there (`once: true`).
    var takenBits: UInt64 = 0
    public internal(set) var coordinationExtensions: Int = 0
    public internal(set) var noObjectionOn: Day?
    /// The day the review window closed in silence, if it did (S1 art 47).
    public internal(set) var reviewLapsedOn: Day?
    var storage: Storage

    init(opening: Opening, step: Int, on day: Day) {
        self.storage = Storage(opening: opening)
        self.step = step
        self.version = 1
        self.lastDay = day
    }

    mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }
    /// What the negotiation is: parties, enterprises, pinned workflow.
    public internal(set) var opening: Opening {
        get { storage.opening }
        _modify { yield &uniqueStorage().opening }
    }
    /// Running time limits with their due dates.
    public internal(set) var deadlines: [OpenDeadline] {
        get { storage.deadlines }
        _modify { yield &uniqueStorage().deadlines }
    }
    /// The side that sent the written notice (S1 art 32).
    public internal(set) var noticeFrom: Side? {
        get { storage.noticeFrom }
        _modify { yield &uniqueStorage().noticeFrom }
    }
    /// Each side's representatives (S1 arts 19–24).
    public internal(set) var delegations: Delegations {
        get { storage.delegations }
        _modify { yield &uniqueStorage().delegations }
    }
    /// Representatives who left and are not yet replaced (S1 art 31).
    public internal(set) var vacancies: [String] {
        get { storage.vacancies }
        _modify { yield &uniqueStorage().vacancies }
    }
    /// The day each of ``vacancies`` was reported, in the same order: each seat's own 15 days
    /// run from it (see `Engine.vacancyClock`).
    public internal(set) var vacanciesReportedOn: [Day] {
        get { storage.vacanciesReportedOn }
        _modify { yield &uniqueStorage().vacanciesReportedOn }
    }
    /// The neutral recorder (S1 art 33).
    public internal(set) var recorder: String? {
        get { storage.recorder }
        _modify { yield &uniqueStorage().recorder }
    }
    /// Information one side asked for (S4 art 18).
    public internal(set) var informationRequested: [String] {
        get { storage.informationRequested }
        _modify { yield &uniqueStorage().informationRequested }
    }
    /// Information supplied, with dates.
    public internal(set) var informationSupplied: [SuppliedInformation] {
        get { storage.informationSupplied }
        _modify { yield &uniqueStorage().informationSupplied }
    }
    /// Rounds of talks held.
    public internal(set) var rounds: [Round] {
        get { storage.rounds }
        _modify { yield &uniqueStorage().rounds }
    }
    /// Rungs of the escalation ladder taken (S5 arts 21, 55).
    public internal(set) var escalations: [String] {
        get { storage.escalations }
        _modify { yield &uniqueStorage().escalations }
    }
    /// The agreed draft's terms (agree-draft fields).
    public internal(set) var draft: Fields? {
        get { storage.draft }
        _modify { yield &uniqueStorage().draft }
    }
    /// Every congress sitting on the draft, with its vote.
    public internal(set) var congressSessions: [CongressSession] {
        get { storage.congressSessions }
        _modify { yield &uniqueStorage().congressSessions }
    }
    /// The body the convened session is of (职工代表大会 or 职工大会).
    public internal(set) var congressBody: String? {
        get { storage.congressBody }
        _modify { yield &uniqueStorage().congressBody }
    }
    /// Signatures of the agreement (S1 art 37).
    public internal(set) var signatures: [Signature] {
        get { storage.signatures }
        _modify { yield &uniqueStorage().signatures }
    }
    /// Filings with the labour administration (S1 art 42).
    public internal(set) var filings: [Filing] {
        get { storage.filings }
        _modify { yield &uniqueStorage().filings }
    }
    /// Review opinions served (S1 art 45).
    public internal(set) var objections: [String] {
        get { storage.objections }
        _modify { yield &uniqueStorage().objections }
    }
    /// Every date an event recorded, by field name: first-meeting-on, resume-on, expires-on, starts-on, effective-on… Deadlines anchored on a date field read it here.
    public internal(set) var dates: SmallMap<Day> {
        get { storage.dates }
        _modify { yield &uniqueStorage().dates }
    }
    /// The renewal negotiation's id, once asked for (S1 art 38).
    public internal(set) var renewal: String? {
        get { storage.renewal }
        _modify { yield &uniqueStorage().renewal }
    }
    /// The amendment negotiation's id, once proposed (S1 arts 39, 41).
    public internal(set) var amendment: String? {
        get { storage.amendment }
        _modify { yield &uniqueStorage().amendment }
    }
    /// The employees' written request for negotiation, if one was recorded (S4 art 17).
    public internal(set) var employeesRequest: EmployeesRequest? {
        get { storage.employeesRequest }
        _modify { yield &uniqueStorage().employeesRequest }
    }
    /// Acts done after the time limit they ended had run out (a filing after the 10 days).
    public internal(set) var lateActs: [LateAct] {
        get { storage.lateActs }
        _modify { yield &uniqueStorage().lateActs }
    }
    /// Why the negotiation or agreement ended early.
    public internal(set) var endReason: String? {
        get { storage.endReason }
        _modify { yield &uniqueStorage().endReason }
    }
    public var id: String { opening.id }
    public var effectiveOn: Day? { dates["effective-on"] }
    public var expiresOn: Day? { dates["expires-on"] }
    /// The day the agreement was terminated early (S1 arts 39–41), if it was.
    public var terminatedOn: Day? { dates["terminated-on"] }

    /// One side's delegation. The rules ask on most acts; reading it straight from the storage
    /// copies one delegation, where `delegations[side]` copies both first.
    func delegation(of side: Side) -> Delegation? {
        side == .employee ? storage.delegations.employee : storage.delegations.employer
    }

    /// The sides that have taken an each-side action at the current step.
    public func sidesDone(_ kind: ActionKind) -> SideSet { SideSet(bits: UInt8(truncatingIfNeeded: sidesDoneBits >> kind.bitOffset) & 3) }

    /// Whether `kind` was taken since the negotiation entered the current step.
    public func taken(_ kind: ActionKind) -> Bool { takenBits & 1 << UInt64(kind.ordinal) != 0 }

    mutating func markDone(_ kind: ActionKind, by side: Side) {
        sidesDoneBits |= UInt64(SideSet.bit(side)) << kind.bitOffset
    }

    final class Storage: @unchecked Sendable, Equatable {
        @exclusivity(unchecked) var opening: Opening
        @exclusivity(unchecked) var deadlines: [OpenDeadline] = []
        @exclusivity(unchecked) var noticeFrom: Side? = nil
        @exclusivity(unchecked) var delegations: Delegations = Delegations()
        @exclusivity(unchecked) var vacancies: [String] = []
        @exclusivity(unchecked) var vacanciesReportedOn: [Day] = []
        @exclusivity(unchecked) var recorder: String? = nil
        @exclusivity(unchecked) var informationRequested: [String] = []
        @exclusivity(unchecked) var informationSupplied: [SuppliedInformation] = []
        @exclusivity(unchecked) var rounds: [Round] = []
        @exclusivity(unchecked) var escalations: [String] = []
        @exclusivity(unchecked) var draft: Fields? = nil
        @exclusivity(unchecked) var congressSessions: [CongressSession] = []
        @exclusivity(unchecked) var congressBody: String? = nil
        @exclusivity(unchecked) var signatures: [Signature] = []
        @exclusivity(unchecked) var filings: [Filing] = []
        @exclusivity(unchecked) var objections: [String] = []
        @exclusivity(unchecked) var dates = SmallMap<Day>()
        @exclusivity(unchecked) var renewal: String? = nil
        @exclusivity(unchecked) var amendment: String? = nil
        @exclusivity(unchecked) var endReason: String? = nil
        @exclusivity(unchecked) var lateActs: [LateAct] = []
        @exclusivity(unchecked) var employeesRequest: EmployeesRequest? = nil

        init(opening: Opening) { self.opening = opening }

        func copy() -> Storage {
            let copy = Storage(opening: opening)
            copy.deadlines = deadlines
            copy.noticeFrom = noticeFrom
            copy.delegations = delegations
            copy.vacancies = vacancies
            copy.vacanciesReportedOn = vacanciesReportedOn
            copy.recorder = recorder
            copy.informationRequested = informationRequested
            copy.informationSupplied = informationSupplied
            copy.rounds = rounds
            copy.escalations = escalations
            copy.draft = draft
            copy.congressSessions = congressSessions
            copy.congressBody = congressBody
            copy.signatures = signatures
            copy.filings = filings
            copy.objections = objections
            copy.dates = dates
            copy.renewal = renewal
            copy.amendment = amendment
            copy.endReason = endReason
            copy.lateActs = lateActs
            copy.employeesRequest = employeesRequest
            return copy
        }

        static func == (lhs: Storage, rhs: Storage) -> Bool {
            lhs === rhs || (lhs.opening == rhs.opening
                && lhs.deadlines == rhs.deadlines
                && lhs.noticeFrom == rhs.noticeFrom
                && lhs.delegations == rhs.delegations
                && lhs.vacancies == rhs.vacancies
                && lhs.vacanciesReportedOn == rhs.vacanciesReportedOn
                && lhs.recorder == rhs.recorder
                && lhs.informationRequested == rhs.informationRequested
                && lhs.informationSupplied == rhs.informationSupplied
                && lhs.rounds == rhs.rounds
                && lhs.escalations == rhs.escalations
                && lhs.draft == rhs.draft
                && lhs.congressSessions == rhs.congressSessions
                && lhs.congressBody == rhs.congressBody
                && lhs.signatures == rhs.signatures
                && lhs.filings == rhs.filings
                && lhs.objections == rhs.objections
                && lhs.dates == rhs.dates
                && lhs.renewal == rhs.renewal
                && lhs.amendment == rhs.amendment
                && lhs.endReason == rhs.endReason
                && lhs.lateActs == rhs.lateActs
                && lhs.employeesRequest == rhs.employeesRequest)
        }
    }
}

extension Array {
    /// Appends `element`, first making room for `room` elements if the array has none. Rounds,
    /// congress sittings and signatures come several to a negotiation: growing from one element
    /// to two would reallocate, in every decision and again in every fold.
    mutating func append(_ element: Element, makingRoom room: Int) {
        if capacity == 0 { reserveCapacity(room) }
        append(element)
    }
}

/// A set of the two sides, as two bits.
public struct SideSet: Hashable, Sendable {
    var bits: UInt8 = 0
    public init() {}
    init(bits: UInt8) { self.bits = bits }
    public func contains(_ side: Side) -> Bool { bits & SideSet.bit(side) != 0 }
    public mutating func insert(_ side: Side) { bits |= SideSet.bit(side) }
    public var isComplete: Bool { bits == 3 }
    static func bit(_ side: Side) -> UInt8 { side == .employee ? 1 : 2 }
}

extension ActionKind {
    /// Where this kind's two bits sit in ``NegotiationState``'s each-side progress.
    var bitOffset: UInt64 { UInt64(ordinal) * 2 }
}

/// The two delegations, one per side: two slots, not a hashed dictionary.
public struct Delegations: Hashable, Sendable {
    var employee: Delegation?
    var employer: Delegation?

    public subscript(side: Side) -> Delegation? {
        get { side == .employee ? employee : employer }
        set { if side == .employee { employee = newValue } else { employer = newValue } }
    }

    /// The appointed delegations with their sides, employee side first.
    public var all: [(Side, Delegation)] {
        [(Side.employee, employee), (Side.employer, employer)].compactMap { side, delegation in delegation.map { (side, $0) } }
    }
}

/// One side's representatives (S1 arts 19–24).
public struct Delegation: Hashable, Sendable {
    public var chief: String
    public var members: [String]
    public var experts: [String]

    public var everyone: [String] {
        // One buffer, not the three that `[chief] + members + experts` builds.
        var names: [String] = []
        names.reserveCapacity(count)
        names.append(chief)
        names.append(contentsOf: members)
        names.append(contentsOf: experts)
        return names
    }
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

/// Information supplied to the other side, and when (S4 art 18).
public struct SuppliedInformation: Hashable, Sendable {
    public var items: [String]
    public var on: Day
}

public struct Filing: Hashable, Sendable {
    public var by: Actor
    public var on: Day
    public var copies: Int
    public var authority: String
}
