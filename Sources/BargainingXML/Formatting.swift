internal import XMLCore
import Bargaining

/// How numbers and dates are spelled in every export: one place, so writing and reading agree.
enum Spelling {
    /// The documents' language (BCP 47), on each root as `xml:lang`: the prose is Chinese.
    static let chinese = "zh-CN"
    /// Marks the engine's English sentences that follow their Chinese rendering.
    static let english = "en"

    /// `2800.00` for 280000 fen.
    static func yuan(_ fen: Int) -> String { twoDecimals(fen) }

    /// `5.00` for 500 basis points.
    static func percent(_ basisPoints: Int) -> String { twoDecimals(basisPoints) }

    /// `n / 100` with exactly two decimals.
    private static func twoDecimals(_ hundredths: Int) -> String {
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(hundredths < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func boolean(_ value: Bool) -> String { value ? "true" : "false" }

    /// `YYYY-MM-DD`, as `Day.description` spells it, without its intermediate strings: an
    /// export writes a few dozen dates, and this is on the benchmark's path.
    static func date(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        guard (0...9999).contains(year) else { return day.description }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, at offset: Int, digits: Int) {
                var value = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, at: 0, digits: 4)
            buffer[4] = UInt8(ascii: "-")
            put(month, at: 5, digits: 2)
            buffer[7] = UInt8(ascii: "-")
            put(dayOfMonth, at: 8, digits: 2)
            return 10
        }
    }

    /// `2025年4月30日`, for the human-readable text of the Akoma Ntoso rendition.
    static func chineseDate(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        return "\(year)年\(month)月\(dayOfMonth)日"
    }

    /// A file name for a document about `id`: characters other than ASCII letters, digits,
    /// `-`, `_` and `.` are percent-encoded (UTF-8), so any id gives a safe, distinct,
    /// reversible name, and a leading dot cannot hide the file.
    static func fileStem(_ id: String) -> String {
        var out = ""
        for (index, byte) in id.utf8.enumerated() {
            let isSafe = (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || (byte == UInt8(ascii: ".") && index > 0)
            if isSafe {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = Array("0123456789ABCDEF")
                out += "%\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
            }
        }
        return out
    }
}

extension XMLWriter {
    /// `xml:lang` on the element just started.
    mutating func language(_ tag: String) throws(XMLError) {
        try attribute("lang", prefix: "xml", namespace: XMLWriter.xmlNamespace, tag)
    }

    /// `<name>text</name>` in the namespace in scope.
    mutating func value(_ name: String, _ text: String) throws(XMLError) {
        try element(name, text: text)
    }

    mutating func value(_ name: String, _ number: Int) throws(XMLError) {
        try element(name, text: String(number))
    }

    mutating func value(_ name: String, _ day: Day) throws(XMLError) {
        try element(name, text: Spelling.date(day))
    }

    mutating func value(_ name: String, _ flag: Bool) throws(XMLError) {
        try element(name, text: Spelling.boolean(flag))
    }

    mutating func optionalValue(_ name: String, _ text: String?) throws(XMLError) {
        if let text { try element(name, text: text) }
    }

    mutating func optionalValue(_ name: String, _ number: Int?) throws(XMLError) {
        if let number { try element(name, text: String(number)) }
    }

    mutating func optionalValue(_ name: String, _ day: Day?) throws(XMLError) {
        if let day { try element(name, text: Spelling.date(day)) }
    }

    /// `<name attribute="value">text</name>`.
    mutating func value(_ name: String, _ text: String, attribute: String, _ attributeValue: String) throws(XMLError) {
        try startElement(name)
        try self.attribute(attribute, attributeValue)
        try self.text(text)
        try endElement()
    }
}
