import Bargaining

/// Ids for new negotiations when the chair does not choose one: `ENT-2025-K7Q3XM`, level and
/// year first so a list sorts readably, then six characters that are hard to misread (no 0/O,
/// 1/I/L), which keeps collisions negligible among a district's thousands.
public enum NegotiationID {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    public static func prefix(_ level: Level) -> String {
        switch level {
        case .enterprise: "ENT"
        case .industry: "IND"
        case .regional: "REG"
        }
    }

    public static func make(_ level: Level, year: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let suffix = String((0..<6).map { _ in alphabet.randomElement(using: &generator)! })
        return "\(prefix(level))-\(year)-\(suffix)"
    }

    /// Letters, digits, `-`, `_` and `.`, 1 to 64 of them: safe in a shell, a file name and a URL.
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}
