import Bargaining
import Testing
import TestSupport

/// Acts done after the time limit they end: taken where the law takes them, and marked late
/// with the days and the article; refused where the workflow says so (issue 14 item 2).
@Suite("Late acts are recorded as late")
struct LatenessTests {
    /// The sample negotiation signed by both sides, with its filing deadline.
    static func signed() throws -> (Drive, Day) {
        let drive = try Scenario.before(.file)
        let due = try #require(drive.state.deadlines.first { $0.name == "filing" }?.due)
        return (drive, due)
    }

    @Test("S1 art 42: a filing one day after the 10-day window is taken and marked 1 day late, with the article")
    func lateFilingMarked() throws {
        var (drive, due) = try Self.signed()
        let decision = try drive.perform(Scenario.act(.file).action, by: Scenario.employer, on: due.adding(days: 1))
        let late = try #require(decision.events.last?.late?.first)
        #expect(late.deadline == "filing")
        #expect(late.due == due)
        #expect(late.days == 1)
        #expect(late.article == "S1 art 42 [policy: Beijing 10 days]")
        #expect(late.description == "late: 1 day after 报送期限 (file with the labour administration) ended on \(due) (S1 art 42 [policy: Beijing 10 days])")
        #expect(decision.warnings.contains(late.description), "the chair is told at once")
        #expect(drive.stepName == "review", "the law does not void a late filing")
        #expect(drive.state.lateActs == [LateAct(action: .file, on: due.adding(days: 1), lateness: late)])
        #expect(try drive.engine.fold(drive.events).lateActs == drive.state.lateActs, "the fold keeps it")
    }

    @Test("S1 art 42: a filing on the last day of the window is on time")
    func filingOnLastDayNotLate() throws {
        var (drive, due) = try Self.signed()
        let decision = try drive.perform(Scenario.act(.file).action, by: Scenario.employer, on: due)
        #expect(decision.events.last?.late == nil)
        #expect(drive.state.lateActs.isEmpty)
    }

    @Test("S1 art 42: where the workflow refuses late filings (late: refused), a late filing is refused with the days")
    func lateFilingRefusedWhereWorkflowSays() throws {
        let text = try String(contentsOfFile: Repository.workflowsPath + "/enterprise.yaml", encoding: .utf8)
        let strict = text.replacing("    article: \"S1 art 42 [policy: Beijing 10 days]\"\n",
                                    with: "    article: \"S1 art 42 [policy: Beijing 10 days]\"\n    late: refused\n", maxReplacements: 1)
        #expect(strict != text, "the shipped filing deadline changed; update the test")
        let workflow = try WorkflowLoader.load(yaml: strict, file: "strict.yaml")
        let engine = Engine(workflow: workflow, context: Repository.directory.context)
        var drive = try Drive(SampleNegotiations.enterprise(workflow: workflow.reference), engine: engine)
        try drive.run(SampleNegotiations.enterprise(workflow: workflow.reference).acts, until: .file)
        let due = try #require(drive.state.deadlines.first { $0.name == "filing" }?.due)
        let violation = drive.refusal(Scenario.act(.file).action, by: Scenario.employer, on: due.adding(days: 2))
        #expect(violation?.code == .late)
        #expect(violation?.article == "S1 art 42 [policy: Beijing 10 days]")
        #expect(violation?.message == "file on \(due.adding(days: 2)) is 2 days after 报送期限 (file with the labour administration) ended on \(due); this workflow does not take it late")
        #expect(drive.refusal(Scenario.act(.file).action, by: Scenario.employer, on: due) == nil)
    }

    @Test("S1 art 52: coordination that has run out cannot be extended")
    func noExtensionAfterTheEnd() throws {
        var drive = try Scenario.before(.agreeDraft)
        try drive.perform(Action(.applyCoordination, ["reason": .text("调整幅度分歧")]), by: Scenario.union, on: Scenario.day("2025-04-08"))
        try drive.perform(Action(.acceptCoordination, ["coordinators": .list(["人社局"])]), by: Scenario.labour, on: Scenario.day("2025-04-10"))
        let violation = drive.refusal(Action(.extendCoordination, ["days": .integer(15)]), by: Scenario.labour, on: Scenario.day("2025-05-13"))
        #expect(violation?.message == "协调处理期限 (coordination to finish) ended on 2025-05-12; a time limit that has run out cannot be extended")
    }

    @Test("S1 art 52: a coordination agreement after the 30 days is taken, marked late")
    func lateCoordinationMarked() throws {
        var drive = try Scenario.before(.agreeDraft)
        try drive.perform(Action(.applyCoordination, ["reason": .text("调整幅度分歧")]), by: Scenario.union, on: Scenario.day("2025-04-08"))
        try drive.perform(Action(.acceptCoordination, ["coordinators": .list(["人社局"])]), by: Scenario.labour, on: Scenario.day("2025-04-10"))
        let decision = try drive.perform(Action(.concludeCoordination, ["agreement": .text("调增4.5%")]), by: Actor(.coordinator, "人社局"), on: Scenario.day("2025-05-15"))
        #expect(decision.events.last?.late?.map(\.days) == [3])
        #expect(decision.events.last?.late?.first?.article == "S1 art 52")
    }
}
