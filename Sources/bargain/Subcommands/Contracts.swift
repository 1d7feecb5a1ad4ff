import ArgumentParser

extension Bargain {
    /// Contracts concluded outside this store's negotiations, for coverage statistics.
    struct ContractsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contracts",
            abstract: "Record collective contracts concluded outside bargain, for coverage rates (SPEC §6).",
            subcommands: [Import.self])
    }
}
