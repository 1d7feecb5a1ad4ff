import Bargaining

/// A workers' congress or all-employee meeting held by an enterprise (SPEC §5), for the congress
/// establishment rate (职代会建制率, SPEC §6). Only the enterprise and the date matter here; the
/// session's votes live with the negotiation or the congress record it came from.
public struct CoverageCongressSession: Sendable, Hashable, Codable {
    public var enterprise: CreditCode
    public var heldOn: Day

    public init(enterprise: CreditCode, heldOn: Day) {
        self.enterprise = enterprise
        self.heldOn = heldOn
    }
}
