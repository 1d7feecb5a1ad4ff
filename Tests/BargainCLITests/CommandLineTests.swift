@testable import bargain
import ArgumentParser
import Bargaining
import BargainingService
import BargainingStore
import Testing

@Suite("Parsing and help")
struct CommandLineTests {
    @Test("workflow graph parses its level and format")
    func parsesGraph() throws {
        let command = try Bargain.parseAsRoot(["workflow", "graph", "regional", "--format", "dot", "--workflows", "/srv/w"])
        let graph = try #require(command as? Bargain.WorkflowCommand.Graph)
        #expect(graph.format == .dot)
        #expect(graph.workflows.workflows == "/srv/w")
        guard case .level(.regional) = graph.workflow else { Issue.record("expected the regional level"); return }
    }

    @Test("workflow show takes a file path as well as a level")
    func parsesShowFile() throws {
        let command = try Bargain.parseAsRoot(["workflow", "show", "district/enterprise.yaml", "--json"])
        let show = try #require(command as? Bargain.WorkflowCommand.Show)
        #expect(show.output.json)
        guard case .file("district/enterprise.yaml") = show.workflow else { Issue.record("expected a file"); return }
    }

    @Test("the root help tells a chair where to start and lists every exit status")
    func rootHelp() {
        let help = Bargain.helpMessage(columns: 100)
        #expect(help.contains("Start with `bargain demo`"))
        for code in ["0 ", "1 ", "64 ", "65 ", "66 ", "69 ", "70 ", "75 ", "130 "] {
            #expect(help.contains("\n  \(code)"), "exit status \(code) is documented")
        }
        for command in ["demo", "open", "status", "next", "do", "list", "log", "verify", "workflow"] {
            #expect(help.contains("\n  \(command) "), "\(command) is listed")
        }
        #expect(help.contains("BARGAIN_STORE"))
        #expect(help.contains("--generate-completion-script"))
    }

    @Test("the store commands parse their options")
    func parsesStoreCommands() throws {
        let act = try #require(try Bargain.parseAsRoot(["do", "ENT-1", "agree-draft", "--set", "pay-day=10", "--file", "d.yaml",
                                                         "--as", "employee-side:王芳", "--on", "2025-04-08", "--store", "/srv/b.sqlite"])
                               as? Bargain.Do)
        #expect(act.action == "agree-draft" && act.file == "d.yaml" && act.store.store == "/srv/b.sqlite")
        #expect(act.act.actor == Actor(.employeeSide, "王芳") && act.act.day == Day("2025-04-08"))
        let list = try #require(try Bargain.parseAsRoot(["list", "--level", "regional", "--overdue", "--due-within", "7", "--as-of", "2025-05-01", "--json"])
                                as? Bargain.List)
        #expect(list.level == .regional && list.overdue && list.dueWithin == 7 && list.asOf.asOf == Day("2025-05-01") && list.output.json)
        let open = try #require(try Bargain.parseAsRoot(["open", "regional", "--union", "总工会", "--employer", "企业联合会",
                                                          "--enterprise", "91110302MA01C8XK75:北京亦庄精密制造有限公司:412",
                                                          "--enterprise", "91110302MA01D2QW32:云帆:48"]) as? Bargain.Open)
        #expect(open.enterprise.map(\.employees) == [412, 48])
        #expect(open.enterprise[0].name == "北京亦庄精密制造有限公司")
    }

    @Test("a covered enterprise is CODE:NAME[:EMPLOYEES]; a name may hold a colon")
    func enterpriseOption() throws {
        let plain = try Bargain.Open.enterprise("91110302MA01C8XK75:北京亦庄精密制造有限公司")
        #expect(plain.employees == nil && plain.name == "北京亦庄精密制造有限公司")
        let colon = try Bargain.Open.enterprise("91110302MA01C8XK75:公司:二厂:12")
        #expect(colon.name == "公司:二厂" && colon.employees == 12)
        #expect(throws: ValidationError.self) { try Bargain.Open.enterprise("91110302MA01C8XK75") }
    }

    @Test("generated ids: level, year, six characters that are hard to misread")
    func ids() {
        let id = NegotiationID.make(.regional, year: 2026)
        #expect(id.wholeMatch(of: /REG-2026-[2-9A-HJKMNP-Z]{6}/) != nil)
        #expect(NegotiationID.isValid(id) && !NegotiationID.isValid("a b") && !NegotiationID.isValid(""))
    }

    @Test("the documented usage exit status is ArgumentParser's")
    func usageStatus() {
        #expect(ExitCodes.usage.rawValue == 64)
        #expect(Bargain.exitCode(for: ValidationError("x")) == ExitCodes.usage)
    }

    @Test("library errors map to their documented status")
    func errorStatuses() {
        #expect(explain(RuleViolation(.congressVote, "41 of 65")).1 == ExitCodes.refused)
        #expect(explain(DataFileError(file: "w.yaml", line: 3, reason: "x")).1 == ExitCodes.dataError)
        #expect(explain(CommandFailure("x", exitCode: ExitCodes.conflict)).1 == ExitCodes.conflict)
        #expect(explain(StoreError.notFound(id: "x")).1 == ExitCodes.notFound)
    }

    @Test("shell completion scripts are generated from the parser", arguments: ["bash", "zsh", "fish"])
    func completion(_ shell: String) throws {
        let result = try BargainBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for command in ["status", "next", "do", "list"] { #expect(result.stdout.contains(command)) }
        #expect(result.stdout.contains("send-notice"), "action names complete")
    }
}
