/// Everything a coverage report reads, held in memory: what the generator produces for tests
/// and what the CLI assembles from its registry, its contracts and its congress records.
public struct CoverageDataset: Sendable, Hashable {
    public var registry: [RegistryEnterprise]
    public var contracts: [CoverageContract]
    public var congressSessions: [CoverageCongressSession]

    public init(registry: [RegistryEnterprise], contracts: [CoverageContract], congressSessions: [CoverageCongressSession]) {
        self.registry = registry
        self.contracts = contracts
        self.congressSessions = congressSessions
    }
}
