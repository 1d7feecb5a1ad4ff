import ArgumentParser
import Bargaining
import BargainingService
import BargainingStore

extension Bargain {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List negotiations with their step and next deadline.",
            discussion: """
                One line per negotiation in id order: level, step (on --as-of, as `bargain status` says), \
                the next deadline running, its due date and the days left as of --as-of (today \
                by default; overdue in red), and the title. Filters combine:

                  bargain list --overdue                      deadlines already passed
                  bargain list --due-within 7                 a deadline due in the next 7 days
                  bargain list --level regional --step talks

                \(NegotiationList.shape)
                """)

        @Option(help: ArgumentHelp("Only this level.", valueName: "level"))
        var level: Level?

        @Option(help: ArgumentHelp("Only negotiations at this step, e.g. talks (`bargain workflow show` lists the steps).", valueName: "step"))
        var step: String?

        @Option(help: ArgumentHelp("Only this district (区), as given to `bargain open --district`.", valueName: "name"))
        var district: String?

        @Flag(help: "Only negotiations with a deadline already passed as of --as-of.")
        var overdue = false

        @Option(name: .customLong("due-within"), help: ArgumentHelp("Only negotiations with a deadline due within this many days of --as-of (overdue ones included).", valueName: "days"))
        var dueWithin: Int?

        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var workflows: WorkflowsOptions

        func validate() throws {
            if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within takes a number of days, 0 or more") }
        }

        func run() async throws {
            try await reportingFailures {
                let day = asOf.day
                let query = NegotiationQuery(level: level, step: step, district: district, overdueAsOf: overdue ? day : nil,
                                             dueBy: dueWithin.map { day.adding(days: $0) })
                let list = NegotiationList(summaries: try await store.withService(workflows, creating: false) { try await $0.list(query, asOf: day) }, asOf: day)
                let stdout = Terminal.standardOutput
                stdout.write(output.json ? try JSONOutput.render(list.document) : list.table(for: stdout))
            }
        }
    }
}
