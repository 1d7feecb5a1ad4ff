import ArgumentParser
import Bargaining

extension Bargain {
    struct Next: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "next",
            abstract: "Take the next step of a negotiation with guidance: what is allowed, the rules, each field.",
            discussion: """
                Shows where the negotiation stands and the acts allowed now, then asks: which \
                act, who takes it (unless --as), its date (unless --on; Enter means today), and \
                each field not given with --set, with what the field is for and the form it \
                takes, asking again until an answer fits. Before the fields it shows the rules \
                that will judge the act, each with its article. Then a summary, and \
                confirmation.

                If the rules refuse, the refusal is explained with its rule and article, nothing \
                is recorded, and you can change the field, the person or the date it points at \
                and record again without retyping the rest. Ctrl-C or end of input (Ctrl-D) \
                stops at once; nothing is recorded.

                Asks only when standard input is a terminal. Scripts use `bargain do`, which \
                takes the same act with its fields on the command line.
                """)

        @Argument(help: "The negotiation's id (see `bargain list`).")
        var id: String

        @OptionGroup var act: ActOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var workflows: WorkflowsOptions

        func run() async throws {
            try await reportingFailures {
                let prompter = try FieldPrompter.standardInput()
                let outcome = try await store.withService(workflows) { service in
                    try await GuidedAct(prompter: prompter, service: service, id: id, actor: act.actor, day: act.day,
                                        assignments: act.assignments).run()
                }
                if outcome == .stopped(afterRefusal: true) { throw ExitCodes.refused }
            }
        }
    }
}
