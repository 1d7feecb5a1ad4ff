/// One enterprise's coverage by one contract, as day ordinals: what the report's linear pass
/// reads, 16 bytes per contract–enterprise pair, with no dates or strings to unpack.
struct CoverageInterval {
    /// First and last day covered (SPEC §6): effective date, and expiry or the day before
    /// termination, whichever is earlier.
    var start: Int32
    var end: Int32
    /// Position of the contract in the calculator's `contracts`.
    var contract: Int32
    var flags: UInt8

    /// An enterprise-level contract: it covers whatever the policy says about the other levels.
    static let enterpriseLevel: UInt8 = 1
    /// Not terminated on or before its expiry, so the contract falls due for renewal at `end`.
    static let fallsDue: UInt8 = 2

    /// Covers `day`, counting this contract only when its level has all the `required` flags.
    @inline(__always)
    func covers(_ day: Int32, required: UInt8) -> Bool {
        start <= day && day <= end && flags & required == required
    }
}
