import Bargaining
import BargainingFiles
import Testing
import TestSupport

@Suite("Loading workflow files")
struct WorkflowLoaderTests {
    static let shipped = ["enterprise", "industry", "regional"]

    @Test("every shipped workflow passes the checks", arguments: shipped)
    func shippedWorkflowsLoad(name: String) throws {
        let workflow = try WorkflowLoader.load(contentsOf: "\(Repository.workflowsPath)/\(name).yaml")
        #expect(workflow.name == name)
        #expect(workflow.digest.count == 64)
    }

    @Test("the shipped policy loads with the seed 004 targets")
    func policy() throws {
        let policy = Repository.directory.context.policy
        #expect(policy.signingTarget == 9000)
        #expect(policy.renewalTarget == 9000)
        #expect(policy.chamberTarget == 8500)
        #expect(policy.escalationLadder.map(\.rung) == ["interview", "reminder-letter", "rectification", "referral", "credit-listing"])
    }

    static let minimal = """
    workflow: tiny
    version: 1
    level: enterprise
    initial: a
    steps:
      - name: a
      - name: b
        terminal: true
    deadlines:
      - name: d
        within: 20 days
        article: S1 art 32
    actions:
      - action: send-notice
        from: a
        to: b
        roles: [employee-side]
        article: S1 art 32; S4 art 17
    """

    func error(_ yaml: String) -> DataFileError? {
        do { _ = try WorkflowLoader.load(yaml: yaml, file: "w.yaml"); return nil } catch { return error }
    }

    @Test("a minimal workflow loads")
    func minimalLoads() { #expect(error(Self.minimal) == nil) }

    @Test("refused with file, line and reason", arguments: [
        ("roles: [employee-side]", "roles: [employee-side, boss]", 17, "unknown role 'boss'"),
        ("    to: b", "    to: c", 16, "unknown step 'c'"),
        ("    within: 20 days", "    within: 20 weeks", 11, "bad deadline unit 'weeks'"),
        ("  - action: send-notice", "  - action: send-notise", 14, "unknown action 'send-notise'"),
        ("    roles: [employee-side]", "    roles: []", 17, "has no roles"),
        ("  - name: b", "  - name: a", 7, "duplicate step 'a'"),
        ("    article: S1 art 32; S4 art 17", "", 14, "needs the article it comes from"),
        ("    to: b", "    to: b\n    once: perhaps", 17, "once"),
    ])
    func refusals(original: String, replacement: String, line: Int, reason: String) {
        let broken = Self.minimal.replacingOccurrences(of: original, with: replacement)
        let failure = error(broken)
        #expect(failure?.file == "w.yaml")
        #expect(failure?.line == line)
        #expect(failure?.reason.contains(reason) == true, "\(String(describing: failure))")
    }

    @Test("an unknown rule is refused with its line")
    func unknownRule() {
        let failure = error(Self.minimal + "\n    guards: [quorum-of-friends]")
        #expect(failure?.reason.contains("unknown rule 'quorum-of-friends'") == true)
        #expect(failure?.line == 19)
    }

    @Test("a rule parameter of the wrong type or name is refused")
    func ruleParameters() {
        #expect(error(Self.minimal + "\n    guards: [{delegation-size: {min: three}}]")?.reason.contains("min must be a whole number") == true)
        #expect(error(Self.minimal + "\n    guards: [{delegation-size: {minimum: 3}}]")?.reason.contains("unknown key 'minimum'") == true)
        #expect(error(Self.minimal + "\n    guards: [{experts-share: {max: half}}]")?.reason.contains("fraction") == true)
    }

    @Test("an unreachable step is refused")
    func unreachable() {
        let yaml = Self.minimal.replacingOccurrences(of: "    terminal: true", with: "    terminal: true\n  - name: island\n    terminal: true")
        #expect(error(yaml)?.reason.contains("step 'island' cannot be reached") == true)
    }

    @Test("a step with no way out that is not terminal is refused")
    func deadEnd() {
        let yaml = Self.minimal.replacingOccurrences(of: "    terminal: true\n", with: "\n")
        #expect(error(yaml)?.reason.contains("step 'b' has no way out and is not terminal") == true)
    }

    @Test("a duplicate action is refused")
    func duplicateAction() {
        let yaml = Self.minimal + "\n  - action: send-notice\n    from: a\n    to: b\n    roles: [employer-side]"
        #expect(error(yaml)?.reason.contains("duplicate action 'send-notice'") == true)
    }

    @Test("outcomes must be decided by exactly one classifying rule and map all its outcomes")
    func outcomes() {
        let yaml = Self.minimal.replacingOccurrences(of: "    to: b", with: "    outcomes: {approved: b}\n    guards: [{congress-vote: {attendance: 2/3, approval: more-than-half-of-all}}]")
        #expect(error(yaml)?.reason.contains("map each of them") == true)
    }
}

@Suite("Reading action fields from a YAML file")
struct ActionFileLoaderTests {
    @Test("fields parse like --set, lists as YAML sequences or comma text")
    func parses() throws {
        let yaml = "adjustment-rate: 5.5%\nlowest-wage: 2800\npay-day: 10\nexpires-on: 2026-04-30\nother-items: [高温津贴, 夜班补贴]\n"
        let fields = try ActionFileLoader.load(yaml: yaml, file: "d.yaml", for: .agreeDraft)
        #expect(fields.rate("adjustment-rate") == 550)
        #expect(fields.money("lowest-wage") == 280_000)
        #expect(fields.list("other-items") == ["高温津贴", "夜班补贴"])
    }

    @Test("a mistyped value or unknown field is refused with its line")
    func refuses() {
        #expect(throws: DataFileError(file: "d.yaml", line: 2, reason: "pay-day must be a whole number, not 'tenth'")) {
            try ActionFileLoader.load(yaml: "lowest-wage: 2800\npay-day: tenth\n", file: "d.yaml", for: .agreeDraft)
        }
        #expect(throws: DataFileError.self) { try ActionFileLoader.load(yaml: "colour: red\n", file: "d.yaml", for: .agreeDraft) }
    }
}

@Suite("Pinned workflows")
struct PinnedWorkflowTests {
    @Test("a negotiation's engine is found by its pinned reference; a changed digest is refused")
    func pinned() throws {
        let reference = Repository.engine().workflow.reference
        #expect(try Repository.directory.engine(for: reference).workflow.digest == reference.digest)
        var changed = reference
        changed.digest = String(repeating: "0", count: 64)
        #expect(throws: PinnedWorkflowError.self) { try Repository.directory.engine(for: changed) }
    }
}
