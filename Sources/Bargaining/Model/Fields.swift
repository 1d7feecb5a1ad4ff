/// The values an action or event carries, by field name.
public struct Fields: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public typealias Key = String
    public typealias Value = FieldValue

    public private(set) var map: SmallMap<FieldValue>

    public init(_ values: [String: FieldValue] = [:]) { map = SmallMap(values.map { ($0.key, $0.value) }) }
    public init(dictionaryLiteral elements: (String, FieldValue)...) { map = SmallMap(elements) }

    public subscript(name: String) -> FieldValue? {
        get { map[name] }
        set { map[name] = newValue }
    }

    public var count: Int { map.count }
    public var isEmpty: Bool { map.isEmpty }
    /// Names in a stable (sorted) order, for display and canonical encoding.
    public var sortedNames: [String] { map.names }
    public var entries: [SmallMap<FieldValue>.Entry] { map.entries }

    public func text(_ name: String) -> String? { if case .text(let v)? = map[name] { v } else { nil } }
    public func integer(_ name: String) -> Int? { if case .integer(let v)? = map[name] { v } else { nil } }
    public func day(_ name: String) -> Day? { if case .day(let v)? = map[name] { v } else { nil } }
    public func flag(_ name: String) -> Bool? { if case .flag(let v)? = map[name] { v } else { nil } }
    public func money(_ name: String) -> Int? { if case .money(let v)? = map[name] { v } else { nil } }
    public func rate(_ name: String) -> Int? { if case .rate(let v)? = map[name] { v } else { nil } }
    public func list(_ name: String) -> [String] { if case .list(let v)? = map[name] { v } else { [] } }
    public func side(_ name: String) -> Side? { if case .side(let v)? = map[name] { v } else { nil } }
}
