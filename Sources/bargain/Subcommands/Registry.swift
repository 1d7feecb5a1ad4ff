import ArgumentParser

extension Bargain {
    /// The district's registry of enterprises: the population every coverage rate is a share of.
    struct RegistryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registry",
            abstract: "Keep the registry of enterprises that coverage rates count (SPEC §6).",
            subcommands: [Import.self])
    }
}
