extension String {
    /// The same answer as `==` (canonical equivalence), without its cost for the names the rules
    /// compare all the time.
    ///
    /// `==` on two different non-ASCII strings, such as the Chinese names of representatives,
    /// first checks both for normalization, hundreds of instructions per pair, and the
    /// representative rules compare every name with every other. Text made only of ASCII and CJK
    /// unified ideographs (U+4E00–U+9FFF) is already in NFC (none of these characters decomposes
    /// or combines), and two NFC strings are equivalent exactly when their bytes are equal. So
    /// equal bytes answer yes, bytes of two such texts answer no, and anything else asks `==`.
    func isSameText(as other: String) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs -> Bool? in
                if String.sameBytes(lhs, rhs) { return true }
                return String.isPlainCJK(lhs) && String.isPlainCJK(rhs) ? false : nil
            } ?? nil
        } ?? nil
        return answer ?? (self == other)
    }

    private static func sameBytes(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in 0..<lhs.count where lhs[index] != rhs[index] { return false }
        return true
    }

    /// Whether UTF-8 `bytes` hold only ASCII and CJK unified ideographs (U+4E00–U+9FFF, encoded
    /// as E4 B8 80 … E9 BF BF), all of which are in NFC and combine with nothing.
    private static func isPlainCJK(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            guard (0xE4...0xE9).contains(lead), index + 2 < bytes.count, lead != 0xE4 || bytes[index + 1] >= 0xB8 else { return false }
            index += 3
        }
        return true
    }
}

extension Delegation {
    /// Whether `name` sits in this delegation (chief, member or expert), without building
    /// ``everyone``.
    func includes(_ name: String) -> Bool {
        chief.isSameText(as: name) || members.contains { $0.isSameText(as: name) } || experts.contains { $0.isSameText(as: name) }
    }
}
