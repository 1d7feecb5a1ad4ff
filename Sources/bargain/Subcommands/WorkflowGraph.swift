import ArgumentParser
import Bargaining

extension Bargain.WorkflowCommand {
    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "graph",
            abstract: "Draw a workflow as a state diagram (Mermaid or Graphviz dot).",
            discussion: """
                States are the steps; arrows are the actions between them, labelled with the \
                action names (an action a rule decides, such as hold-congress, has one arrow per \
                outcome). An action that stays in its step loops back to it. Deadlines that move \
                the negotiation on by themselves when they pass are dashed in dot and marked ⏱ in \
                Mermaid, which cannot dash state transitions.

                Examples:
                  bargain workflow graph enterprise --format dot | dot -Tsvg > enterprise.svg
                  bargain workflow graph regional --format mermaid > regional.mmd
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case mermaid, dot
        }

        @Argument(help: ArgumentHelp("Which workflow: \(WorkflowSource.help).", valueName: "level-or-file"))
        var workflow: WorkflowSource

        @Option(help: "mermaid (stateDiagram-v2, renders in Markdown on GitHub and GitLab) or dot (Graphviz).")
        var format: Format = .mermaid

        @OptionGroup var workflows: WorkflowsOptions

        func run() throws {
            try reportingFailures {
                let diagram = WorkflowDiagram(try workflow.load(workflows).workflow)
                Terminal.standardOutput.write(format == .mermaid ? diagram.mermaid() : diagram.dot())
            }
        }
    }
}
