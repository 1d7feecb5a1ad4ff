/// The type of an action field, and how a person writes it. Parsing lives here, in the core, so
/// the CLI's `--set`, its prompts and a YAML data file all accept exactly the same spellings.
public enum FieldType: String, Sendable, Codable {
    case text, integer, day, flag, money, rate, list, side

    /// What a person should type, for help text and error messages.
    public var hint: String {
        switch self {
        case .text: "text"
        case .integer: "a whole number"
        case .day: "a date YYYY-MM-DD"
        case .flag: "yes or no (true/false, 是/否)"
        case .money: "an amount in yuan, e.g. 2540 or 2540.50"
        case .rate: "a percentage, e.g. 5 or 5.5%"
        case .list: "names separated by commas"
        case .side: "employee or employer"
        }
    }

    /// Parses a person's text, or returns nil when it is not of this type.
    public func parse(_ raw: String) -> FieldValue? {
        let text = raw.trimmingWhitespace()
        switch self {
        case .text:
            return text.isEmpty ? nil : .text(text)
        case .integer:
            return Int(text).map(FieldValue.integer)
        case .day:
            return Day(text).map(FieldValue.day)
        case .flag:
            switch text.lowercased() {
            case "yes", "y", "true", "1", "是": return .flag(true)
            case "no", "n", "false", "0", "否": return .flag(false)
            default: return nil
            }
        case .money:
            return FieldType.parseFixedPoint(text, decimals: 2).map(FieldValue.money)
        case .rate:
            let number = text.hasSuffix("%") ? String(text.dropLast()) : text
            return FieldType.parseFixedPoint(number.trimmingWhitespace(), decimals: 2).map(FieldValue.rate)
        case .list:
            let items = text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0 == ";" })
                .map { String($0).trimmingWhitespace() }
                .filter { !$0.isEmpty }
            return .list(items)
        case .side:
            switch text.lowercased() {
            case "employee", "employee-side", "职工方": return .side(.employee)
            case "employer", "employer-side", "企业方": return .side(.employer)
            default: return nil
            }
        }
    }

    /// Whether a value already has this type (values from storage or a library caller).
    public func accepts(_ value: FieldValue) -> Bool {
        switch (self, value) {
        case (.text, .text), (.integer, .integer), (.day, .day), (.flag, .flag), (.money, .money),
             (.rate, .rate), (.list, .list), (.side, .side):
            return true
        default:
            return false
        }
    }

    /// `12.5` with 2 decimals → 1250. Exact: no floating point touches a wage.
    static func parseFixedPoint(_ text: String, decimals: Int) -> Int? {
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
              let wholeValue = Int(whole) else { return nil }
        var fractionValue = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= decimals, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            fractionValue = Int(fraction + String(repeating: "0", count: decimals - fraction.count))!
        }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let (product, overflow) = wholeValue.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        let value = product + fractionValue
        return negative ? -value : value
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
