import ArgumentParser
import Bargaining
import BargainingService

extension Bargain {
    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Open a negotiation and print its id.",
            discussion: """
                Records the opening under the current workflow of the level, which the \
                negotiation keeps until it ends (a later edit of the workflow file does not \
                change the rules of a running negotiation). Prints only the new id on standard \
                output, so a script can keep it:

                  id=$(bargain open enterprise --union 北京亦庄精密制造有限公司工会 \\
                         --employer 北京亦庄精密制造有限公司 \\
                         --enterprise 91110302MA01C8XK75:北京亦庄精密制造有限公司:412 \\
                         --as employee-side:王芳 --on 2025-03-03)
                  bargain next "$id"

                An enterprise negotiation covers exactly one enterprise; an industry or regional \
                one lists each enterprise it covers (repeat --enterprise). Credit codes are the \
                18-character 统一社会信用代码, checked character by character.
                """)

        @Argument(help: ArgumentHelp("The level of the negotiation.", valueName: "level"))
        var level: Level

        @Option(help: ArgumentHelp("The union side (工会): the enterprise union, industry union or regional federation.", valueName: "name"))
        var union: String

        @Option(help: ArgumentHelp("The employer side: the employer, industry association or employer organisation.", valueName: "name"))
        var employer: String

        @Option(help: ArgumentHelp("An enterprise covered, CODE:NAME[:EMPLOYEES]; repeat for each.", valueName: "code:name[:employees]"),
                transform: Open.enterprise)
        var enterprise: [CoveredEnterprise] = []

        @Option(help: ArgumentHelp("The title (default: YEAR年度工资专项集体协商, by level).", valueName: "text"))
        var title: String?

        @Option(help: ArgumentHelp("The district (区), for lists and reports.", valueName: "name"))
        var district: String?

        @Option(help: ArgumentHelp("The street (街道), for lists and reports.", valueName: "name"))
        var street: String?

        @Option(help: ArgumentHelp("The id of the negotiation whose contract this one renews.", valueName: "id"))
        var renews: String?

        @Option(help: ArgumentHelp("The new negotiation's id (default: ENT-, IND- or REG-, the year, and six random characters).", valueName: "id"))
        var id: String?

        @Option(name: .customLong("as"),
                help: ArgumentHelp("Who opens it: employee-side, employer-side or upper-union, optionally :NAME (default: employee-side).",
                                   valueName: "role[:name]"),
                transform: ActOptions.actor)
        var actor: Actor?

        @Option(name: .customLong("on"), help: ArgumentHelp("The date of the opening, YYYY-MM-DD (default: today).", valueName: "date"),
                transform: ActOptions.day)
        var day: Day?

        @OptionGroup var request: RequestOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var workflows: WorkflowsOptions

        func validate() throws {
            if let id, !NegotiationID.isValid(id) {
                throw ValidationError("'\(id)' cannot be an id: use 1 to 64 letters, digits, '-', '_' or '.'")
            }
            if level == .enterprise, enterprise.count != 1 {
                throw ValidationError("an enterprise negotiation covers exactly one enterprise: give --enterprise CODE:NAME[:EMPLOYEES] once (\(enterprise.count) given)")
            }
            if level != .enterprise, enterprise.isEmpty {
                throw ValidationError("an \(level.rawValue) negotiation lists the enterprises it covers: give --enterprise CODE:NAME[:EMPLOYEES] for each")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let day = self.day ?? Day.today()
                // Without --id the service chooses one (and draws again if it happens to be taken).
                let opened = try await request.recording { key in try await store.withLocalService(workflows) { service in
                    try await service.open(try opening(id: id ?? "", workflows: service.workflows), by: actor ?? Actor(.employeeSide),
                                           on: day, requestID: key).negotiation
                } }
                Terminal.standardOutput.line(opened.state.id)
                let stderr = Terminal.standardError
                if stderr.isTTY {
                    stderr.line(stderr.paint("opened \(opened.state.id); next: bargain next \(opened.state.id)   (or bargain status \(opened.state.id))", .dim))
                }
            }
        }

        func opening(id: String, workflows: WorkflowCatalog) throws -> Opening {
            let year = (day ?? Day.today()).year
            let defaultTitle = switch level {
            case .enterprise: "\(year)年度工资专项集体协商"
            case .industry: "\(year)年度行业性工资集体协商"
            case .regional: "\(year)年度区域性工资集体协商"
            }
            return Opening(id: id, level: level, workflow: try workflows.engine(for: level).workflow.reference,
                           title: title ?? defaultTitle, employeeParty: union, employerParty: employer, enterprises: enterprise,
                           district: district, street: street, renews: renews)
        }

        /// `CODE:NAME[:EMPLOYEES]`; a bad credit code names the character that is wrong.
        static func enterprise(_ text: String) throws -> CoveredEnterprise {
            let usage = "write --enterprise CODE:NAME[:EMPLOYEES], e.g. 91110302MA01C8XK75:北京亦庄精密制造有限公司:412"
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError("'\(text)': \(usage)") }
            let code: CreditCode
            do { code = try CreditCode(parts[0]) } catch {
                throw ValidationError("credit code '\(parts[0])' \(error)")
            }
            var name = String(parts[1])
            var employees: Int?
            if let colon = name.lastIndex(of: ":") {
                let count = name[name.index(after: colon)...]
                guard let number = Int(count), number >= 0 else {
                    throw ValidationError("'\(count)' is not a number of employees; \(usage)")
                }
                employees = number
                name = String(name[..<colon])
            }
            guard !name.allSatisfy(\.isWhitespace) else { throw ValidationError("'\(text)': the name is empty; \(usage)") }
            return CoveredEnterprise(creditCode: code, name: name, employees: employees)
        }
    }
}
