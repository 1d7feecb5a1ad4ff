/// One value an action carries. Amounts of money are integers in fen (分) and rates are integers
/// in basis points, so no rounding ever changes a wage term between entry, storage and export.
public enum FieldValue: Hashable, Sendable {
    case text(String)
    case integer(Int)
    case day(Day)
    case flag(Bool)
    /// Money in fen (1 yuan = 100 fen).
    case money(Int)
    /// A rate in basis points (1% = 100).
    case rate(Int)
    case list([String])
    /// The other side of the table (who chaired a round).
    case side(Side)
}

extension FieldValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .text(let s): s
        case .integer(let n): String(n)
        case .day(let d): d.description
        case .flag(let b): b ? "yes" : "no"
        case .money(let fen): FieldValue.formatYuan(fen)
        case .rate(let bp): FieldValue.formatRate(bp)
        case .list(let items): items.joined(separator: ", ")
        case .side(let s): s.rawValue
        }
    }

    /// `2540.00` for 254000 fen.
    static func formatYuan(_ fen: Int) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `5.5%` for 550 basis points.
    static func formatRate(_ basisPoints: Int) -> String {
        let sign = basisPoints < 0 ? "-" : ""
        let magnitude = basisPoints.magnitude
        var fraction = String(magnitude % 100)
        if fraction.count == 1 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(magnitude / 100)\(fraction.isEmpty ? "" : "." + fraction)%"
    }
}
