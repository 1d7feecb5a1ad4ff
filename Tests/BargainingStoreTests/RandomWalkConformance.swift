import Bargaining
import BargainingStore
import Testing
import TestSupport

/// Random walks of all three workflows (`NegotiationWalk`), recorded as the service records them:
/// the opening, then each decision against the version it was decided on. Every stored stream
/// loads back as decided, folds to the walk's state and verifies.
enum RandomWalkConformance {
    static let all: [StoreConformance.Check] = [
        .init(name: "random walks of all three workflows load back as decided and verify", run: walksVerify),
    ]

    static func walksVerify(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            var generator = SplitMix(seed: 11)
            var recorded = 0
            for level in Level.allCases {
                let engine = Repository.engine(level)
                for walkNumber in 0..<8 {
                    var script = NegotiationWalk.script(level, engine: engine)
                    script.opening.id = "\(level.rawValue.uppercased())-WALK-\(walkNumber)"
                    let choices = (0..<600).map { _ in Int(generator.next() % 10_000) }
                    let walk = NegotiationWalk(choices, script: script, engine: engine)
                    #expect(walk.problems == [])
                    try await store.create(walk.openingEvents, summary: NegotiationSummary(try engine.fold(walk.openingEvents), engine: engine))
                    for decision in walk.decisions {
                        try await store.append(decision.events, to: script.opening.id, expectedVersion: decision.expectedVersion,
                                               summary: NegotiationSummary(decision.state, engine: engine))
                    }
                    let stored = try await store.load(script.opening.id).map(\.event)
                    #expect(stored == walk.events, "\(script.opening.id)")
                    #expect(try engine.fold(stored) == walk.state, "\(script.opening.id)")
                    recorded += walk.events.count
                }
            }
            let report = try await store.verify(nil)
            #expect(report.mismatches.isEmpty, "\(report.mismatches)")
            #expect(report.negotiationsChecked == 3 * 8)
            #expect(report.eventsChecked == recorded)
        }
    }
}
