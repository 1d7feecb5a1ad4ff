import Bargaining

/// Where a negotiation stands on a date, for scripts: `bargain status --json` prints it and the
/// server's `GET /api/v1/negotiations/{id}` returns it, so a script reads one shape from either.
/// The shape is documented in ``shape`` (the command's help); change both together.
public struct StatusDocument: Codable, Sendable {
    public struct Step: Codable, Sendable {
        public var name: String
        public var title: String
        public var about: String
        public var terminal: Bool
    }

    public struct Parties: Codable, Sendable {
        public var employeeSide: String
        public var employerSide: String
    }

    public struct Enterprise: Codable, Sendable {
        public var creditCode: String
        public var name: String
        public var employees: Int?
    }

    public struct Lapse: Codable, Sendable {
        public var deadline: String
        public var on: String
    }

    public struct Deadline: Codable, Sendable {
        public var name: String
        public var title: String
        public var article: String
        public var due: String
        public var daysLeft: Int
        public var overdue: Bool
    }

    public struct Late: Codable, Sendable {
        public var action: String
        public var on: String
        public var deadline: String
        public var due: String
        public var days: Int
        public var article: String
    }

    public struct Rule: Codable, Sendable {
        public var rule: String
        public var summary: String
        public var article: String
    }

    public struct Next: Codable, Sendable {
        public var action: String
        public var title: String
        public var roles: [String]
        public var waitingFor: [String]
        public var rules: [Rule]
    }

    public var id: String
    public var title: String
    public var level: String
    public var workflow: WorkflowReference
    public var asOf: String
    public var version: Int
    public var lastDay: String
    public var step: Step
    public var parties: Parties
    public var enterprises: [Enterprise]
    public var district: String?
    public var street: String?
    public var renews: String?
    public var renewal: String?
    public var amends: String?
    public var amendment: String?
    public var effectiveOn: String?
    public var expiresOn: String?
    public var lapses: [Lapse]
    public var late: [Late]
    public var deadlines: [Deadline]
    public var next: [Next]
    /// Present when the negotiation's hash chain does not match its rows (see ``ChainBreak``).
    public var brokenChain: ChainBreak?

    /// `lastRecorded` is the day of the last recorded event up to the status's date.
    public init(_ status: NegotiationStatus, lastRecorded: Day) {
        let state = status.state, opening = state.opening
        id = opening.id
        title = opening.title
        level = opening.level.rawValue
        workflow = opening.workflow
        asOf = status.asOf.description
        version = status.recordedVersion
        lastDay = lastRecorded.description
        step = Step(name: status.step.name, title: status.step.title, about: status.step.about, terminal: status.step.terminal)
        parties = Parties(employeeSide: opening.employeeParty, employerSide: opening.employerParty)
        enterprises = opening.enterprises.map { Enterprise(creditCode: $0.creditCode.description, name: $0.name, employees: $0.employees) }
        district = opening.district
        street = opening.street
        renews = opening.renews
        renewal = state.renewal
        amends = opening.amends
        amendment = state.amendment
        effectiveOn = state.effectiveOn?.description
        expiresOn = state.expiresOn?.description
        lapses = status.lapses.compactMap { event in
            guard case .lapsed(let name, _) = event.body else { return nil }
            return Lapse(deadline: name, on: event.on.description)
        }
        late = state.lateActs.map {
            Late(action: $0.action.rawValue, on: $0.on.description, deadline: $0.lateness.deadline, due: $0.lateness.due.description,
                 days: $0.lateness.days, article: $0.lateness.article)
        }
        deadlines = status.deadlines.map {
            Deadline(name: $0.name, title: $0.title, article: $0.article, due: $0.due.description, daysLeft: $0.daysLeft, overdue: $0.overdue)
        }
        next = status.allowed.map { action in
            Next(action: action.kind.rawValue, title: action.kind.title, roles: action.roles.map(\.rawValue),
                 waitingFor: action.waitingFor.map(\.rawValue),
                 rules: action.rules.map { Rule(rule: $0.rawValue, summary: $0.summary, article: $0.article) })
        }
    }

    /// For the command's help.
    public static let shape = """
        With --json, prints one object: id, title, level, workflow {name, version, digest}, \
        asOf, version (events recorded), lastDay (of the last recorded event), step {name, title, about, terminal}, parties \
        {employeeSide, employerSide}, enterprises[] {creditCode, name, employees}, district, \
        street, renews, renewal, amends, amendment, effectiveOn, expiresOn (absent when not known), lapses[] \
        {deadline, on} (deadlines that passed since the last event and moved the negotiation \
        on by themselves), late[] {action, on, deadline, due, days, article} (acts done after \
        the time limit they ended had run out), deadlines[] {name, title, article, due, daysLeft, overdue} (soonest \
        first; daysLeft is negative when overdue), next[] {action, title, roles[], waitingFor[] \
        (for acts each side takes once: the sides still to act), rules[] {rule, summary, \
        article}}, and brokenChain {sequence, reason} only when the stored history does not \
        match its hash chain. Dates are YYYY-MM-DD.
        """
}

extension NegotiationStatus {
    /// The events recorded, without the lapses the status derived as of its date.
    public var recordedVersion: Int { state.version - lapses.count }
}
