/// One `String` per distinct district, street or industry name, found by its UTF-8 bytes. A
/// million registry rows name a few hundred places: without interning each row would carry its
/// own copies, and grouping would hash a million Chinese strings through Unicode normalization.
/// Keys are equal when their bytes are, as in most tools and in SQLite.
struct StringInterner {
    /// In order of first appearance; `number(for:)` answers with positions in this array.
    private(set) var strings: [String] = []
    private var keys: [[UInt8]] = []
    /// Index into `strings`, or -1 for an empty slot; open addressing, at most half full.
    private var slots = [Int32](repeating: -1, count: 64)

    /// The shared string for these bytes, which must be valid UTF-8.
    mutating func string(for bytes: UnsafeBufferPointer<UInt8>) -> String {
        strings[number(for: bytes)]
    }

    /// The position in `strings` of the string with these bytes, added if new.
    mutating func number(for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if keys[index].elementsEqual(bytes) { return index }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Int32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        keys.append(Array(bytes))
        if strings.count * 2 > slots.count { grow() }
        return strings.count - 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (index, key) in keys.enumerated() {
            var slot = key.withUnsafeBufferPointer { Int(truncatingIfNeeded: Self.hash($0)) } & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index)
        }
    }

    /// FNV-1a: short keys, no need for anything stronger.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ hash >> 32
    }
}
