/// What authorization needs to know of one negotiation: who negotiates, for whom, where, and
/// whether its contract has been filed (the archive sees only filed records).
public struct NegotiationFacts: Hashable, Sendable {
    public var enterprises: Set<CreditCode>
    public var employeeParty: String
    public var district: String?
    public var filed: Bool

    public init(enterprises: Set<CreditCode>, employeeParty: String, district: String?, filed: Bool) {
        self.enterprises = enterprises
        self.employeeParty = employeeParty
        self.district = district
        self.filed = filed
    }

    public init(opening: Opening, filed: Bool) {
        self.init(enterprises: Set(opening.enterprises.map(\.creditCode)), employeeParty: opening.employeeParty,
                  district: opening.district, filed: filed)
    }
}
