/// Numbers a column's distinct values as they come, then renumbers them in sorted order, so that
/// a report's groups come out sorted by key with no sorting per report. Keys sort in Unicode
/// code point order (their UTF-8 bytes), as `sort`, Python and SQLite sort them.
struct KeyNumbering {
    private var interner = StringInterner()

    mutating func number(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { Int32(interner.number(for: $0)) }
    }

    /// The keys sorted, and `assigned` (numbers given by `number(_:)`) rewritten to positions
    /// in them.
    func sorted(renumbering assigned: [Int32]) -> ([String], [Int32]) {
        let keys = interner.strings
        let order = keys.indices.sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
        var position = [Int32](repeating: 0, count: keys.count)
        for (sortedIndex, original) in order.enumerated() { position[original] = Int32(sortedIndex) }
        return (order.map { keys[$0] }, assigned.map { position[Int($0)] })
    }
}
