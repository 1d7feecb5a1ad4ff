/// A negotiation process as data: its steps, the actions between them, who may act, the
/// deadlines acts open and close, and the guards (named rules with parameters).
///
/// Loaded from YAML by ``WorkflowLoader``, checked once, then read-only. Steps are addressed by
/// index so the engine's hot path never hashes strings.
public struct Workflow: Sendable {
    public var name: String
    public var version: Int
    public var level: Level
    public var title: String
    /// SHA-256 of the file's bytes (hex): a negotiation records it
    /// when it opens, so a later edit of the file is noticed, never silently applied.
    public var digest: String
    public var steps: [Step]
    public var initialStep: Int
    public var actions: [ActionDefinition]
    public var deadlines: [String: DeadlineDefinition]

    let stepIndexByName: [String: Int]
    /// The deadlines in a list: a workflow has about ten, and the names the engine asks for are
    /// the workflow's own strings, so a scan finds them by identity before any hashing would.
    let deadlineList: [DeadlineDefinition]
    /// Index into `actions` by ``ActionKind/ordinal``, -1 where the workflow lacks the action.
    let actionIndexByKind: [Int]

    public init(name: String, version: Int, level: Level, title: String, digest: String, steps: [Step],
                initialStep: Int, actions: [ActionDefinition], deadlines: [String: DeadlineDefinition]) {
        self.name = name
        self.version = version
        self.level = level
        self.title = title
        self.digest = digest
        self.steps = steps
        self.initialStep = initialStep
        self.actions = actions
        self.deadlines = deadlines
        self.deadlineList = deadlines.values.sorted { $0.line < $1.line }
        self.stepIndexByName = Dictionary(steps.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var index = [Int](repeating: -1, count: ActionKind.allCases.count)
        for (position, action) in actions.enumerated() where index[action.kind.ordinal] < 0 { index[action.kind.ordinal] = position }
        self.actionIndexByKind = index
    }

    public var reference: WorkflowReference { WorkflowReference(name: name, version: version, digest: digest) }

    public func stepIndex(named name: String) -> Int? { stepIndexByName[name] }
    public func deadline(named name: String) -> DeadlineDefinition? { deadlineList.first { $0.name == name } }

    /// The step a deadline's lapse leads to, or nil when it does not lapse (or is unknown).
    /// Reads the one field: ``deadline(named:)`` copies the whole definition with its strings,
    /// and the engine asks this for every open deadline on every act.
    func lapseStep(ofDeadline name: String) -> Int? {
        deadlineList.firstIndex { $0.name == name }.flatMap { deadlineList[$0].lapse }
    }

    /// How long a deadline runs, or nil for an unknown name; like ``lapseStep(ofDeadline:)``,
    /// without copying the definition.
    func length(ofDeadline name: String) -> DeadlineLength? {
        deadlineList.firstIndex { $0.name == name }.map { deadlineList[$0].length }
    }
    public func action(_ kind: ActionKind) -> ActionDefinition? {
        let index = actionIndexByKind[kind.ordinal]
        return index < 0 ? nil : actions[index]
    }

    /// The actions that may be taken from a step, in file order.
    public func actions(from step: Int) -> [ActionDefinition] { actions.filter { $0.allowed(at: step) } }
}

/// Which workflow, at which version and content, a negotiation runs. Pinned at opening.
public struct WorkflowReference: Hashable, Codable, Sendable, CustomStringConvertible {
    public var name: String
    public var version: Int
    public var digest: String

    public init(name: String, version: Int, digest: String) {
        self.name = name
        self.version = version
        self.digest = digest
    }

    public var description: String { "\(name) v\(version) (\(digest))" }
}

extension Workflow {
    public struct Step: Sendable, Hashable {
        public var name: String
        public var title: String
        public var about: String
        /// The negotiation ends here; no action leads out.
        public var terminal: Bool
        /// Entering this step makes the contract take effect (S1 art 47): on the day of entry or the
        /// later start date the agreement states.
        public var takesEffect: Bool
        /// Deadlines that start when the negotiation enters this step.
        public var opens: [String]
        public var line: Int
    }

    /// Where an action leads.
    public enum Target: Sendable, Hashable {
        /// The action records something but the step does not change (a round of talks, a vacancy).
        case stay
        case step(Int)
        /// A classifying rule decides the outcome (a congress vote), and each outcome has its step.
        case outcomes([String: Int])
    }

    public struct Guard: Sendable, Hashable {
        public var rule: RuleID
        public var parameters: [String: RuleParameter] {
            didSet { byName = Guard.sortedByName(parameters) }
        }
        /// The same parameters sorted by name. A guard has one to three, and the rules read them
        /// on every act: a scan of short names is cheaper than hashing the name for the
        /// dictionary each time.
        private var byName: [Parameter]

        struct Parameter: Hashable, Sendable {
            var name: String
            var value: RuleParameter
        }

        public init(_ rule: RuleID, _ parameters: [String: RuleParameter] = [:]) {
            self.rule = rule
            self.parameters = parameters
            self.byName = Guard.sortedByName(parameters)
        }

        private static func sortedByName(_ parameters: [String: RuleParameter]) -> [Parameter] {
            parameters.map { Parameter(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
        }

        func parameter(_ name: String) -> RuleParameter? {
            for parameter in byName where parameter.name == name { return parameter.value }
            return nil
        }

        func integer(_ name: String) -> Int? { if case .integer(let v)? = parameter(name) { v } else { nil } }
        func fraction(_ name: String) -> Fraction? { if case .fraction(let v)? = parameter(name) { v } else { nil } }
        func text(_ name: String) -> String? { if case .text(let v)? = parameter(name) { v } else { nil } }
        func list(_ name: String) -> [String]? { if case .list(let v)? = parameter(name) { v } else { nil } }
    }

    /// Immutable once loaded, and a class so that looking one up on every act shares it instead
    /// of copying its sets and lists.
    public final class ActionDefinition: Sendable {
        public let kind: ActionKind
        /// Where the act and who takes it come from: every refusal of it cites this, including
        /// "not at this step" and "not by this role" (a union filing cites S1 art 42).
        public let article: String
        public let from: Set<Int>
        public let target: Target
        public let roles: [Role]
        /// Each negotiating side takes the action once (both chiefs sign); the step changes when
        /// both have.
        public let eachSide: Bool
        /// The act may be taken only once each time the negotiation is in one of its steps
        /// (coordination is accepted once, S1 art 52: a second acceptance would restart the 30 days).
        public let once: Bool
        public let guards: [Guard]
        public let opens: [String]
        public let closes: [String]
        /// A deadline this action prolongs by its `days` field (coordination extension).
        public let extends: String?
        public let line: Int
        /// `from` as bits for steps 0–63, so the check made on every act and every replayed event
        /// is a shift instead of hashing the step into a set.
        let fromBits: UInt64

        public init(kind: ActionKind, article: String, from: Set<Int>, target: Target, roles: [Role], eachSide: Bool, once: Bool = false,
                    guards: [Guard], opens: [String], closes: [String], extends: String?, line: Int) {
            self.kind = kind
            self.article = article
            self.from = from
            self.target = target
            self.roles = roles
            self.eachSide = eachSide
            self.once = once
            self.guards = guards
            self.opens = opens
            self.closes = closes
            self.extends = extends
            self.line = line
            self.fromBits = from.reduce(0) { bits, step in (0..<64).contains(step) ? bits | 1 << UInt64(step) : bits }
        }

        /// Whether the action may be taken at `step` (``from`` contains it).
        @inline(__always)
        func allowed(at step: Int) -> Bool {
            (0..<64).contains(step) ? fromBits & 1 << UInt64(step) != 0 : from.contains(step)
        }
    }

    public enum DeadlineLength: Sendable, Hashable {
        /// N calendar days from the day after the act; a last day on a rest day moves to the next
        /// working day (Civil Code art 203).
        case calendarDays(Int)
        /// N working days (工作日), skipping weekends and holidays, counting adjusted working weekends.
        case workingDays(Int)
        /// The date recorded in a field (the agreed resumption date, the expiry date).
        case until(field: String)
        /// N days before the date recorded in a field (information before the first meeting).
        case before(field: String, days: Int)
        /// The time the policy's escalation ladder gives the rung just taken.
        case escalationRung
    }

    public struct DeadlineDefinition: Sendable, Hashable {
        public var name: String
        public var title: String
        public var length: DeadlineLength
        public var article: String
        /// When the deadline passes while still open, the negotiation moves here by itself
        /// (reply overdue → escalation; review silence → effective; expiry → expired).
        public var lapse: Int?
        /// An act that ends the deadline after it ran out is refused (`late: refused`) instead of
        /// being recorded as late (the default: the law does not void a late filing).
        public var refusesLate: Bool = false
        public var line: Int
    }
}
