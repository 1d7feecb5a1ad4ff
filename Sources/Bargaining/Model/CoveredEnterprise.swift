/// An enterprise a negotiation covers: the one enterprise at enterprise level, or each listed
/// enterprise of an industry or regional contract (S5 art 22), tracked for coverage statistics.
public struct CoveredEnterprise: Hashable, Codable, Sendable {
    public var creditCode: CreditCode
    public var name: String
    public var employees: Int?

    public init(creditCode: CreditCode, name: String, employees: Int? = nil) {
        self.creditCode = creditCode
        self.name = name
        self.employees = employees
    }
}
