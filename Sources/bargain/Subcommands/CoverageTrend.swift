import ArgumentParser
import Bargaining
import BargainingCoverage
import BargainingOffice
import BargainingService
import Foundation

extension Bargain.CoverageCommand {
    /// `bargain coverage trend` (issue 13 item 2): the report of SPEC §6 at every date of a range.
    struct Trend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trend",
            abstract: "The coverage rates at every month, quarter or year end of a range, in one pass.",
            discussion: """
                Example:
                  bargain coverage trend --from 2015-12-31 --to 2026-06-30 --every year
                  bargain coverage trend --from 2024-06-30 --to 2026-06-30 --by district --out 趋势.xlsx
                  bargain coverage trend --from 2021-06-30 --to 2026-06-30 --every quarter --district 大兴区 --out 大兴区趋势.svg

                The dates run from --from every --every (month, quarter, year; default month) and \
                end with --to, which is always included; from a month's last day they stay on \
                months' last days. At most \(TrendSchedule.maximumPoints) dates. At each date the \
                figures are exactly those of `bargain coverage --as-of DATE` (the renewal period \
                the year to that date), all computed in one pass over the data.

                Prints, for the total (and each group with --by), a row per date: unionised, \
                signing rate, employee coverage, renewal, chamber members' and congress rates. \
                --out FILE writes it, as the extension says: .xlsx (one sheet per grouping: --by's, \
                or the total and every grouping; a row per group and date, dates as dates, rates \
                as percentages), .csv (the first of those tables, UTF-8 with a byte order mark), \
                .svg (a line chart of the total's signing, employee-coverage and renewal rates \
                with the target).

                With --json, prints one object {"groupBy","points":[…]}: each point is the object \
                `bargain coverage --as-of DATE --json` prints for its date.
                """)

        @Option(help: ArgumentHelp("The first date, YYYY-MM-DD.", valueName: "date"), transform: ActOptions.day)
        var from: Day

        @Option(help: ArgumentHelp("The last date, YYYY-MM-DD, always one of the dates.", valueName: "date"), transform: ActOptions.day)
        var to: Day

        @Option(help: ArgumentHelp("How often: month, quarter or year.", valueName: "step"))
        var every: Every = .month

        @Option(help: ArgumentHelp("Break the figures down by district, street, industry or chamber (default: the total only).",
                                   valueName: "grouping"))
        var by: Report.Grouping?

        @Option(help: ArgumentHelp("Only the registry enterprises of this district (区), as the registry names it.", valueName: "name"))
        var district: String?

        @Option(help: ArgumentHelp("Also write the trend to this file, as its extension says: .xlsx, .csv or .svg.", valueName: "file"),
                completion: .file(extensions: ["xlsx", "csv", "svg"]))
        var out: String?

        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        enum Every: String, ExpressibleByArgument, CaseIterable {
            case month, quarter, year
        }

        /// The formats a trend is written as: a printable page of 127 dates is no report.
        static let formats: [ReportFile.Format] = [.xlsx, .csv, .svg]

        func schedule() throws -> TrendSchedule {
            do { return try TrendSchedule(from: from, to: to, every: TrendSchedule.Every(rawValue: every.rawValue)!) } catch {
                throw ValidationError(error.description)
            }
        }

        func validate() throws {
            _ = try schedule()
            if let out { _ = try ReportFile.format(of: out, allowed: Self.formats) }
        }

        func run() async throws {
            try await reportingFailures {
                let policy = try self.policy.load()
                try AsOfCheck.warn(to, workflows: self.policy.workflows, flag: "--to")
                let catalog = WorkflowCatalog(path: try self.policy.workflows.path())
                let dates = try schedule().dates
                // The trend asked for first; with --out .xlsx and no --by, every grouping too.
                let groupings = by.map { [$0.grouping] }
                    ?? (out.map { (try? ReportFile.format(of: $0, allowed: Self.formats)) == .xlsx } == true
                        ? [.none, .district, .street, .industry, .chamber] : [.none])
                let trends = try await store.withCoverageStore(creating: false) {
                    try await CoverageSources(store: $0, workflows: catalog).trends(groupings, policy: policy, dates: dates, district: district)
                }
                if let out {
                    let sheets = TrendSheets(policy: policy, scope: district)
                    try ReportFile.write(trends.map(sheets.table), title: sheets.title(from: from, to: to),
                                         chart: { TrendChart.svg(trend: trends[0], policy: policy, scope: district) },
                                         as: ReportFile.format(of: out, allowed: Self.formats), to: out)
                }
                let stdout = Terminal.standardOutput
                stdout.write(output.json ? try JSONOutput.render(trends[0])
                                         : TrendTable(trend: trends[0], policy: policy, districtFilter: district).render(for: stdout))
            }
        }
    }
}
