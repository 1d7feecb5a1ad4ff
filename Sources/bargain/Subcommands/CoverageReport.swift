import ArgumentParser
import Bargaining
import BargainingCoverage
import BargainingOffice
import BargainingService
import BargainingStore
import Foundation

extension Bargain.CoverageCommand {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "The coverage rates as of a date, in total and by group, with the shortfall to each target.",
            discussion: """
                Example:
                  bargain coverage --as-of 2025-12-31
                  bargain coverage --as-of 2025-06-30 --from 2025-01-01 --to 2025-06-30 --by industry
                  bargain coverage --as-of 2025-12-31 --by street --district 大兴区 --svg 大兴区.svg
                  bargain coverage --as-of 2025-12-31 --by district --json
                  bargain coverage --as-of 2025-12-31 --out 覆盖情况.xlsx

                Exactly SPEC §6: unionised enterprises U(D) of the registry (union founded on or \
                before D, not closed on or before D); signed: covered on D by a contract in effect, \
                not terminated (industry and regional contracts count when the policy says so); \
                employee coverage; renewal rate over [--from, --to] (default: the year to date, 1 \
                January to D; a period ending after D is refused) with the policy's grace; chamber members' rate; congress establishment rate (a \
                session in the policy's look-back up to D); the shortfall: the fewest enterprises \
                to add to reach each target. A rate with no denominator is "no data".

                Contracts counted: those that took effect through negotiations in the store, and \
                those recorded by `bargain contracts import` and `bargain import` (a negotiation's \
                record wins over an imported one with the same id). Congress sessions: the \
                negotiations' congress votes that met their quorum, and imported congress records.

                Prints a table (group, unionised, each rate with its numbers, shortfalls) and each \
                group's signing rate, employee coverage and renewal rate as bars with the target \
                marked (│), worst first (--sort name: by name). --svg FILE also writes a bar chart \
                by group in the same order, the three rates side by side with the group sizes and \
                the target lines, for a browser. --out FILE \
                writes the report to hand on, as the extension says: .xlsx (one sheet per grouping, \
                the header frozen, rates as percentages with their numbers, targets and shortfalls, \
                the as-of date and period above), .csv (UTF-8 with a byte order mark), .svg (the \
                chart) or .html (one printable page).

                \(CoverageTable.shape)
                """)

        @OptionGroup var day: CoverageDayOptions

        @Option(help: ArgumentHelp("First day of the renewal period, YYYY-MM-DD, on or before --as-of (default: 1 January of the --as-of year).", valueName: "date"),
                transform: ActOptions.day)
        var from: Day?

        @Option(help: ArgumentHelp("Last day of the renewal period, YYYY-MM-DD, on or before --as-of (default: the --as-of date: the year to date).", valueName: "date"),
                transform: ActOptions.day)
        var to: Day?

        @Option(help: ArgumentHelp("Break the figures down by district, street, industry or chamber (default: the total only).",
                                   valueName: "grouping"))
        var by: Grouping?

        @Option(help: ArgumentHelp("Only the registry enterprises of this district (区), as the registry names it.", valueName: "name"))
        var district: String?

        @Option(help: ArgumentHelp("Also write the chart as SVG to this file.", valueName: "file"), completion: .file(extensions: ["svg"]))
        var svg: String?

        @Option(help: ArgumentHelp("Also write the report to this file, as its extension says: .xlsx (a workbook, one sheet per grouping: --by's, or the total and every grouping), .csv (the table, UTF-8 with a byte order mark), .svg (the chart), .html (one printable page).",
                                   valueName: "file"),
                completion: .file(extensions: ["xlsx", "csv", "svg", "html"]))
        var out: String?

        @Option(help: ArgumentHelp("The order of the groups in the bars and the chart: worst (lowest signing rate first, no data last) or name.",
                                   valueName: "order"))
        var sort: Order = .worst

        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        enum Order: String, ExpressibleByArgument, CaseIterable {
            case worst, name

            var order: CoverageChart.Order { CoverageChart.Order(rawValue: rawValue)! }
        }

        enum Grouping: String, ExpressibleByArgument, CaseIterable {
            case district, street, industry, chamber

            var grouping: CoverageGrouping { CoverageGrouping(rawValue: rawValue)! }
        }

        func validate() throws {
            do { _ = try RenewalPeriod(asOf: day.asOf, from: from, to: to) } catch { throw ValidationError(error.description) }
            if let out { _ = try ReportFile.format(of: out, allowed: ReportFile.Format.allCases) }
        }

        func run() async throws {
            try await reportingFailures {
                let policy = try self.policy.load()
                try AsOfCheck.warn(day.asOf, workflows: self.policy.workflows)
                let catalog = WorkflowCatalog(path: try self.policy.workflows.path())
                // The report asked for first; with --out and no --by, the total and every grouping too.
                let groupings = by.map { [$0.grouping] } ?? (out == nil ? [.none] : [.none, .district, .street, .industry, .chamber])
                let reports = try await store.withCoverageStore(creating: false) {
                    try await CoverageSources(store: $0, workflows: catalog).reports(groupings, policy: policy, asOf: day.asOf, from: from, to: to,
                                                                                      district: district)
                }
                let report = reports[0]
                if let svg {
                    do {
                        try CoverageChart.svg(report: report, policy: policy, scope: district, order: sort.order).write(toFile: svg, atomically: true, encoding: .utf8)
                    } catch {
                        throw CommandFailure("cannot write \(svg) (\(error.localizedDescription))", exitCode: ExitCodes.cannotWrite)
                    }
                }
                if let out {
                    let sheets = CoverageSheets(policy: policy, scope: district)
                    let tables = reports.map(sheets.table)
                    try ReportFile.write(tables, title: sheets.title(asOf: day.asOf),
                                         chart: { CoverageChart.svg(report: report, policy: policy, scope: district, order: sort.order) },
                                         as: ReportFile.format(of: out, allowed: ReportFile.Format.allCases), to: out)
                }
                let stdout = Terminal.standardOutput
                stdout.write(output.json ? try JSONOutput.render(report)
                                         : CoverageTable(report: report, policy: policy, districtFilter: district, order: sort.order).render(for: stdout))
            }
        }
    }
}
