import ArgumentParser
import Bargaining

extension Bargain.WorkflowCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a workflow: its steps, who may act, the rules that judge each act, and the deadlines.",
            discussion: """
                Steps are listed in the order of the file. Under each: what it means, the actions \
                that may be taken from it, where each leads (with the deadlines it opens and \
                closes), the roles that may take it, and its guards: the rule, its parameters and \
                the article it comes from; then each action's fields: name, the form to write it \
                in, whether it is required, and what it is for (as `do --set` takes them). The \
                deadlines follow, with their length, article, and the step a negotiation moves \
                to by itself when one passes.

                With --json, prints one object: workflow, version, level, title, digest, file, \
                initial, and three arrays in file order. steps[]: name, title, about, terminal, \
                takesEffect, opens. actions[]: action, title, article, from[], to or outcomes \
                {outcome: step} (both absent when the action stays in its step), roles[], \
                eachSide, once, fields[] {name, type, form, required, help}, guards[] {rule, \
                article, summary, parameters}, opens[], closes[], \
                extends. deadlines[]: name, title, length {kind: calendar-days | working-days | \
                until | before | ladder, days, field, text}, article, lapse (the step it moves \
                to, absent when passing only makes it overdue).
                """)

        @Argument(help: ArgumentHelp("Which workflow: \(WorkflowSource.help).", valueName: "level-or-file"))
        var workflow: WorkflowSource

        @OptionGroup var workflows: WorkflowsOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let (workflow, file) = try workflow.load(workflows)
                let stdout = Terminal.standardOutput
                if output.json {
                    stdout.write(try JSONOutput.render(WorkflowDocument(workflow, file: file)))
                } else {
                    stdout.write(WorkflowSheet(workflow: workflow, file: file, terminal: stdout).render())
                }
            }
        }
    }
}
