/// How many more enterprises must be brought into each numerator to reach the policy's targets
/// (SPEC §6): the figure a district is actually asked for. Nil where the rate has no data.
public struct CoverageShortfall: Sendable, Hashable, Codable {
    public var signing: Int?
    public var renewal: Int?
    public var chamber: Int?

    public init(signing: Int?, renewal: Int?, chamber: Int?) {
        self.signing = signing
        self.renewal = renewal
        self.chamber = chamber
    }

    /// The smallest whole number `k` with `(numerator + k) / denominator ≥ target`, in integers:
    /// `max(0, ⌈target·denominator⌉ − numerator)` with the target in basis points, so that 9 of
    /// 10 at 90% is exactly 0 and never a floating-point 1.
    public static func needed(numerator: Int, denominator: Int, targetBasisPoints: Int) -> Int? {
        guard denominator > 0 else { return nil }
        let required = (targetBasisPoints * denominator + 9_999) / 10_000
        return max(0, required - numerator)
    }

    /// Nulls are written, not left out: the JSON shape is fixed, and a reader must tell "no
    /// data" from a missing field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(signing, forKey: .signing)
        try container.encode(renewal, forKey: .renewal)
        try container.encode(chamber, forKey: .chamber)
    }
}
