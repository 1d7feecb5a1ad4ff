import ArgumentParser
import Bargaining
import BargainingCoverage
import BargainingOffice
import BargainingService
import BargainingStore

extension Bargain.CoverageCommand {
    struct Laggards: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "laggards",
            abstract: "Unionised enterprises not covered, or whose coverage ends soon with no renewal under way.",
            discussion: """
                Example:
                  bargain coverage laggards --as-of 2025-12-31
                  bargain coverage laggards --as-of 2025-12-31 --district 大兴区 --json
                  bargain coverage laggards --as-of 2025-12-31 --out 待督促企业.xlsx

                Lists the unionised enterprises (SPEC §6) that, as of --as-of, are not covered by \
                any contract (not-covered), or are covered by contracts that all end within the \
                policy's reminder window (90 days in Beijing) with no contract that would count as \
                their renewal and no renewal negotiation open in the store (coverage-ending). A \
                renewal negotiation is one opened by `bargain do ID request-renewal`; it is open \
                until it takes effect or ends. Sorted by district, street and credit code. \
                `bargain reminders` writes each of them a special reminder letter. --out FILE \
                writes the list to hand on (.xlsx, .csv or .html), most employees first, with the \
                days each enterprise has been without coverage.

                With --json, prints one object: asOf, district (null for all), laggards[] \
                {enterprise, name, district, street, industry, employees, unionFoundedOn, reason \
                (not-covered | coverage-ending), coverageEnd?, contractID?, renewalDueBy?} — \
                coverageEnd: the last day covered (absent: never covered); renewalDueBy: the day a \
                new contract must cover it to count as renewed.
                """)

        @OptionGroup var day: CoverageDayOptions

        @Option(help: ArgumentHelp("Only the registry enterprises of this district (区).", valueName: "name"))
        var district: String?

        @Option(help: ArgumentHelp("Also write the list to this file, as its extension says: .xlsx, .csv (UTF-8 with a byte order mark) or .html (one printable page); most employees first.",
                                   valueName: "file"),
                completion: .file(extensions: ["xlsx", "csv", "html"]))
        var out: String?

        static let outFormats: [ReportFile.Format] = [.xlsx, .csv, .html]

        func validate() throws {
            if let out { _ = try ReportFile.format(of: out, allowed: Self.outFormats) }
        }

        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        struct Document: Encodable {
            var asOf: Day
            var district: String?
            var laggards: [Laggard]

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(asOf, forKey: .asOf)
                try container.encode(district, forKey: .district)
                try container.encode(laggards, forKey: .laggards)
            }

            enum CodingKeys: String, CodingKey { case asOf, district, laggards }
        }

        func run() async throws {
            try await reportingFailures {
                let policy = try self.policy.load()
                try AsOfCheck.warn(day.asOf, workflows: self.policy.workflows)
                let catalog = WorkflowCatalog(path: try self.policy.workflows.path())
                let laggards = try await store.withCoverageStore(creating: false) { store in
                    try await CoverageSources(store: store, workflows: catalog).laggards(policy: policy, asOf: day.asOf, district: district)
                }
                if let out {
                    let sheet = LaggardSheet(asOf: day.asOf, district: district, policy: policy)
                    try ReportFile.write([sheet.table(laggards)], title: sheet.title, chart: { nil },
                                         as: ReportFile.format(of: out, allowed: Self.outFormats), to: out)
                }
                let stdout = Terminal.standardOutput
                if output.json {
                    stdout.write(try JSONOutput.render(Document(asOf: day.asOf, district: district, laggards: laggards)))
                    return
                }
                guard !laggards.isEmpty else {
                    stdout.line("no laggards as of \(day.asOf)" + (district.map { " in \($0)" } ?? ""))
                    return
                }
                var table = TextTable(headers: ["credit code", "name", "district", "street", "reason", "covered until", "contract", "renewed by"])
                for laggard in laggards {
                    table.add([
                        TextTable.Cell(laggard.enterprise.description), TextTable.Cell(laggard.name), TextTable.Cell(laggard.district),
                        TextTable.Cell(laggard.street),
                        TextTable.Cell(laggard.reason.rawValue, laggard.reason == .notCovered ? .red : .yellow),
                        TextTable.Cell(laggard.coverageEnd?.description ?? "never covered", laggard.coverageEnd == nil ? .dim : nil),
                        TextTable.Cell(laggard.contractID ?? ""), TextTable.Cell(laggard.renewalDueBy?.description ?? ""),
                    ])
                }
                stdout.write(table.render(for: stdout))
                let ending = laggards.filter { $0.reason == .coverageEnding }.count
                stdout.line("\(laggards.count) laggard\(laggards.count == 1 ? "" : "s"): \(laggards.count - ending) not covered, \(ending) with coverage ending within \(policy.reminderWindowDays) days")
            }
        }
    }
}
