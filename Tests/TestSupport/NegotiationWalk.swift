import Bargaining

/// A random walk through a workflow of any level, for property tests: a list of choices picks the
/// next action among those allowed now, who takes it (sometimes the wrong person), its fields
/// (sometimes off the rules) and how many days pass. Every act is decided in place, as the
/// service does, and checked as it goes: a refusal must leave the state and the events exactly as
/// they were, and an accepted act must give the state the value-taking `decide` gives.
public struct NegotiationWalk {
    public let engine: Engine
    public private(set) var state: NegotiationState
    public private(set) var events: [Event]
    /// Each accepted decision: its events, the version it was decided against, the state after.
    public private(set) var decisions: [(events: [Event], expectedVersion: Int, state: NegotiationState)] = []
    public private(set) var refusals = 0
    /// What broke a law of the engine on the way (empty when the walk is sound).
    public private(set) var problems: [String] = []
    public let openingEvents: [Event]

    /// The walk from `script`'s opening, on `engine`, driven by `choices`.
    public init(_ choices: [Int], script: SampleNegotiations.Script, engine: Engine) {
        self.engine = engine
        guard case .success(let opened) = engine.open(script.opening, by: script.openedBy, on: script.openedOn) else {
            preconditionFailure("the sample opening is refused")
        }
        state = opened.state
        events = opened.events
        openingEvents = opened.events
        var day = script.openedOn
        var index = 0
        func next() -> Int { defer { index += 1 }; return index < choices.count ? choices[index] : 0 }
        while index < choices.count {
            // Ending a negotiation is possible from most steps; keep it rare so walks get far.
            let ending = next() % 40 == 0
            let allowed = engine.allowedActions(in: state).filter { ending || ($0.kind != .withdraw && $0.kind != .terminate) }
            guard !allowed.isEmpty else { break }
            let choice = allowed[next() % allowed.count]
            let role = choice.roles[next() % choice.roles.count]
            let actor = Actor(role, Self.name(for: role, state: state, wrong: next() % 10 == 0))
            day = day.adding(days: next() % 12)
            let action = Action(choice.kind, Self.fields(for: choice.kind, by: role, state: state, on: day, variation: next(),
                                                          script: script, engine: engine))
            if !step(action, by: actor, on: day) { break }
        }
    }

    /// Decides one act in place and checks it against the value-taking `decide`; false when the
    /// calendar ends the walk.
    private mutating func step(_ action: Action, by actor: Actor, on day: Day) -> Bool {
        let before = state, recorded = events.count, version = state.version
        let byValue = engine.decide(state, action, by: actor, on: day)
        switch engine.decide(&state, action, by: actor, on: day, appendingTo: &events) {
        case .success:
            let added = Array(events[recorded...])
            if case .success(let decision) = byValue {
                if decision.state != state { problems.append("\(action.kind.rawValue) on \(day): in place and by value give different states") }
                if decision.events != added { problems.append("\(action.kind.rawValue) on \(day): in place and by value give different events") }
            } else {
                problems.append("\(action.kind.rawValue) on \(day): accepted in place, refused by value")
            }
            decisions.append((added, version, state))
            return true
        case .failure(let violation):
            refusals += 1
            if state != before || events.count != recorded { problems.append("refused \(action.kind.rawValue) on \(day) changed the state or the events") }
            if case .success = byValue { problems.append("\(action.kind.rawValue) on \(day): refused in place, accepted by value") }
            return violation.code != .calendar
        }
    }

    static func name(for role: Role, state: NegotiationState, wrong: Bool) -> String {
        guard let side = role.side, !wrong else { return wrong ? "张三" : role.rawValue }
        return state.delegations[side]?.chief ?? (side == .employee ? "王芳" : "李强")
    }

    /// Plausible fields, sometimes bent: a variation picks boundary values the rules must catch.
    static func fields(for kind: ActionKind, by role: Role, state: NegotiationState, on day: Day, variation: Int,
                       script: SampleNegotiations.Script, engine: Engine) -> Fields {
        let sample = script.acts.first { $0.action.kind == kind && $0.actor.role == role }
            ?? script.acts.first { $0.action.kind == kind }
        var fields = sample?.action.fields ?? Fields()
        switch kind {
        case .refuse, .withdraw, .applyCoordination: fields["reason"] = .text("理由")
        case .terminate: fields = ["ground": .text(variation % 2 == 0 ? "merger" : "bankruptcy"), "reason": .text("理由")]
        case .employeesRequest: fields = ["asking": .integer(variation % 100), "employees": .integer(412)]
        case .escalate:
            let ladder = engine.context.policy.escalationLadder
            fields["rung"] = .text(ladder[min(state.escalations.count + variation % 2, ladder.count - 1)].rung)
        case .reportVacancy, .fillVacancy:
            fields["name"] = .text(state.vacancies.first ?? state.delegations[.employee]?.members.first ?? "张伟")
            fields["replacement"] = .text("替补\(variation % 7)")
        case .acceptCoordination: fields["coordinators"] = .list(["人社局"])
        case .extendCoordination: fields["days"] = .integer(variation % 20)
        case .concludeCoordination: fields["agreement"] = .text("协调协议")
        case .object: fields["opinion"] = .text("意见")
        case .suspend:
            fields = ["resume-on": .day(day.adding(days: variation % 15)), "place": .text("会议室"), "content": .text("议题")]
        case .prepare: fields["first-meeting-on"] = .day(day.adding(days: 3 + variation % 10))
        case .holdRound: fields["chair"] = .side(variation % 2 == 0 ? .employee : .employer)
        case .agreeDraft:
            fields["starts-on"] = .day(day.adding(days: 20))
            fields["expires-on"] = .day(day.adding(days: 20).adding(years: 1 + variation % 3).adding(days: -1))
        case .conveneCongress:
            fields["session-on"] = .day(day.adding(days: 5 + variation % 5))
            fields["items-delivered-on"] = .day(day)
        case .holdCongress:
            let total = 30 + variation % 50
            let present = total * (50 + variation % 51) / 100
            let votesFor = present * (variation % 101) / 100
            fields = ["total": .integer(total), "present": .integer(present), "for": .integer(votesFor),
                      "against": .integer(present - votesFor), "abstain": .integer(0)]
            if engine.workflow.level != .enterprise { fields["managers"] = .integer(total * (variation % 30) / 100) }
        case .file: fields["copies"] = .integer(2 + variation % 2)
        default: break
        }
        return fields
    }

    /// The sample each level's walks start from: the enterprise and regional samples, and the
    /// regional one as an industry negotiation (the industry workflow has the same acts).
    public static func script(_ level: Level, engine: Engine) -> SampleNegotiations.Script {
        switch level {
        case .enterprise: return SampleNegotiations.enterprise(workflow: engine.workflow.reference)
        case .regional: return SampleNegotiations.regional(workflow: engine.workflow.reference)
        case .industry:
            var script = SampleNegotiations.regional(id: "IND-2025-001", workflow: engine.workflow.reference)
            script.opening.level = .industry
            script.opening.title = "经开区餐饮行业2025年度工资集体协商"
            script.opening.employeeParty = "经开区餐饮行业工会联合会"
            script.opening.employerParty = "经开区餐饮行业协会"
            script.opening.street = nil
            return script
        }
    }
}

/// A tiny deterministic generator, for walks that need no shrinking.
public struct SplitMix {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
