/// Turning a field's bytes into its value. Spaces and tabs around a value are dropped: they are
/// invisible in a spreadsheet, and a date or code that fails over one would puzzle its reader.
enum CSVText {
    /// The field's bytes without the spaces around them: ASCII spaces and tabs, the ideographic
    /// space U+3000 (E3 80 80) a Chinese input method types, and the no-break space (C2 A0).
    static func trimmedRange(of field: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = field.start
        var end = field.end
        while start < end {
            if bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            else if start + 1 < end, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 { start += 2 }
            else if start + 2 < end, bytes[start] == 0xE3, bytes[start + 1] == 0x80, bytes[start + 2] == 0x80 { start += 3 }
            else { break }
        }
        while end > start {
            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            else if end - 2 >= start, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2 }
            else if end - 3 >= start, bytes[end - 3] == 0xE3, bytes[end - 2] == 0x80, bytes[end - 1] == 0x80 { end -= 3 }
            else { break }
        }
        return start..<end
    }

    /// A record with nothing in any cell: what Excel leaves below a table (`,,,,,,`).
    static func isBlank(_ record: CSVRecord, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        record.fields.allSatisfy { trimmedRange(of: $0, in: bytes).isEmpty }
    }

    /// The trimmed value as text, `""` undoubled. The bytes must already be valid UTF-8.
    static func value(of field: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let range = trimmedRange(of: field, in: bytes)
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard field.hasEscapedQuotes else { return String(decoding: slice, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(slice.count)
        var index = 0
        while index < slice.count {
            unescaped.append(slice[index])
            index += slice[index] == UInt8(ascii: "\"") ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// `true/false` (any case), `是/否`, `1/0`; nil for anything else.
    static func bool(_ value: UnsafeBufferPointer<UInt8>) -> Bool? {
        if value.elementsEqual("1".utf8) || value.elementsEqual("是".utf8) || equalsIgnoringASCIICase(value, "true") { return true }
        if value.elementsEqual("0".utf8) || value.elementsEqual("否".utf8) || equalsIgnoringASCIICase(value, "false") { return false }
        return nil
    }

    private static func equalsIgnoringASCIICase(_ value: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return value.count == expected.count && zip(value, expected).allSatisfy { $0 | 0x20 == $1 }
    }
}
