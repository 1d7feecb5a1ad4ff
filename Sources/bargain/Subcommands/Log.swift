import ArgumentParser
import Bargaining

extension Bargain {
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Show a negotiation's history: every act and deadline, with who, when and what.",
            discussion: """
                One row per recorded event, in order: the legal date, who acted (role in Chinese \
                and name), and what was done; under it how a rule decided (with its numbers), \
                warnings, the fields recorded, the step the negotiation moved to, and the \
                deadlines that started. A deadline that passed and moved the negotiation on by \
                itself is shown as an act of 期限届满 (the calendar). When the stored history does \
                not match its hash chain, a warning on standard error names the first changed \
                event.

                \(LogDocument.shape)
                """)

        @Argument(help: "The negotiation's id (see `bargain list`).")
        var id: String

        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var workflows: WorkflowsOptions

        func run() async throws {
            try await reportingFailures {
                let stdout = Terminal.standardOutput
                let text = try await store.withService(workflows, creating: false) { service in
                    let log = try await service.log(id)
                    log.brokenChain.map { ChainWarning.print($0, of: id) }
                    let negotiation = log.negotiation
                    if output.json {
                        var document = try LogDocument(log.stored, engine: negotiation.engine)
                        document.brokenChain = log.brokenChain
                        return try JSONOutput.render(document)
                    }
                    let opening = negotiation.opening
                    return stdout.paint(opening.title, .bold) + "  (\(opening.level.chineseName) · \(opening.id))\n"
                        + (try Timeline(engine: negotiation.engine, terminal: stdout, showsFields: true).render(negotiation.events))
                }
                stdout.write(text)
            }
        }
    }
}
