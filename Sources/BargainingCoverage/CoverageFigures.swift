import Bargaining

/// The figures of SPEC §6 for one group or the total. Every rate is kept with its numerator and
/// denominator as whole numbers, so a reader can check it, and is nil ("no data") when its
/// denominator is empty, never 0% or 100%.
public struct CoverageFigures: Sendable, Hashable, Codable {
    /// The group's key (a district, street or industry name, `member`/`non-member`), or `total`.
    public var key: String
    /// The district of a street group: places are keyed by (district, street), so the same
    /// street name in two districts is two groups. Nil for every other grouping and the total.
    public var district: String?
    /// |U(D)|: unionised enterprises on the as-of date.
    public var unionised: Int
    /// |covered ∩ U(D)|.
    public var signed: Int
    /// 签订率 = signed / unionised.
    public var signingRate: Double?
    /// Employees of U(D).
    public var employees: Int
    /// Employees of covered enterprises in U(D).
    public var employeesCovered: Int
    /// 覆盖率 = employeesCovered / employees.
    public var employeeCoverage: Double?
    /// Enterprises of U(B) with a covering contract expiring in [A, B], not terminated on or
    /// before its expiry.
    public var due: Int
    /// Due enterprises covered on expiry + 1 + G after every such contract.
    public var renewed: Int
    /// 续签率 = renewed / due.
    public var renewalRate: Double?
    /// Chamber members in U(D).
    public var chamberMembers: Int
    public var chamberSigned: Int
    public var chamberRate: Double?
    /// Enterprises of U(D) with a congress session dated in (D − lookback, D], the look-back in
    /// calendar months from the policy (`Day.adding(months:)`, which keeps the day of the month
    /// or clamps it to the month's end).
    public var congressEstablished: Int
    /// 职代会建制率 = congressEstablished / unionised; nil also when no congress session is
    /// recorded anywhere (no data source: nothing imported, no congress vote held), since 0%
    /// would then say every enterprise failed to hold one when nobody has said (issue 12 item 7).
    public var congressRate: Double?
    public var shortfall: CoverageShortfall

    public init(key: String, unionised: Int, signed: Int, employees: Int, employeesCovered: Int, due: Int, renewed: Int,
                chamberMembers: Int, chamberSigned: Int, congressEstablished: Int, congressRecorded: Bool = true, policy: Policy) {
        self.key = key
        self.unionised = unionised
        self.signed = signed
        self.employees = employees
        self.employeesCovered = employeesCovered
        self.due = due
        self.renewed = renewed
        self.chamberMembers = chamberMembers
        self.chamberSigned = chamberSigned
        self.congressEstablished = congressEstablished
        signingRate = Self.rate(signed, unionised)
        employeeCoverage = Self.rate(employeesCovered, employees)
        renewalRate = Self.rate(renewed, due)
        chamberRate = Self.rate(chamberSigned, chamberMembers)
        congressRate = congressRecorded ? Self.rate(congressEstablished, unionised) : nil
        shortfall = CoverageShortfall(
            signing: CoverageShortfall.needed(numerator: signed, denominator: unionised, targetBasisPoints: policy.signingTarget),
            renewal: CoverageShortfall.needed(numerator: renewed, denominator: due, targetBasisPoints: policy.renewalTarget),
            chamber: CoverageShortfall.needed(numerator: chamberSigned, denominator: chamberMembers,
                                              targetBasisPoints: policy.chamberTarget))
    }

    /// The denominator the congress rate is shown over: `unionised`, or 0 ("no data") when no
    /// session is recorded at all, so every front end writes "no data" the way it does for an
    /// empty denominator.
    public var congressDenominator: Int { congressRate == nil ? 0 : unionised }

    private static func rate(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }

    /// Every key in the fixed order of the JSON shape, nulls written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encodeIfPresent(district, forKey: .district)
        try container.encode(unionised, forKey: .unionised)
        try container.encode(signed, forKey: .signed)
        try container.encode(signingRate, forKey: .signingRate)
        try container.encode(employees, forKey: .employees)
        try container.encode(employeesCovered, forKey: .employeesCovered)
        try container.encode(employeeCoverage, forKey: .employeeCoverage)
        try container.encode(due, forKey: .due)
        try container.encode(renewed, forKey: .renewed)
        try container.encode(renewalRate, forKey: .renewalRate)
        try container.encode(chamberMembers, forKey: .chamberMembers)
        try container.encode(chamberSigned, forKey: .chamberSigned)
        try container.encode(chamberRate, forKey: .chamberRate)
        try container.encode(congressEstablished, forKey: .congressEstablished)
        try container.encode(congressRate, forKey: .congressRate)
        try container.encode(shortfall, forKey: .shortfall)
    }
}
