import Bargaining

/// A unionised enterprise the district union must act on (issue 5): not covered on the as-of
/// date, or covered by contracts that all run out within the reminder window with nothing to
/// follow them. Each gets a special reminder letter.
public struct Laggard: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable {
        /// No contract covers the enterprise on the as-of date.
        case notCovered = "not-covered"
        /// Covered now, but the coverage ends within the reminder window and no known contract
        /// would count as its renewal.
        case coverageEnding = "coverage-ending"
    }

    public var enterprise: CreditCode
    public var name: String
    public var district: String
    public var street: String
    public var industry: String
    public var employees: Int
    public var unionFoundedOn: Day
    public var reason: Reason
    /// For `.notCovered`, the last day a contract covered the enterprise (nil: never covered);
    /// for `.coverageEnding`, the last day of its present coverage.
    public var coverageEnd: Day?
    /// The contract whose expiry or termination ends that coverage.
    public var contractID: String?
    /// For `.coverageEnding`, the day a new contract must cover the enterprise for it to count as
    /// renewed (SPEC §6: coverage end + 1 + G).
    public var renewalDueBy: Day?

    public init(enterprise: CreditCode, name: String, district: String, street: String, industry: String, employees: Int,
                unionFoundedOn: Day, reason: Reason, coverageEnd: Day?, contractID: String?, renewalDueBy: Day?) {
        self.enterprise = enterprise
        self.name = name
        self.district = district
        self.street = street
        self.industry = industry
        self.employees = employees
        self.unionFoundedOn = unionFoundedOn
        self.reason = reason
        self.coverageEnd = coverageEnd
        self.contractID = contractID
        self.renewalDueBy = renewalDueBy
    }
}
