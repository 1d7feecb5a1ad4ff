import BargainingStore

/// Where a negotiation's hash chain stops matching its rows: the first event whose stored hash,
/// link or columns disagree, and why. Every reader of one negotiation (`status`, `log`, the
/// server's status and history) carries it, so nobody reads a changed history unwarned.
public struct ChainBreak: Codable, Hashable, Sendable {
    public var sequence: Int
    public var reason: String

    public init(sequence: Int, reason: String) {
        self.sequence = sequence
        self.reason = reason
    }

    init(_ mismatch: VerificationReport.Mismatch) {
        self.init(sequence: mismatch.sequence, reason: mismatch.reason)
    }

    /// One sentence for a terminal or a page: what is wrong and what to run.
    public func warning(for id: String) -> String {
        "the hash chain of \(id) is broken at event \(sequence): \(reason); what is shown may have been changed behind bargain's back (run `bargain verify \(id)`)"
    }
}
