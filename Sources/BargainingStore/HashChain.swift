import Crypto

/// The tamper evidence of a negotiation's history: each event's hash covers the previous hash,
/// so editing, inserting or deleting any earlier row changes every hash after it.
///
/// A stored event is *sealed*: its hash covers every column of its row that the body does not
/// already hold, so changing when it was recorded, or moving it to another negotiation, is as
/// visible as changing what it says:
///
/// `hash(n) = SHA-256 hex(UTF-8 of hash(n-1) ‖ canonical JSON of event n ‖ "\n" ‖ negotiation id ‖ "\n" ‖ recorded_at)`,
/// with `hash(0) = ""`. The sequence and legal date are in the JSON; `prev_hash` is `hash(n-1)`.
/// Canonical JSON never holds a raw newline, so the parts cannot run into each other, and
/// anyone can recompute a chain from the rows with `printf … | sha256sum`.
///
/// Events that were never stored (the sample histories the exports are shown with) have no
/// row to seal and use ``link(previous:canonicalJSON:)``, the same formula without the suffix;
/// so did every row stored before sealing (before December 2026): ``ChainVerifier``
/// accepts such a row only before the chain's first sealed one, and counts it.
public enum HashChain {
    /// What the first event of a negotiation chains from.
    public static let origin = ""

    /// The hash of a stored event: the body, the negotiation it belongs to and when it was recorded.
    public static func seal(previous: String, canonicalJSON: String, negotiation: String, recordedAt: String) -> String {
        hex(previous, canonicalJSON, "\n", negotiation, "\n", recordedAt)
    }

    /// The hash of an event that has no row: its body alone (and the chain before it).
    public static func link(previous: String, canonicalJSON: String) -> String {
        hex(previous, canonicalJSON)
    }

    private static func hex(_ parts: String...) -> String {
        var hasher = SHA256()
        for part in parts { hasher.update(data: Array(part.utf8)) }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
