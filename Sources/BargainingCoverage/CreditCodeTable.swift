import Bargaining

/// Finds a registry enterprise by the 18 bytes of its credit code as they stand in a CSV file,
/// without building a `String` or a `CreditCode` first. A contracts file names millions of codes,
/// nearly all of enterprises already in the registry; this is what keeps its import fast. Codes
/// that are not found are checked properly afterwards, to say whether they are bad or unknown.
struct CreditCodeTable {
    /// The codes, in the order given; `index(of:)` answers with positions in this array.
    let codes: [CreditCode]
    private var highs: [UInt64] = []
    private var lows: [UInt64] = []
    /// Index into `codes`, or -1 for an empty slot; open addressing, at most half full.
    private var slots: [Int32]

    /// Byte → the character's value in the code's alphabet, or -1.
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, byte) in "0123456789ABCDEFGHJKLMNPQRTUWXY".utf8.enumerated() { table[Int(byte)] = Int8(value) }
        return table
    }()

    init(_ codes: [CreditCode]) {
        self.codes = codes
        var capacity = 64
        while capacity < codes.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        highs.reserveCapacity(codes.count)
        lows.reserveCapacity(codes.count)
        for (index, code) in codes.enumerated() {
            var text = code.description
            let key = text.withUTF8 { Self.pack($0) }
            // Every `CreditCode` is made of the alphabet's characters.
            guard let key else { preconditionFailure("credit code \(code) has a character outside its alphabet") }
            highs.append(key.high)
            lows.append(key.low)
            var slot = Self.slot(key, capacity)
            while slots[slot] >= 0 {
                if highs[Int(slots[slot])] == key.high && lows[Int(slots[slot])] == key.low { break }
                slot = (slot + 1) & (capacity - 1)
            }
            if slots[slot] < 0 { slots[slot] = Int32(index) }
        }
    }

    /// The position of the code spelled by `bytes`, or nil when it is not 18 characters of the
    /// alphabet or not in the table.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let key = Self.pack(bytes) else { return nil }
        var slot = Self.slot(key, slots.count)
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if highs[index] == key.high && lows[index] == key.low { return index }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (high: UInt64, low: UInt64)? {
        guard bytes.count == 18 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<18 {
            let value = values[Int(bytes[index])]
            guard value >= 0 else { return nil }
            if index < 9 { high = high << 5 | UInt64(value) } else { low = low << 5 | UInt64(value) }
        }
        return (high, low)
    }

    private static func slot(_ key: (high: UInt64, low: UInt64), _ capacity: Int) -> Int {
        var hash = key.high &* 0x9E37_79B9_7F4A_7C15 ^ key.low &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 29
        return Int(truncatingIfNeeded: hash) & (capacity - 1)
    }
}
