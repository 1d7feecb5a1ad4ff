import ArgumentParser
import Bargaining
import BargainingCoverage
import BargainingService
import BargainingStore

extension Bargain.RegistryCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import the registry of enterprises from CSV or an Excel workbook; re-importing updates by credit code.",
            discussion: """
                Example:
                  bargain registry import 大兴区企业名录.csv
                  bargain registry import registry.csv --skip-invalid --rejected rejected.csv
                  bargain registry import 企业名录.xlsx --sheet 名录

                Columns, in any order, by their English or Chinese names: uscc (统一社会信用代码), \
                name (名称), district (区), street (街道), industry (行业), employees (职工人数, a \
                whole number ≥ 0), union_founded_on (建会日期, YYYY-MM-DD, empty when there is no \
                union), chamber_member (工商联会员: true/false, 是/否, 1/0), closed_on (注销日期, \
                YYYY-MM-DD or empty; the column may be left out).

                Credit codes are checked (GB 32100-2015 check character) and may appear once per \
                file. An enterprise already in the store is replaced by the file's row; the others \
                stay. All or nothing: one bad row (a wrong check character, a date that is not a \
                date, negative employees, a duplicate code) refuses the whole file, each problem \
                printed on standard error as FILE:LINE: column N (NAME): reason, and nothing is \
                stored (exit status 65). --skip-invalid imports the good rows and writes the bad \
                ones, with their reasons, to --rejected FILE. The rows are stored in one \
                transaction.

                Prints FILE: enterprises: A added, U updated, N unchanged. \
                \(CSVImportOptions.shape)

                \(CSVImportOptions.fileHelp(RegistryCSV.headerNames))
                """)

        @OptionGroup var source: CSVImportOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await reportingFailures {
                try source.printCounts(try await source.run(.registry, store: store), json: output.json)
            }
        }
    }
}
