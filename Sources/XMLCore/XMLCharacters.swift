/// The XML 1.0 (fifth edition) character and name rules the writer enforces.
enum XMLCharacters {
    /// The first scalar that XML 1.0 forbids in text, if any.
    ///
    /// Swift strings hold no surrogates, so only C0 controls other than tab, newline and
    /// carriage return, and U+FFFE / U+FFFF (UTF-8 `EF BF BE` / `EF BF BF`) need checking.
    /// Text is most of what a document holds, so eight bytes are tested at once and only words
    /// with a byte below 0x20 or an `EF` are looked at byte by byte.
    static func firstForbiddenScalar(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let ef = word ^ 0xEFEF_EFEF_EFEF_EFEF
                let suspects =
                    ((word &- 0x2020_2020_2020_2020) & ~word  // a byte below 0x20
                        | (ef &- 0x0101_0101_0101_0101) & ~ef)  // a byte equal to 0xEF
                    & 0x8080_8080_8080_8080
                if suspects == 0 {
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                return UInt32(byte)
            }
            if byte == 0xEF, index + 2 < count, base[index + 1] == 0xBF, base[index + 2] >= 0xBE {
                return 0xFFF0 | UInt32(base[index + 2] & 0x0F)
            }
            index += 1
        }
        return nil
    }

    /// Whether `name` matches the XML `Name` production, without colons when `allowColon` is off
    /// (local names and prefixes).
    static func isName(_ name: String, allowColon: Bool) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { isName($0, allowColon: allowColon) }
            ?? Array(name.utf8).withUnsafeBufferPointer { isName($0, allowColon: allowColon) }
    }

    /// `isName` on the UTF-8 bytes of a name, which the writer holds anyway to pass to libxml2.
    static func isName(_ bytes: UnsafeBufferPointer<UInt8>, allowColon: Bool) -> Bool {
        // Names are nearly always ASCII and written once per element, so they are checked
        // against bit sets a byte at a time; scalars are decoded only for other names.
        let colon: UInt64 = allowColon ? 1 << 0x3A : 0
        var allowedLow = colon
        for byte in bytes {
            guard byte < 0x80 else { return matchesName(decoding: bytes, allowColon: allowColon) }
            let allowed = byte < 64 ? allowedLow : asciiNameStartHigh
            guard allowed & (1 << UInt64(byte & 63)) != 0 else { return false }
            allowedLow = asciiNameRestLow | colon
        }
        return !bytes.isEmpty
    }

    /// Bytes 64–127 that may start or continue a name: `A`–`Z`, `_`, `a`–`z`.
    private static let asciiNameStartHigh: UInt64 = 0x07FF_FFFE_87FF_FFFE
    /// Bytes 0–63 that may continue a name, colon aside: `-`, `.`, `0`–`9`.
    private static let asciiNameRestLow: UInt64 = 0x03FF_6000_0000_0000

    private static func matchesName(
        decoding bytes: UnsafeBufferPointer<UInt8>, allowColon: Bool
    ) -> Bool {
        var isFirst = true
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            let value = scalar.value
            if value == 0x3A, !allowColon { return false }
            guard isNameStart(value) || (!isFirst && isNameRest(value)) else { return false }
            isFirst = false
        }
        return !isFirst
    }

    private static func isNameStart(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x3A: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
            0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
            0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default: false
        }
    }

    private static func isNameRest(_ v: UInt32) -> Bool {
        switch v {
        case 0x30...0x39, 0x2D, 0x2E, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: false
        }
    }
}
