import ArgumentParser
import Bargaining
import BargainingCoverage
import BargainingService
import BargainingStore

extension Bargain.ContractsCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import historical contracts from CSV or an Excel workbook into the contract index coverage counts.",
            discussion: """
                Example:
                  bargain registry import registry.csv
                  bargain contracts import contracts.csv
                  bargain contracts import contracts.csv --skip-invalid --rejected rejected.csv

                Columns, in any order, by their English or Chinese names: contract_id (合同编号, \
                unique in the file), level (层级: enterprise/industry/regional, 企业/行业性/区域性), \
                title (合同名称), signed_on (签订日期, may be empty or left out), effective_on \
                (生效日期), expires_on (到期日期, not before effective_on), terminated_on (终止日期, \
                may be empty or left out), enterprises (覆盖企业: credit codes separated by ;).

                An enterprise contract's enterprise must already be in the stored registry (import \
                it first with `bargain registry import`): one naming an unknown enterprise is \
                refused, as is a bad credit code, an unparseable date, a duplicate id, or dates \
                a contract cannot have: signed after it takes effect, expiring or terminated \
                before it takes effect, or a term over 3 years (S1 art 38). An industry or regional contract listing \
                enterprises not in the registry is imported with all of them, and a warning on \
                standard error names the unknown codes: the registered ones are covered at once, \
                the others once the registry lists them (as `bargain import` does). All or nothing: one bad row refuses the \
                file, each problem printed on standard error as FILE:LINE: column N (NAME): reason, \
                and nothing is stored (exit status 65); --skip-invalid imports the good rows and \
                writes the bad ones to --rejected FILE. A contract id already imported is replaced; \
                one stored exactly so already is counted unchanged.

                Contracts that take effect through negotiations in the store join the index by \
                themselves. When an imported contract has the id of a negotiation's contract, the \
                negotiation's record is the one counted (it follows later events, such as a \
                termination); the import is stored all the same.

                Prints FILE: contracts: A added, U updated, N unchanged. \(CSVImportOptions.shape)

                \(CSVImportOptions.fileHelp(ContractsCSV.headerNames))
                """)

        @OptionGroup var source: CSVImportOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await reportingFailures {
                try source.printCounts(try await source.run(.contracts, store: store), json: output.json)
            }
        }
    }
}
