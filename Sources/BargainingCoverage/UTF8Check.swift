/// UTF-8 validation of a byte range in place. The importer checks only the fields that hold
/// non-ASCII bytes, and must say which field is bad, so it validates ranges rather than asking
/// `String(validating:)` to build strings it may not need.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        func continuation(_ offset: Int) -> Bool {
            index + offset < end && bytes[index + offset] & 0xC0 == 0x80
        }
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if lead < 0xC2 {
                return false
            } else if lead < 0xE0 {
                guard continuation(1) else { return false }
                index += 2
            } else if lead < 0xF0 {
                guard continuation(1), continuation(2) else { return false }
                let second = bytes[index + 1]
                // Overlong forms, and the UTF-16 surrogates, which UTF-8 may not encode.
                if lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F { return false }
                index += 3
            } else if lead < 0xF5 {
                guard continuation(1), continuation(2), continuation(3) else { return false }
                let second = bytes[index + 1]
                // Overlong forms, and code points above U+10FFFF.
                if lead == 0xF0 && second < 0x90 || lead == 0xF4 && second > 0x8F { return false }
                index += 4
            } else {
                return false
            }
        }
        return true
    }
}
