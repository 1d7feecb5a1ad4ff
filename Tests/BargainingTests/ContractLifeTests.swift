import Bargaining
import Foundation
import Testing
import TestSupport

@Suite("Effect, termination and local caps (SPEC §2, §3 steps 10–14)")
struct ContractLifeTests {
    @Test("S1 art 47 [policy]: a no-objection before the agreement's stated start makes it effective on that start")
    func laterStatedStart() throws {
        var drive = try Scenario.before(.agreeDraft)
        let draft = Scenario.fields(.agreeDraft, ["starts-on": .day(Scenario.day("2025-07-01")), "expires-on": .day(Scenario.day("2026-06-30"))])
        try drive.perform(draft, by: Scenario.union, on: Scenario.day("2025-04-08"))
        for act in Scenario.script.acts.drop(while: { $0.action.kind != .signDraft }) where act.action.kind != .publish {
            try drive.perform(act.action, by: act.actor, on: act.on)
        }
        try drive.perform(Action(.noObjection), by: Scenario.labour, on: Scenario.day("2025-05-12"))
        #expect(drive.stepName == "effective")
        #expect(drive.state.effectiveOn == Scenario.day("2025-07-01"))
    }

    @Test("S1 arts 39–41: an agreement in force can be terminated; its expiry no longer runs")
    func termination() throws {
        var drive = try Drive(Scenario.script, engine: Scenario.engine)
        try drive.run(Scenario.script.acts)
        try drive.perform(Action(.terminate, ["ground": .text("merger"), "reason": .text("企业合并")]), by: Scenario.employer, on: Scenario.day("2025-10-15"))
        #expect(drive.stepName == "terminated")
        #expect(drive.state.terminatedOn == Scenario.day("2025-10-15"))
        #expect(drive.state.deadlines.isEmpty)
        let later = try drive.engine.status(drive.state, asOf: Scenario.day("2026-06-01")).get()
        #expect(later.step.name == "terminated")
        #expect(later.allowed.isEmpty)
    }

    @Test("S1 art 19: each side names exactly one chief representative")
    func oneChief() throws {
        let drive = try Scenario.before(.appointRepresentatives)
        let violation = drive.refusal(Action(.appointRepresentatives, ["members": .list(["王芳", "张伟", "刘洋"])]), by: Scenario.union, on: Scenario.day("2025-03-12"))
        #expect(violation?.code == .fields)
        #expect(violation?.message.contains("needs a field not given: chief (") == true)
    }

    @Test("S1 art 19 [policy]: a district that caps a side at 10 gets 11 refused")
    func capOfTen() throws {
        let text = try String(contentsOfFile: Repository.workflowsPath + "/enterprise.yaml", encoding: .utf8)
            .replacingOccurrences(of: "delegation-size: {min: 3}", with: "delegation-size: {min: 3, max: 10}")
        let engine = Engine(workflow: try WorkflowLoader.load(yaml: text, file: "capped.yaml"), context: Repository.directory.context)
        var script = Scenario.script
        script.opening.workflow = engine.workflow.reference
        var drive = try Drive(script, engine: engine)
        try drive.run(script.acts, until: .appointRepresentatives)
        let members = (1...10).map { "代表\($0)" }
        let violation = drive.refusal(Action(.appointRepresentatives, ["chief": .text("王芳"), "members": .list(members)]), by: Scenario.union, on: Scenario.day("2025-03-12"))
        #expect(violation?.rule == .delegationSize)
        #expect(violation?.message.contains("names 11 representatives; this workflow allows at most 10") == true)
        #expect(drive.refusal(Action(.appointRepresentatives, ["chief": .text("王芳"), "members": .list(Array(members.prefix(9)))]), by: Scenario.union, on: Scenario.day("2025-03-12")) == nil)
    }
}
