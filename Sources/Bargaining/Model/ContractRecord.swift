/// A contract as coverage statistics see it (SPEC §6): who it covers and when. One type for
/// every source: the store's projection of negotiations that took effect, and filings read back
/// from XML (`FiledContract.indexEntry`), so that an import needs no conversion.
public struct ContractRecord: Sendable, Hashable, Codable {
    public var contractID: String
    public var level: Level
    public var title: String
    public var signedOn: Day?
    public var effectiveOn: Day?
    public var expiresOn: Day?
    public var terminatedOn: Day?
    public var enterprises: [CreditCode]
    /// The negotiation this contract renews, if any.
    public var renews: String?

    public init(contractID: String, level: Level, title: String, signedOn: Day?, effectiveOn: Day?, expiresOn: Day?,
                terminatedOn: Day?, enterprises: [CreditCode], renews: String?) {
        self.contractID = contractID
        self.level = level
        self.title = title
        self.signedOn = signedOn
        self.effectiveOn = effectiveOn
        self.expiresOn = expiresOn
        self.terminatedOn = terminatedOn
        self.enterprises = enterprises
        self.renews = renews
    }
}
