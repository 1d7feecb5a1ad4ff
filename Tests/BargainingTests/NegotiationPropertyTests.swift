import Bargaining
import PropertyBased
import Testing
import TestSupport

/// Random walks through the enterprise, industry and regional workflows (`NegotiationWalk`):
/// whatever the walk, the law's invariants hold, a refusal changes nothing, deciding in place
/// agrees with deciding by value, and folding the events gives the state the decisions gave.
@Suite("Properties of every negotiation, on all three workflows")
struct NegotiationPropertyTests {
    static func walk(_ choices: [Int], _ level: Level) -> NegotiationWalk {
        let engine = Repository.engine(level)
        return NegotiationWalk(choices, script: NegotiationWalk.script(level, engine: engine), engine: engine)
    }

    @Test("a refusal changes nothing, in place equals by value, fold(events) equals the state; no contract takes effect without both chiefs' signatures, an approval that met quorum, the filing and a closed review",
          arguments: Level.allCases)
    func invariantsHoldOnRandomWalks(level: Level) async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...9_999).array(of: 50...900)) { choices in
            let walk = Self.walk(choices, level)
            #expect(walk.problems == [], "\(level)")
            let folded = try walk.engine.fold(walk.events)
            #expect(folded == walk.state)
            #expect(try walk.engine.fold(walk.events) == folded, "folding is deterministic")
            guard let effective = walk.state.effectiveOn else { return }
            Self.checkEffective(walk.state, effective: effective, engine: walk.engine)
        }
    }

    @Test("random walks reach an agreement in force and see refusals often enough to exercise the invariants",
          arguments: Level.allCases)
    func walksReachEffect(level: Level) {
        var effective = 0, refusals = 0
        var steps: [String: Int] = [:]
        var generator = SplitMix(seed: 2026)
        for _ in 0..<200 {
            let choices = (0..<900).map { _ in Int(generator.next() % 10_000) }
            let walk = Self.walk(choices, level)
            if walk.state.effectiveOn != nil { effective += 1 }
            refusals += walk.refusals
            steps[walk.engine.workflow.steps[walk.state.step].name, default: 0] += 1
        }
        #expect(effective >= 20, "\(level): only \(effective) of 200 walks took effect; final steps: \(steps)")
        #expect(refusals >= 200, "\(level): only \(refusals) refusals in 200 walks")
    }

    /// S1 arts 34, 36, 37, 42, 47: signed by both chiefs, approved by a congress that met quorum
    /// (2/3 present) with more than half of all in favour, filed by the side the workflow names,
    /// and the review closed by no objection or by silence.
    static func checkEffective(_ state: NegotiationState, effective: Day, engine: Engine) {
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
}
