@testable import bargain
import ArgumentParser
import Bargaining
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
        for code in ["0 ", "1 ", "64 ", "65 ", "69 ", "70 ", "75 ", "130 "] {
            #expect(help.contains("\n  \(code)"), "exit status \(code) is documented")
        }
        #expect(help.contains("demo") && help.contains("workflow"))
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
    }
}
