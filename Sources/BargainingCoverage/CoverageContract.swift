import Bargaining

/// A collective contract as coverage statistics see it (SPEC §6): whom it covers and on which
/// days. Historical contracts come from `ContractsCSV`; contracts concluded through negotiations
/// in the store are converted to this by the caller, so both kinds count the same way.
public struct CoverageContract: Sendable, Hashable, Codable {
    public var id: String
    /// Enterprise contracts always cover; industry and regional ones only while the policy's
    /// `countIndustryAndRegional` is on.
    public var level: Level
    public var title: String
    public var signedOn: Day?
    public var effectiveOn: Day
    /// The last day the contract covers.
    public var expiresOn: Day
    /// From this day on the contract no longer covers; terminated on or before its expiry, it never
    /// falls due for renewal (its coverage simply ended).
    public var terminatedOn: Day?
    /// The one enterprise of an enterprise contract, or every enterprise an industry or regional
    /// contract lists.
    public var enterprises: [CreditCode]

    public init(id: String, level: Level, title: String, signedOn: Day?, effectiveOn: Day, expiresOn: Day,
                terminatedOn: Day?, enterprises: [CreditCode]) {
        self.id = id
        self.level = level
        self.title = title
        self.signedOn = signedOn
        self.effectiveOn = effectiveOn
        self.expiresOn = expiresOn
        self.terminatedOn = terminatedOn
        self.enterprises = enterprises
    }
}

extension CoverageContract {
    /// A negotiation's contract as coverage counts it; nil until it has taken effect (no
    /// effective date) or when it has no expiry date, which an agreement always states.
    public init?(record: ContractRecord) {
        guard let effective = record.effectiveOn, let expires = record.expiresOn else { return nil }
        self.init(id: record.contractID, level: record.level, title: record.title, signedOn: record.signedOn,
                  effectiveOn: effective, expiresOn: expires, terminatedOn: record.terminatedOn, enterprises: record.enterprises)
    }
}
