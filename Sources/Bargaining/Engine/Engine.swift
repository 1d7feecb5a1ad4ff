/// The law of one workflow, applied: decides acts, folds events, answers "what now" as of a date.
///
/// Pure: no clock, no storage, no terminal. The same inputs always give the same events, which is
/// what lets every store, the CLI and the benchmarks share it. Immutable; a class only so that the
/// many small contexts a decision builds share it by one reference.
///
/// ## Topics
/// - ``open(_:by:on:)`` starts a negotiation.
/// - ``decide(_:_:by:on:)`` judges one act and returns its events, or a ``RuleViolation``.
/// - ``fold(_:)`` rebuilds the state from events.
/// - ``status(_:asOf:)`` says where a negotiation stands on a date.
public final class Engine: Sendable {
    public let workflow: Workflow
    public let context: EngineContext

    public init(workflow: Workflow, context: EngineContext) {
        self.workflow = workflow
        self.context = context
    }

    /// Opens a negotiation under this workflow, pinned to its name, version and digest.
    public func open(_ opening: Opening, by actor: Actor, on day: Day) -> Result<Decision, RuleViolation> {
        var opening = opening
        opening.workflow = workflow.reference
        if let violation = check(opening, by: actor) { return .failure(violation) }
        var state = NegotiationState(opening: opening, step: workflow.initialStep, on: day)
        let opened: [OpenDeadline]
        do { opened = try deadlines(workflow.steps[workflow.initialStep].opens, on: day, state: state, fields: Fields()) } catch {
            return .failure(RuleViolation(.calendar, error.description))
        }
        let event = Event(sequence: 1, on: day, actor: actor, body: .opened(opening), opened: opened)
        // What `fold([event])` gives (the opening pinned to this very workflow, its deadlines
        // running), without building a second state.
        state.deadlines = opened
        return .success(Decision(events: [event], state: state, warnings: [], explanation: nil, opens: nil))
    }

    /// C0 and C1 control characters and DEL: nothing a name, title or place may contain.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// SPEC §1: who may open, and what a negotiation of this level must cover.
    func check(_ opening: Opening, by actor: Actor) -> RuleViolation? {
        let article = "S1 art 32; S2 arts 51, 53; S5 art 22"
        guard [.employeeSide, .employerSide, .upperUnion].contains(actor.role) else {
            return RuleViolation(.opening, article: article, "a negotiation is opened by one of the parties or the upper-level union (S2 art 51), not by \(actor.role.rawValue)")
        }
        guard opening.level == workflow.level else {
            return RuleViolation(.opening, article: article, "workflow \(workflow.name) is for \(workflow.level.rawValue) negotiations, not \(opening.level.rawValue)")
        }
        // "Nothing left after trimming", asked without building the trimmed copy: a name's first
        // character is not whitespace, so the scan stops there.
        if opening.employeeParty.allSatisfy(\.isWhitespace) || opening.employerParty.allSatisfy(\.isWhitespace) {
            return RuleViolation(.opening, article: article, "name both parties: the union side and the employer side")
        }
        if opening.id.isEmpty { return RuleViolation(.opening, "a negotiation needs an id") }
        let names = [("the title", opening.title), ("the union side", opening.employeeParty), ("the employer side", opening.employerParty),
                     ("the district", opening.district ?? ""), ("the street", opening.street ?? ""), ("the id", opening.id)]
            + opening.enterprises.map { ("enterprise \($0.creditCode)'s name", $0.name) }
        if let (what, name) = names.first(where: { $0.1.unicodeScalars.contains(where: Self.isControl) }) {
            // A NUL truncates a name in SQLite and is refused by PostgreSQL; escapes would
            // rewrite the terminal of whoever lists the negotiation.
            return RuleViolation(.opening, "\(what) contains a control character (\(name.debugDescription)); names are printable text")
        }
        switch opening.level {
        case .enterprise where opening.enterprises.count != 1:
            return RuleViolation(.opening, article: article, "an enterprise negotiation covers exactly one enterprise; \(opening.enterprises.count) given")
        case .industry, .regional:
            if opening.enterprises.isEmpty {
                return RuleViolation(.opening, article: article, "an \(opening.level.rawValue) negotiation lists the enterprises it covers, by credit code; none given")
            }
        default:
            break
        }
        if opening.enterprises.count > 1 {
            var seen = Set<CreditCode>()
            for enterprise in opening.enterprises where !seen.insert(enterprise.creditCode).inserted {
                return RuleViolation(.opening, article: article, "enterprise \(enterprise.creditCode) is listed twice")
            }
        }
        if let negative = opening.enterprises.first(where: { ($0.employees ?? 0) < 0 }) {
            return RuleViolation(.opening, article: article, "enterprise \(negative.creditCode) has a negative number of employees")
        }
        return nil
    }
}

/// One act to judge: which action, with which fields.
public struct Action: Hashable, Sendable {
    public var kind: ActionKind
    public var fields: Fields

    public init(_ kind: ActionKind, _ fields: Fields = Fields()) {
        self.kind = kind
        self.fields = fields
    }
}

/// What an accepted act produced, as data for the caller to carry out (in the spirit of
/// swift-nio's state machines: the transition says what must happen, one executor does it):
/// the events to append (deadline lapses first, then the act), the resulting state, the
/// negotiation the act opens beside this one, and what the chair should be told.
public struct Decision: Sendable {
    public var events: [Event]
    public var state: NegotiationState
    public var warnings: [String]
    /// How a classifying rule decided (the congress vote with its numbers).
    public var explanation: String?
    /// The negotiation this act opens, linked to this one (the renewal, S1 art 38). The caller
    /// records it in the same transaction as ``events``, or records neither.
    public var opens: LinkedOpening?

    /// What an act produced, without the resulting state (see the in-place `decide`).
    public struct Effects: Sendable {
        public var events: [Event]
        public var warnings: [String]
        public var explanation: String?
        public var opens: LinkedOpening?
    }

    /// What the chair should be told about an accepted act, and what it opens, for the `decide`
    /// that appends its events to the caller's array.
    public struct Remarks: Sendable {
        public var warnings: [String]
        public var explanation: String?
        public var opens: LinkedOpening?
    }
}

/// A negotiation opened by an act on another one: its opening events and its state.
public struct LinkedOpening: Sendable {
    public var events: [Event]
    public var state: NegotiationState
}
