/// A few named values kept sorted by name. Action fields and recorded dates number a handful, so a
/// scan with small-string comparisons beats hashing every lookup, and the sorted order doubles as
/// the canonical order for encoding and display.
public struct SmallMap<Value: Hashable & Sendable>: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var value: Value
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public init(_ pairs: some Sequence<(String, Value)>) {
        for (name, value) in pairs { self[name] = value }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var names: [String] { entries.map(\.name) }

    public subscript(name: String) -> Value? {
        get {
            for entry in entries where entry.name == name { return entry.value }
            return nil
        }
        set {
            let index = entries.firstIndex { $0.name >= name } ?? entries.endIndex
            let present = index < entries.endIndex && entries[index].name == name
            switch (present, newValue) {
            case (true, let value?): entries[index].value = value
            case (true, nil): entries.remove(at: index)
            case (false, nil): break
            case (false, let value?):
                // Start with room for a typical map (an act's fields, a state's dates) instead
                // of growing one entry at a time, each growth a new buffer.
                if entries.capacity == 0 { entries.reserveCapacity(8) }
                entries.insert(Entry(name: name, value: value), at: index)
            }
        }
    }
}
