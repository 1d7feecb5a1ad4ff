/// The values an action or event carries, by field name.
public struct Fields: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var values: [String: FieldValue]

    public init(_ values: [String: FieldValue] = [:]) { self.values = values }
    public typealias Key = String
    public typealias Value = FieldValue

    public init(dictionaryLiteral elements: (String, FieldValue)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public subscript(name: String) -> FieldValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    public var isEmpty: Bool { values.isEmpty }
    /// Names in a stable order, for display and canonical encoding.
    public var sortedNames: [String] { values.keys.sorted() }

    public func text(_ name: String) -> String? { if case .text(let v)? = values[name] { v } else { nil } }
    public func integer(_ name: String) -> Int? { if case .integer(let v)? = values[name] { v } else { nil } }
    public func day(_ name: String) -> Day? { if case .day(let v)? = values[name] { v } else { nil } }
    public func flag(_ name: String) -> Bool? { if case .flag(let v)? = values[name] { v } else { nil } }
    public func money(_ name: String) -> Int? { if case .money(let v)? = values[name] { v } else { nil } }
    public func rate(_ name: String) -> Int? { if case .rate(let v)? = values[name] { v } else { nil } }
    public func list(_ name: String) -> [String] { if case .list(let v)? = values[name] { v } else { [] } }
    public func side(_ name: String) -> Side? { if case .side(let v)? = values[name] { v } else { nil } }
}
