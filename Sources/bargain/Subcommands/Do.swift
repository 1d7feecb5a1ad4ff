import ArgumentParser
import Bargaining
import BargainingFiles
import BargainingService

extension Bargain {
    struct Do: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "do",
            abstract: "Record one act on a negotiation, for scripts: the fields on the command line.",
            discussion: """
                The same act as `bargain next`, without questions. Fields come from --set \
                NAME=VALUE (repeat it) and from --file, a YAML file of NAME: VALUE lines; --set \
                wins over the file. `bargain status ID` lists the acts allowed now and `bargain \
                workflow show` every action's fields. Examples:

                  bargain do ENT-2025-001 send-notice --as employee-side:王芳 --on 2025-03-03 \\
                      --set proposed-on=2025-03-25 --set place=公司三楼会议室 --set content=2025年度工资调整
                  bargain do ENT-2025-001 agree-draft --file draft.yaml --as employee-side:王芳

                Prints what was recorded, where the negotiation stands now and what may come \
                next. Nothing is recorded when a field is missing or mistyped (exit 64, listing \
                them), or when the rules refuse the act (exit 1, with the rule and its article). \
                If someone else records on the same negotiation at the same moment, the act is \
                decided again on what they recorded, after a short random wait, up to eight \
                times (then exit 75). If the \
                store's answer is lost while it commits (exit 3, outcome unknown), run the same \
                command again with the --request-id it printed: an act is recorded at most once \
                per request id, and a repeat prints the first outcome ("already recorded").

                request-renewal also opens the renewal negotiation (S1 art 38), and \
                request-amendment the amendment negotiation (S1 arts 39, 41: an amendment by \
                agreement goes through the procedure of a new contract; once it is in effect, \
                end the old contract with terminate --set ground=amended): the new id is \
                printed alone on standard output (and the rest on standard error), so a script \
                can keep it; choose it with --set renewal=ID or --set amendment=ID.
                """)

        @Argument(help: "The negotiation's id.")
        var id: String

        @Argument(help: ArgumentHelp("The act, e.g. send-notice (`bargain status ID` lists those allowed now).", valueName: "action"),
                  completion: .list(ActionKind.allCases.map(\.rawValue)))
        var action: String

        @Option(help: ArgumentHelp("A YAML file of the act's fields, NAME: VALUE per line.", valueName: "data.yaml"),
                completion: .file(extensions: ["yaml", "yml"]))
        var file: String?

        @OptionGroup var act: ActOptions
        @OptionGroup var request: RequestOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var workflows: WorkflowsOptions

        func validate() throws {
            // Against a server the seat says who acts; --as is not sent.
            guard act.actor != nil || store.serverURL != nil else {
                throw ValidationError("say who takes the act with --as ROLE[:NAME], e.g. --as employee-side:王芳; roles: \(ActOptions.roles)")
            }
        }

        func run() async throws {
            try await reportingFailures {
                guard let kind = ActionKind(rawValue: action) else {
                    throw CommandFailure("'\(action)' is not an action; actions are \(ActionKind.allCases.map(\.rawValue).joined(separator: ", "))",
                                         exitCode: ExitCodes.usage)
                }
                var fields = try file.map { file throws(DataFileError) in try ActionFileLoader.load(contentsOf: file, for: kind) } ?? Fields()
                for (name, value) in try FieldEntry.fields(from: act.assignments, for: kind).entries.map({ ($0.name, $0.value) }) {
                    fields[name] = value
                }
                if let field = kind.linkedNegotiationField, let newID = fields.text(field), !NegotiationID.isValid(newID) {
                    throw CommandFailure("\(field): '\(newID)' cannot be an id: use 1 to 64 letters, digits, '-', '_' or '.'", exitCode: ExitCodes.usage)
                }
                let actor = act.actor ?? Actor(.employeeSide), day = act.day ?? Day.today()
                let stdout = Terminal.standardOutput, stderr = Terminal.standardError
                try await request.recording { key in try await store.withService(workflows) { service in
                    let recorded = try await service.act(Action(kind, fields), on: id, by: actor, on: day, requestID: key)
                    guard let opened = recorded.opened else {
                        stdout.write(try ActReport(recorded, terminal: stdout).render())
                        return
                    }
                    stderr.write(try ActReport(recorded, terminal: stderr).render())
                    stderr.line("\(kind.linkedNegotiationField ?? "linked") negotiation opened: \(opened.id) (bargain next \(opened.id))")
                    stdout.line(opened.id)
                } }
            }
        }
    }
}
