import ArgumentParser

extension Bargain {
    /// The process as data: check a district's workflow file, read it, draw it.
    struct WorkflowCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workflow",
            abstract: "Check, show and draw the negotiation workflows (steps, actions, roles, rules, deadlines).",
            subcommands: [Check.self, Show.self, Graph.self])
    }
}
