import Bargaining
import Testing
import TestSupport

@Suite("Regional negotiations (SPEC §1)")
struct RegionalTests {
    let engine = Repository.engine(.regional)
    var script: SampleNegotiations.Script { SampleNegotiations.regional(workflow: engine.workflow.reference) }

    @Test("S5 art 22: a regional negotiation covers its five listed enterprises through to an agreement in force")
    func regionalRunsToInForce() throws {
        var drive = try Drive(script, engine: engine)
        try drive.run(script.acts)
        #expect(drive.stepName == "in-force")
        #expect(drive.state.opening.enterprises.count == 5)
    }

    @Test("S11 art 17 (attribution unverified): managers hold at most a fifth of a regional congress — 13 of 65 accepted, 14 refused")
    func managersShare() throws {
        var drive = try Drive(script, engine: engine)
        let approval = script.acts.last { $0.action.kind == .holdCongress }!
        try drive.run(script.acts.filter { $0.on < approval.on })
        var fourteen = approval.action
        fourteen.fields["managers"] = .integer(14)
        let violation = drive.refusal(fourteen, by: approval.actor, on: approval.on)
        #expect(violation?.rule == .managersShare)
        #expect(violation?.message.contains("managers hold 14 of 65 seats; at most 1/5 (13)") == true)
        #expect(drive.refusal(approval.action, by: approval.actor, on: approval.on) == nil)
    }
}
