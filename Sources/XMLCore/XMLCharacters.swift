/// The XML 1.0 (fifth edition) character and name rules the writer enforces.
enum XMLCharacters {
    /// The first scalar that XML 1.0 forbids in text, if any.
    ///
    /// Swift strings hold no surrogates, so only C0 controls other than tab, newline and
    /// carriage return, and U+FFFE / U+FFFF (UTF-8 `EF BF BE` / `EF BF BF`) need checking.
    static func firstForbiddenScalar(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                return UInt32(byte)
            }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF,
                bytes[index + 2] >= 0xBE
            {
                return 0xFFF0 | UInt32(bytes[index + 2] & 0x0F)
            }
            index += 1
        }
        return nil
    }

    /// Whether `name` matches the XML `Name` production, without colons when `allowColon` is off
    /// (local names and prefixes).
    static func isName(_ name: String, allowColon: Bool) -> Bool {
        var isFirst = true
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value == 0x3A, !allowColon { return false }
            guard isFirst ? isNameStart(value) : isNameStart(value) || isNameRest(value) else {
                return false
            }
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
