import ArgumentParser
import Bargaining

extension Bargain {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a complete sample negotiation and print it as a union chair would read it.",
            discussion: """
                Plays the 2025 wage negotiation of 北京亦庄精密制造有限公司 through the same \
                engine and rules as real negotiations: the written notice, the reply, \
                representatives, information, two rounds of talks, the draft, a workers' congress \
                that misses its quorum (41 of 65) and is reconvened, approval, signatures, filing, \
                and a review window that closes in silence, so the agreement takes effect by \
                itself. Ends with the status: the step, the running deadlines and what may come next.

                Nothing is kept: the negotiation lives in memory for the length of the command.
                """)

        @OptionGroup var workflows: WorkflowsOptions

        func run() async throws {
            try await reportingFailures {
                let directory = try workflows.load()
                let engine = directory.engine(for: .enterprise)
                let played = try await DemoRunner(book: InMemoryBook(directory: directory))
                    .play(SampleNegotiations.enterprise(workflow: engine.workflow.reference))
                Terminal.standardOutput.write(try DemoReport(played: played, engine: engine, terminal: .standardOutput).render())
            }
        }
    }
}
