import Bargaining

/// Values as Excel and WPS users type them, read when the strict form (`2019-05-02`, `1186`,
/// `true`) fails: the strict form stays the fast path for files the tool itself wrote.
enum ExcelText {
    /// Full-width ASCII (U+FF01–U+FF5E, what a Chinese input method types) as ASCII, and the
    /// ideographic space U+3000 and the no-break space as spaces, then trimmed.
    static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000, 0x00A0: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars).trimmingSpaces
    }

    /// `2019-5-2`, `2019/5/2`, `2019.5.2`, `2019年5月2日`, `20190502`, each possibly followed by a
    /// time of day (`2019/5/2 0:00`), which Excel adds when it saves a date cell as CSV.
    static func day(_ text: String) -> Day? {
        var text = halfWidth(text)
        if let space = text.firstIndex(of: " ") { text = String(text[..<space]) }
        if text.count == 8, text.allSatisfy(\.isASCIIDigit) {
            return Day(year: Int(text.prefix(4))!, month: Int(text.dropFirst(4).prefix(2))!, day: Int(text.suffix(2))!)
        }
        if text.hasSuffix("日") { text.removeLast() }
        let parts = text.split(omittingEmptySubsequences: false) { "-/.年月".contains($0) }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// `1186`, `1,186`, `１２０`; nil for anything else (a decimal, a word).
    static func wholeNumber(_ text: String) -> Int? {
        let text = halfWidth(text)
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.count <= (groups.count > 1 ? 3 : 18),
              groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return Int(groups.joined())
    }

    /// Yes and no as registries write them: 是/否, 有/无, √/×, Y/N, yes/no, true/false, 1/0.
    static func bool(_ text: String) -> Bool? {
        switch halfWidth(text).lowercased() {
        case "是", "有", "√", "✓", "✔", "y", "yes", "true", "1": true
        case "否", "无", "×", "✗", "n", "no", "false", "0": false
        default: nil
        }
    }

    /// A number Excel displays in scientific notation (`9.11101E+17`): what a credit code of
    /// digits becomes when its column is not formatted as text, with its last digits lost.
    static func isScientific(_ text: String) -> Bool {
        let parts = halfWidth(text).uppercased().split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        // Excel's form: one digit, optionally a point and more digits, then E+ and the exponent.
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        var exponent = parts[1]
        if exponent.first == "+" { exponent.removeFirst() }
        return mantissa[0].count == 1 && mantissa.count <= 2 && mantissa.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
            && (1...2).contains(exponent.count) && exponent.allSatisfy(\.isASCIIDigit)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
