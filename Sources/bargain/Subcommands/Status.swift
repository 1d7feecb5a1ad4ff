import ArgumentParser
import Bargaining
import BargainingService

extension Bargain {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show where a negotiation stands: its step, the deadlines running, and what may come next.",
            discussion: """
                For the negotiation ID as of a date (today unless --as-of): the parties and \
                enterprises covered, the step and what it means, deadlines that passed since the \
                last act and moved the negotiation on by themselves, the deadlines running with \
                their due dates, days left and articles (overdue ones in red), and the acts \
                allowed now: who may take each, which side is still awaited, and the rules \
                (summary and article) that will judge it. With --as-of before the last act, shows \
                the negotiation as it stood on that date. When the stored history does not match \
                its hash chain, a warning on standard error names the first changed event.

                \(StatusDocument.shape)
                """)

        @Argument(help: "The negotiation's id (see `bargain list`).")
        var id: String

        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var workflows: WorkflowsOptions

        func run() async throws {
            try await reportingFailures {
                let (negotiation, broken) = try await store.withService(workflows, creating: false) { service in
                    (try await service.negotiation(id), try await service.brokenChain(id))
                }
                broken.map { ChainWarning.print($0, of: id) }
                let status: NegotiationStatus
                do throws(RuleViolation) { status = try negotiation.status(asOf: asOf.day) } catch {
                    throw CommandFailure("--as-of \(asOf.day): \(error.message)", exitCode: ExitCodes.usage)
                }
                let stdout = Terminal.standardOutput
                if output.json {
                    var document = StatusDocument(status, lastRecorded: negotiation.lastRecorded(asOf: asOf.day))
                    document.brokenChain = broken
                    stdout.write(try JSONOutput.render(document))
                } else {
                    stdout.write(StatusReport(status: status, terminal: stdout).render())
                }
            }
        }
    }
}
