internal import XMLCore
import Bargaining

/// Reads values out of an element that passed schema validation. The schema guarantees the
/// shape; this still checks every step, so that a surprise becomes an ``ImportError`` naming
/// the element's path rather than a crash.
struct ElementReader {
    let element: XMLElement
    let path: String
    let document: String

    init(_ element: XMLElement, document: String) {
        self.element = element
        self.path = "/" + element.name
        self.document = document
    }

    private init(_ element: XMLElement, path: String, document: String) {
        self.element = element
        self.path = path
        self.document = document
    }

    func fail(_ reason: String) -> ImportError {
        .inconsistent(document: document, reason: "\(path): \(reason)")
    }

    func child(_ name: String) throws(ImportError) -> ElementReader {
        guard let found = optionalChild(name) else { throw fail("missing element \(name)") }
        return found
    }

    func optionalChild(_ name: String) -> ElementReader? {
        element.firstChild(named: name).map { ElementReader($0, path: "\(path)/\(name)", document: document) }
    }

    func children(_ name: String) -> [ElementReader] {
        element.children(named: name).enumerated().map { index, child in
            ElementReader(child, path: "\(path)/\(name)[\(index + 1)]", document: document)
        }
    }

    /// The element's own `xml:lang`, if it states one.
    var language: String? { element.attribute("lang", namespace: XMLWriter.xmlNamespace) }

    /// The element's text exactly as written (strings keep their whitespace).
    var text: String { element.text }

    /// The text with XML Schema's `collapse` applied, as for numbers, dates and booleans.
    var token: String { Self.collapse(element.text) }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    func string(_ name: String) throws(ImportError) -> String { try child(name).text }

    func optionalString(_ name: String) -> String? { optionalChild(name)?.text }

    func attribute(_ name: String) throws(ImportError) -> String {
        guard let value = element.attribute(name) else { throw fail("missing attribute \(name)") }
        return value
    }

    func intValue() throws(ImportError) -> Int {
        guard let value = Self.integer(token) else { throw fail("'\(token)' is not a whole number") }
        return value
    }

    func int(_ name: String) throws(ImportError) -> Int { try child(name).intValue() }

    func optionalInt(_ name: String) throws(ImportError) -> Int? {
        guard let child = optionalChild(name) else { return nil }
        return try child.intValue()
    }

    func intAttribute(_ name: String) throws(ImportError) -> Int {
        let text = Self.collapse(try attribute(name))
        guard let value = Self.integer(text) else { throw fail("attribute \(name) '\(text)' is not a whole number") }
        return value
    }

    /// An XML Schema integer lexical form: optional sign, digits.
    static func integer(_ text: String) -> Int? {
        Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    func dayValue() throws(ImportError) -> Day {
        guard let day = Day(token) else { throw fail("'\(token)' is not a date (YYYY-MM-DD)") }
        return day
    }

    func day(_ name: String) throws(ImportError) -> Day { try child(name).dayValue() }

    func optionalDay(_ name: String) throws(ImportError) -> Day? {
        guard let child = optionalChild(name) else { return nil }
        return try child.dayValue()
    }

    func bool(_ name: String) throws(ImportError) -> Bool {
        let child = try child(name)
        switch child.token {
        case "true", "1": return true
        case "false", "0": return false
        default: throw child.fail("'\(child.token)' is not a boolean")
        }
    }

    /// A value of a `RawRepresentable` enumeration (side, level, role, outcome).
    func enumeration<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws(ImportError) -> Value
    where Value.RawValue == String {
        let child = try child(name)
        return try child.enumerationValue(Value.self)
    }

    func enumerationValue<Value: RawRepresentable>(_ type: Value.Type) throws(ImportError) -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else { throw fail("'\(text)' is not an allowed value") }
        return value
    }

    func enumerationAttribute<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws(ImportError) -> Value
    where Value.RawValue == String {
        let text = try attribute(name)
        guard let value = Value(rawValue: text) else { throw fail("attribute \(name) '\(text)' is not an allowed value") }
        return value
    }

    /// A number written with exactly two decimals (`2800.00`, `5.00`), in hundredths.
    static func hundredths(_ text: String) -> Int? {
        var digits = Self.collapse(text)
        var negative = false
        if digits.hasPrefix("-") { negative = true; digits.removeFirst() } else if digits.hasPrefix("+") { digits.removeFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, !parts[0].isEmpty,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
              let whole = Int(parts[0]), let fraction = Int(parts[1]) else { return nil }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        return negative ? -(scaled + fraction) : scaled + fraction
    }

    /// An amount whose display attribute (`yuan`, `percent`), if present, must agree with it.
    func amount(_ name: String, display: String) throws(ImportError) -> Int {
        let child = try child(name)
        let value = try child.intValue()
        if let shown = child.element.attribute(display) {
            guard Self.hundredths(shown) == value else {
                throw child.fail("\(display)=\"\(shown)\" does not agree with the amount \(value)")
            }
        }
        return value
    }

    func optionalAmount(_ name: String, display: String) throws(ImportError) -> Int? {
        guard optionalChild(name) != nil else { return nil }
        return try amount(name, display: display)
    }

    /// The `number` attributes of `items` must count 1, 2, 3…
    func checkNumbering(_ items: [ElementReader]) throws(ImportError) {
        for (index, item) in items.enumerated() {
            let number = try item.intAttribute("number")
            guard number == index + 1 else { throw item.fail("is numbered \(number), but it is item \(index + 1)") }
        }
    }

    func creditCode(_ name: String) throws(ImportError) -> CreditCode {
        let child = try child(name)
        do {
            return try CreditCode(child.text)
        } catch {
            throw child.fail("credit code \(child.text) \(error)")
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
