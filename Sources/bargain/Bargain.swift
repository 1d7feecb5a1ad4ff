import ArgumentParser

/// The union chair's tool. Configuration only: each subcommand lives in `Subcommands/`.
@main
struct Bargain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bargain",
        abstract: "Run collective wage negotiations (工资集体协商) step by step, within the law.",
        discussion: """
            Start with `bargain demo`: it runs a whole enterprise wage negotiation, from the \
            written notice to the agreement in force, and prints it as you would read it. Then \
            look at the process itself with `bargain workflow show enterprise`.

            A district that adapts the process edits a copy of the workflow files and checks it \
            with `bargain workflow check FILE`; `bargain workflow graph` draws it.

            \(ExitCodes.discussion)
            """,
        version: "0.1.0",
        subcommands: [Demo.self, WorkflowCommand.self])
}
