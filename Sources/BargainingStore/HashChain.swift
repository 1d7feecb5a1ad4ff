import Crypto

/// The tamper evidence of a negotiation's history: each event's hash covers the previous hash,
/// so editing, inserting or deleting any earlier row changes every hash after it.
///
/// `hash(n) = SHA-256 hex(UTF-8 of hash(n-1) ‖ canonical JSON of event n)`, with `hash(0) = ""`.
/// Both operands are text so anyone can recompute a chain from the rows with `sha256sum`.
public enum HashChain {
    /// What the first event of a negotiation chains from.
    public static let origin = ""

    public static func link(previous: String, canonicalJSON: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(previous.utf8))
        hasher.update(data: Array(canonicalJSON.utf8))
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
