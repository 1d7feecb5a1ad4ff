import Bargaining
import PropertyBased
import Testing

/// Random walks through the enterprise workflow: each run is a list of choices that pick the next
/// action among those allowed, who takes it (sometimes the wrong person), its fields (sometimes
/// off the rules) and how many days pass. Whatever the walk, the law's invariants hold.
@Suite("Properties of every negotiation")
struct NegotiationPropertyTests {
    static let engine = Scenario.engine

    @Test("no negotiation takes effect without both chiefs' signatures, an approval that met quorum, the employer's filing and a closed review; folding is deterministic")
    func invariantsHoldOnRandomWalks() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...9_999).array(of: 50...900)) { choices in
            let (state, events) = Self.walk(choices)
            let folded = try Self.engine.fold(events)
            #expect(folded == state)
            #expect(try Self.engine.fold(events) == folded)
            guard let effective = state.effectiveOn else { return }
            Self.checkEffective(state, effective: effective)
        }
    }

    @Test("random walks reach an agreement in force often enough to exercise the invariant")
    func walksReachEffect() {
        var effective = 0
        var steps: [String: Int] = [:]
        var generator = SplitMix(seed: 2026)
        for _ in 0..<200 {
            let choices = (0..<900).map { _ in Int(generator.next() % 10_000) }
            let state = Self.walk(choices).state
            if state.effectiveOn != nil { effective += 1 }
            steps[Self.engine.workflow.steps[state.step].name, default: 0] += 1
        }
        #expect(effective >= 20, "only \(effective) of 200 walks took effect; final steps: \(steps)")
    }

    static func checkEffective(_ state: NegotiationState, effective: Day) {
        for side in Side.allCases {
            let chief = state.delegations[side]?.chief
            #expect(state.signatures.contains { $0.side == side && $0.name == chief && $0.on <= effective })
        }
        let approvals = state.congressSessions.filter { $0.outcome == .approved }
        #expect(!approvals.isEmpty)
        for session in approvals {
            #expect(session.present * 3 >= session.total * 2)
            #expect(session.votesFor * 2 > session.total)
        }
        let filingRoles = engine.workflow.action(.file)!.roles
        #expect(!state.filings.isEmpty && state.filings.allSatisfy { filingRoles.contains($0.by.role) })
        #expect(state.noObjectionOn != nil || state.reviewLapsedOn != nil)
    }

    /// Interprets the choices as a walk from the sample's opening.
    static func walk(_ choices: [Int]) -> (state: NegotiationState, events: [Event]) {
        let script = Scenario.script
        guard case .success(let opened) = engine.open(script.opening, by: script.openedBy, on: script.openedOn) else {
            preconditionFailure("the sample opening is refused")
        }
        var state = opened.state
        var events = opened.events
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
            let actor = Actor(role, name(for: role, state: state, wrong: next() % 10 == 0))
            day = day.adding(days: next() % 12)
            let action = Action(choice.kind, fields(for: choice.kind, by: role, state: state, on: day, variation: next()))
            switch engine.decide(state, action, by: actor, on: day) {
            case .success(let decision):
                state = decision.state
                events += decision.events
            case .failure(let violation) where violation.code == .calendar:
                return (state, events)
            case .failure:
                continue
            }
        }
        return (state, events)
    }

    static func name(for role: Role, state: NegotiationState, wrong: Bool) -> String {
        guard let side = role.side, !wrong else { return wrong ? "张三" : role.rawValue }
        return state.delegations[side]?.chief ?? (side == .employee ? "王芳" : "李强")
    }

    /// Plausible fields, sometimes bent: a variation picks boundary values the rules must catch.
    static func fields(for kind: ActionKind, by role: Role, state: NegotiationState, on day: Day, variation: Int) -> Fields {
        let sample = Scenario.script.acts.first { $0.action.kind == kind && $0.actor.role == role }
            ?? Scenario.script.acts.first { $0.action.kind == kind }
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
        case .file: fields["copies"] = .integer(2 + variation % 2)
        default: break
        }
        return fields
    }
}

/// A tiny deterministic generator for the coverage check of the walks.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

