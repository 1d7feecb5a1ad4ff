/// A cell's `A1` reference, as a 1-based column and row; also writes column letters back.
struct CellReference: Hashable {
    var column: Int
    var row: Int

    /// `B3`; nil for anything else. Seven letters at most (far past Excel's `XFD`), so that
    /// `r="AAAAAAAAAAAAAAAAAAAA1"` cannot overflow.
    init?(_ text: String) {
        var column = 0
        var letters = 0
        var row = 0
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                letters += 1
                guard letters <= 7 else { return nil }
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where column > 0:
                sawDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                guard row <= 100_000_000 else { return nil }
            default:
                return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        self.column = column
        self.row = row
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    var description: String { Self.letters(column) + String(row) }

    /// `A` for 1, `Z` for 26, `AA` for 27.
    static func letters(_ column: Int) -> String {
        var rest = column
        var letters: [UInt8] = []
        while rest > 0 {
            rest -= 1
            letters.append(UInt8(ascii: "A") + UInt8(rest % 26))
            rest /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}
