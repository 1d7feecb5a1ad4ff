import ArgumentParser

extension Bargain {
    /// Workers' congress sessions held outside this store's negotiations, for the congress
    /// establishment rate (职代会建制率, SPEC §6).
    struct CongressCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "congress",
            abstract: "Record workers' congress sessions from the district's ledger, for the congress establishment rate (SPEC §6).",
            subcommands: [Import.self])
    }
}
