import Crypto

/// Lowercase hexadecimal, as every digest in an export is written.
package enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    package static func string<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    package static func sha256(_ bytes: [UInt8]) -> String { string(SHA256.hash(data: bytes)) }

    /// 64 lowercase hexadecimal digits.
    package static func isSHA256(_ text: String) -> Bool {
        let utf8 = text.utf8
        return utf8.count == 64 && utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
