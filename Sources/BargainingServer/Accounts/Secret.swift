import Crypto
import Foundation

/// Bearer tokens and session cookies: 32 random bytes from the system's generator, written as
/// URL-safe Base64 after a `bgn_` prefix (so a leaked token is recognisable in logs and secret
/// scanners). Only ``digest(_:)`` of a secret is stored; a high-entropy secret needs no slow hash.
enum Secret {
    static let prefix = "bgn_"

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + base64URL(bytes)
    }

    /// Lowercase hex SHA-256 of the secret's UTF-8 bytes.
    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Array(secret.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// RFC 4648 §5 (URL-safe alphabet, no padding), so the token needs no escaping in a header,
    /// a cookie or a config file.
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
