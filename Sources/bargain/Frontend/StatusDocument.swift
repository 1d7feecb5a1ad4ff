import Bargaining

/// `bargain status --json`: where a negotiation stands on a date, for scripts. The shape is
/// documented in `Status`'s help; change both together.
struct StatusDocument: Encodable {
    struct Step: Encodable {
        var name: String
        var title: String
        var about: String
        var terminal: Bool
    }

    struct Parties: Encodable {
        var employeeSide: String
        var employerSide: String
    }

    struct Enterprise: Encodable {
        var creditCode: String
        var name: String
        var employees: Int?
    }

    struct Lapse: Encodable {
        var deadline: String
        var on: String
    }

    struct Deadline: Encodable {
        var name: String
        var title: String
        var article: String
        var due: String
        var daysLeft: Int
        var overdue: Bool
    }

    struct Late: Encodable {
        var action: String
        var on: String
        var deadline: String
        var due: String
        var days: Int
        var article: String
    }

    struct Rule: Encodable {
        var rule: String
        var summary: String
        var article: String
    }

    struct Next: Encodable {
        var action: String
        var title: String
        var roles: [String]
        var waitingFor: [String]
        var rules: [Rule]
    }

    var id: String
    var title: String
    var level: String
    var workflow: WorkflowReference
    var asOf: String
    var version: Int
    var lastDay: String
    var step: Step
    var parties: Parties
    var enterprises: [Enterprise]
    var district: String?
    var street: String?
    var renews: String?
    var renewal: String?
    var effectiveOn: String?
    var expiresOn: String?
    var lapses: [Lapse]
    var late: [Late]
    var deadlines: [Deadline]
    var next: [Next]

    /// `lastRecorded` is the day of the last recorded event up to the status's date.
    init(_ status: NegotiationStatus, lastRecorded: Day) {
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
    static let shape = """
        With --json, prints one object: id, title, level, workflow {name, version, digest}, \
        asOf, version (events recorded), lastDay (of the last recorded event), step {name, title, about, terminal}, parties \
        {employeeSide, employerSide}, enterprises[] {creditCode, name, employees}, district, \
        street, renews, renewal, effectiveOn, expiresOn (absent when not known), lapses[] \
        {deadline, on} (deadlines that passed since the last event and moved the negotiation \
        on by themselves), late[] {action, on, deadline, due, days, article} (acts done after \
        the time limit they ended had run out), deadlines[] {name, title, article, due, daysLeft, overdue} (soonest \
        first; daysLeft is negative when overdue), next[] {action, title, roles[], waitingFor[] \
        (for acts each side takes once: the sides still to act), rules[] {rule, summary, \
        article}}. Dates are YYYY-MM-DD.
        """
}

extension NegotiationStatus {
    /// The events recorded, without the lapses the status derived as of its date.
    var recordedVersion: Int { state.version - lapses.count }
}
