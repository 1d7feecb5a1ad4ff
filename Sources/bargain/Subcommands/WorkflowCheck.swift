import ArgumentParser
import Bargaining

extension Bargain.WorkflowCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check workflow files before a district puts them in place.",
            discussion: """
                Reads workflow files only: files whose top key is `workflow`, such as \
                workflows/enterprise.yaml or an adapted copy. Policy, calendar and minimum-wage \
                files are checked when a command loads the workflows directory.

                A file passes when every step is reachable and has a way out (or is terminal), \
                every action names known roles and steps, every guard is a rule of the catalogue \
                with valid parameters, and every deadline has a valid length.

                Prints `ok  FILE  (name vN, level, S steps, A actions, digest …)` on standard \
                output for each file that passes, and `FILE:LINE: reason` on standard error for \
                each that does not. Exit status 0 when every file passes, 1 when any does not.
                """)

        @Argument(help: "The workflow files to check, e.g. workflows/*.yaml.", completion: .file(extensions: ["yaml", "yml"]))
        var files: [String]

        func run() throws {
            let stdout = Terminal.standardOutput, stderr = Terminal.standardError
            var passed = TextTable()
            var failed = 0
            for file in files {
                do throws(DataFileError) {
                    let workflow = try WorkflowLoader.load(contentsOf: file)
                    passed.add(TextTable.Cell("ok", .green), TextTable.Cell(file),
                               TextTable.Cell("(\(workflow.name) v\(workflow.version), \(workflow.level.rawValue), \(workflow.steps.count) steps, \(workflow.actions.count) actions, digest \(workflow.digest.prefix(12)))", .dim))
                } catch {
                    stderr.line(stderr.paint(error.description, .red))
                    failed += 1
                }
            }
            stdout.write(passed.render(for: stdout))
            if failed > 0 { throw ExitCodes.refused }
        }
    }
}
