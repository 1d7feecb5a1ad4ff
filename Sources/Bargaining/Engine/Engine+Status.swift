/// Where a negotiation stands on a date: its step, what may happen next and who may do it, and
/// its running deadlines with the days left.
public struct NegotiationStatus: Sendable {
    public var asOf: Day
    public var state: NegotiationState
    public var step: Workflow.Step
    /// Deadlines that passed and moved the negotiation on by themselves, not yet recorded.
    public var lapses: [Event]
    public var allowed: [AllowedAction]
    public var deadlines: [DeadlineStatus]

    public var overdue: [DeadlineStatus] { deadlines.filter(\.overdue) }
}

/// An action allowed now, with who may take it and the rules that will judge it.
public struct AllowedAction: Sendable, Hashable {
    public var kind: ActionKind
    public var roles: [Role]
    /// For actions each side takes once: the sides still to act.
    public var waitingFor: [Side]
    public var rules: [RuleID]
}

public struct DeadlineStatus: Sendable, Hashable {
    public var name: String
    public var title: String
    public var article: String
    public var due: Day
    /// Negative when overdue.
    public var daysLeft: Int
    public var overdue: Bool { daysLeft < 0 }
}

extension Engine {
    /// The negotiation as of `day`, which must not be before its last event (use
    /// ``status(of:asOf:)`` to look back in time).
    public func status(_ state: NegotiationState, asOf day: Day) -> Result<NegotiationStatus, RuleViolation> {
        guard day >= state.lastDay else {
            return .failure(RuleViolation(.dateBeforeLastEvent, "\(day) is before the last recorded event (\(state.lastDay))"))
        }
        var state = state
        var lapses: [Event] = []
        do { try advance(&state, to: day, recording: &lapses) } catch {
            return .failure(RuleViolation(.calendar, error.description))
        }
        let deadlines = state.deadlines.sorted { $0.due < $1.due }.map { open in
            let definition = workflow.deadline(named: open.name)
            return DeadlineStatus(name: open.name, title: definition?.title ?? open.name, article: definition?.article ?? "",
                                  due: open.due, daysLeft: day.days(until: open.due))
        }
        return .success(NegotiationStatus(asOf: day, state: state, step: workflow.steps[state.step], lapses: lapses,
                                          allowed: allowedActions(in: state), deadlines: deadlines))
    }

    /// The negotiation as it stood on `day`, from its full history: events after `day` are ignored.
    public func status(of events: [Event], asOf day: Day) -> Result<NegotiationStatus, RuleViolation> {
        let past = events.filter { $0.on <= day }
        guard !past.isEmpty else { return .failure(RuleViolation(.dateBeforeLastEvent, "the negotiation had not been opened on \(day)")) }
        do { return status(try fold(past), asOf: day) } catch {
            return .failure(RuleViolation(.fields, error.description))
        }
    }

    public func allowedActions(in state: NegotiationState) -> [AllowedAction] {
        workflow.actions(from: state.step).map { definition in
            let done = state.sidesDone(definition.kind)
            return AllowedAction(kind: definition.kind, roles: Self.roles(definition, in: state),
                                 waitingFor: definition.eachSide ? Side.allCases.filter { !done.contains($0) } : [],
                                 rules: definition.guards.map(\.rule))
        }
    }

    /// Who may take `definition` now: its roles, less a side the state already rules out, so a
    /// status (and a server's forms) never offers an act the engine would refuse for who takes it.
    /// The reply belongs to the side that received the notice (S1 art 32); an act each side takes
    /// once is no longer the business of a side that took it.
    static func roles(_ definition: Workflow.ActionDefinition, in state: NegotiationState) -> [Role] {
        var roles = definition.roles
        if definition.guards.contains(where: { $0.rule == .replyingSide }), let from = state.noticeFrom {
            roles.removeAll { $0.side == from }
        }
        if definition.eachSide {
            let done = state.sidesDone(definition.kind)
            roles.removeAll { $0.side.map(done.contains) ?? false }
        }
        return roles
    }
}
