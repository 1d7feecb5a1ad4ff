import ArgumentParser
import Bargaining
import BargainingFiles

extension Bargain.WorkflowCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check workflow files before a district puts them in place.",
            discussion: """
                Reads any file of a workflows directory, told apart by its top keys: workflows \
                (`workflow:`, such as workflows/enterprise.yaml or an adapted copy), the policy \
                (`policy:`), the holiday calendar (`years:`), the minimum wage (`region:` and \
                `entries:`) and the wage guideline (`region:` and `years:`).

                A workflow passes when every step is reachable and has a way out (or is terminal), \
                every action names known roles, steps and its article, every guard is a rule of \
                the catalogue with valid parameters, and every deadline has a valid length. A \
                minimum wage or guideline file passes when every figure is an amount, a \
                percentage or `unknown`, with its source, and nothing unknown is marked verified.

                Prints `ok  FILE  (what it holds)` on standard \
                output for each file that passes, and `FILE:LINE: reason` on standard error for \
                each that does not. Exit status 0 when every file passes, 1 when any does not.
                """)

        @Argument(help: "The files to check, e.g. workflows/*.yaml workflows/*/*.yaml.", completion: .file(extensions: ["yaml", "yml"]))
        var files: [String]

        func run() throws {
            let stdout = Terminal.standardOutput, stderr = Terminal.standardError
            var passed = TextTable()
            var failed = 0
            for file in files {
                do throws(DataFileError) {
                    let summary = try DataFileCheck.check(file)
                    passed.add(TextTable.Cell("ok", .green), TextTable.Cell(file), TextTable.Cell("(\(summary))", .dim))
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
