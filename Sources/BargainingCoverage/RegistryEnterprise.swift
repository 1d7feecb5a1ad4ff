import Bargaining

/// One enterprise of the district's registry: the population every coverage rate is a share of
/// (SPEC §6). Who counts as unionised on a day, which group it reports under and how many
/// employees it brings all come from here, never from the contracts.
public struct RegistryEnterprise: Sendable, Hashable, Codable {
    public var uscc: CreditCode
    public var name: String
    public var district: String
    public var street: String
    public var industry: String
    public var employees: Int
    /// Nil while the enterprise has no union: it is then outside U(D) on every day.
    public var unionFoundedOn: Day?
    /// Member of the federation of industry and commerce (工商联会员), which has its own target.
    public var chamberMember: Bool
    /// The enterprise leaves U(D) on this day (deregistered, 注销).
    public var closedOn: Day?

    public init(uscc: CreditCode, name: String, district: String, street: String, industry: String, employees: Int,
                unionFoundedOn: Day?, chamberMember: Bool, closedOn: Day?) {
        self.uscc = uscc
        self.name = name
        self.district = district
        self.street = street
        self.industry = industry
        self.employees = employees
        self.unionFoundedOn = unionFoundedOn
        self.chamberMember = chamberMember
        self.closedOn = closedOn
    }

    /// A re-import replaces enterprises by credit code and adds the new ones, so the registry a
    /// district keeps is always its latest file plus whatever earlier files listed that it did not.
    /// Existing enterprises keep their order; new ones follow in the order of `updates`.
    public static func merge(_ existing: [RegistryEnterprise], updates: [RegistryEnterprise]) -> [RegistryEnterprise] {
        var position: [CreditCode: Int] = [:]
        position.reserveCapacity(existing.count + updates.count)
        var merged = existing
        for (index, enterprise) in merged.enumerated() { position[enterprise.uscc] = index }
        for enterprise in updates {
            if let index = position[enterprise.uscc] {
                merged[index] = enterprise
            } else {
                position[enterprise.uscc] = merged.count
                merged.append(enterprise)
            }
        }
        return merged
    }
}
