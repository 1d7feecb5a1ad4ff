import Bargaining

/// Writes RFC 4180 CSV into a byte buffer: the generator's files (millions of rows, so no
/// per-field `String` work beyond the text itself), the rejected-rows report, and (public) the
/// tables the CLI writes and the workbook rows it hands to the importers.
public struct CSVWriter {
    public private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    public init() {}

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")

    /// - Parameter guardingFormulas: false for text read back by the importer rather than
    ///   opened in a spreadsheet (a workbook's cells), which must arrive as written.
    public mutating func row(_ fields: [String], guardingFormulas: Bool = true) {
        for field in fields { self.field(field, guardingFormula: guardingFormulas) }
        endRow()
    }

    /// Quoted only when it must be: a comma, quote or line break inside. Text that a spreadsheet
    /// would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets
    /// a leading `'`, as OWASP advises against CSV injection: a rejected row such as
    /// `=WEBSERVICE(…)` opens in Excel as the text it is.
    mutating func field(_ text: String, guardingFormula: Bool = true) {
        separate()
        var text = guardingFormula && Self.isFormulaLike(text) ? "'" + text : text
        text.withUTF8 { utf8 in
            let needsQuotes = utf8.contains { $0 == Self.comma || $0 == Self.quote || $0 == 10 || $0 == 13 }
            guard needsQuotes else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(Self.quote)
            for byte in utf8 {
                if byte == Self.quote { bytes.append(Self.quote) }
                bytes.append(byte)
            }
            bytes.append(Self.quote)
        }
    }

    static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == 9 || first == 13
    }

    /// The byte order mark Excel on Chinese Windows needs to read a CSV file as UTF-8 rather than GBK.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `YYYY-MM-DD`, or an empty field for nil.
    mutating func field(_ day: Day?) {
        separate()
        guard let day else { return }
        let (year, month, dayOfMonth) = day.components
        digits(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        digits(dayOfMonth, width: 2)
    }

    mutating func field(_ number: Int) {
        separate()
        bytes.append(contentsOf: String(number).utf8)
    }

    /// Credit codes joined by `;` in one field; codes never need quoting.
    mutating func field(codes: [CreditCode]) {
        separate()
        for (index, code) in codes.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ";")) }
            bytes.append(contentsOf: code.description.utf8)
        }
    }

    public mutating func endRow() {
        bytes.append(10)
        atRowStart = true
    }

    /// Empties the buffer once its bytes are written out, keeping its capacity.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func separate() {
        if !atRowStart { bytes.append(Self.comma) }
        atRowStart = false
    }

    private mutating func digits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
