import BargainingKeys
import BargainingStore
import Foundation

/// One signed checkpoint of the store's hash chains: the heads that changed since the checkpoint
/// before it (all of them in the first), chained to that checkpoint by its digest, signed with
/// the organisation's key. Kept in an append-only file outside the database (see
/// ``CheckpointFile``), so someone who can rewrite the database cannot rewrite what was signed.
///
/// On disk, one line per checkpoint: the DER signature in base64, a space, and the payload's
/// JSON — exactly the bytes signed — so an auditor can check a line with openssl alone:
/// `cut -d' ' -f2- | tr -d '\n' | openssl dgst -sha256 -verify public.pem -signature SIG`.
public struct Checkpoint: Hashable, Sendable {
    public struct Payload: Codable, Hashable, Sendable {
        /// "bargain-checkpoint/1".
        public var format: String
        /// When it was taken, ISO 8601 UTC.
        public var at: String
        /// The SHA-256 of the previous line (signature and payload), "" for the first.
        public var previous: String
        /// How many negotiations the store held.
        public var negotiations: Int
        /// The heads new or changed since the previous checkpoint.
        public var heads: [ChainHead]
        /// The signing key's fingerprint (``TrustedKey/fingerprint``).
        public var key: String
    }

    public var payload: Payload
    /// The exact payload bytes that were signed, as read or written.
    public var payloadBytes: [UInt8]
    public var signature: [UInt8]
    /// The line as it stands in the file (without its newline): what the next checkpoint links to.
    public var line: String

    public static let format = "bargain-checkpoint/1"

    /// Signs `payload` with `key`.
    public static func signed(_ payload: Payload, with key: SigningKey) throws -> Checkpoint {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(payload))
        let signature = try key.detachedSignature(bytes)
        return Checkpoint(payload: payload, payloadBytes: bytes, signature: signature,
                          line: Data(signature).base64EncodedString() + " " + String(decoding: bytes, as: UTF8.self))
    }

    /// Reads one line; nil when it is not a checkpoint line at all.
    static func parse(_ line: Substring) -> Checkpoint? {
        guard let space = line.firstIndex(of: " "), let signature = Data(base64Encoded: String(line[..<space])) else { return nil }
        let bytes = Array(line[line.index(after: space)...].utf8)
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(bytes)), payload.format == format else { return nil }
        return Checkpoint(payload: payload, payloadBytes: bytes, signature: Array(signature), line: String(line))
    }

    /// The digest the checkpoint after this one links to (``Payload/previous``).
    var digest: String { Hex.sha256(Array(line.utf8)) }
}
