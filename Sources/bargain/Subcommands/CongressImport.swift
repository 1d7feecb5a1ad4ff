import ArgumentParser
import Bargaining
import BargainingCoverage
import BargainingService
import BargainingStore

extension Bargain.CongressCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import congress sessions (职代会召开情况) from CSV or an Excel workbook: one row per session an enterprise held.",
            discussion: """
                Example:
                  bargain registry import registry.csv
                  bargain congress import 职代会召开情况.xlsx
                  bargain congress import sessions.csv --skip-invalid --rejected rejected.csv

                Columns, in any order, by their English or Chinese names: uscc (统一社会信用代码, \
                an enterprise of the stored registry) and held_on (召开日期, the day the congress \
                or all-employee meeting sat). Other columns (企业名称, 届次, 到会人数 …) are named \
                and not used. Each session counts toward the congress establishment rate for the \
                policy's look-back from the as-of date, as a congress vote held in a negotiation \
                does.

                Refused: a bad credit code, an enterprise not in the registry (import it first \
                with `bargain registry import`), a date that is not a date, the same enterprise \
                and day twice in the file. All or nothing: one bad row refuses the file, each \
                problem printed on standard error as FILE:LINE: column N (NAME): reason, and \
                nothing is stored (exit status 65); --skip-invalid imports the good rows and \
                writes the bad ones to --rejected FILE. A session is its enterprise and day: \
                importing the same ledger again counts its sessions unchanged. Until some \
                session is recorded, by this import, `bargain import` or a negotiation's congress \
                vote, the congress rate reads "no data", not 0%.

                Prints FILE: sessions: A added, U updated, N unchanged (U is always 0). \
                \(CSVImportOptions.shape)

                \(CSVImportOptions.fileHelp(CongressCSV.headerNames))
                """)

        @OptionGroup var source: CSVImportOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await reportingFailures {
                try source.printCounts(try await source.run(.congress, store: store), json: output.json)
            }
        }
    }
}
