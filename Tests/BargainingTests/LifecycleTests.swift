import Bargaining
import Testing
import TestSupport

@Suite("A whole enterprise negotiation")
struct LifecycleTests {
    let script = SampleNegotiations.enterprise(workflow: Repository.engine().workflow.reference)

    @Test("the sample negotiation runs from notice to an agreement in force")
    func sampleRunsToInForce() throws {
        var drive = try Drive(script)
        try drive.run(script.acts)
        #expect(drive.stepName == "in-force")
        #expect(drive.state.congressSessions.map(\.outcome) == [.quorumMissed, .approved])
        #expect(drive.state.signatures.count == 2)
        // S1 art 47: review silence for 15 days; filed 2025-05-09, window ends Sat 05-24 → Mon 05-26.
        #expect(drive.state.reviewLapsedOn == Fixtures.day("2025-05-27"))
        #expect(drive.state.effectiveOn == Fixtures.day("2025-05-27"))
        #expect(drive.state.expiresOn == Fixtures.day("2026-04-30"))
    }

    @Test("folding the recorded events gives the same state as deciding them")
    func foldMatchesDecide() throws {
        var drive = try Drive(script)
        try drive.run(script.acts)
        let folded = try drive.engine.fold(drive.events)
        #expect(folded == drive.state)
    }

    @Test("S1 art 38: the agreement expires by itself the day after its last day")
    func expiryLapses() throws {
        var drive = try Drive(script)
        try drive.run(script.acts)
        let status = try drive.engine.status(drive.state, asOf: Fixtures.day("2026-05-01")).get()
        #expect(status.step.name == "expired")
        #expect(status.lapses.count == 1)
        let before = try drive.engine.status(drive.state, asOf: Fixtures.day("2026-04-30")).get()
        #expect(before.step.name == "in-force")
        #expect(before.deadlines.first { $0.name == "expiry" }?.daysLeft == 0)
    }
}
