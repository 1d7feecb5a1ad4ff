/// An exact ratio such as 2/3 or 1/5. Quorums are compared in integers (P·den ≥ N·num) so that
/// "exactly two-thirds" is decided without floating-point doubt.
public struct Fraction: Hashable, Sendable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init?(numerator: Int, denominator: Int) {
        guard denominator > 0, numerator >= 0, numerator <= denominator else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Parses `2/3` or `0.9`-free forms only: a ratio of two whole numbers.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let n = Int(parts[0].trimmingCharacters()), let d = Int(parts[1].trimmingCharacters()) else { return nil }
        self.init(numerator: n, denominator: d)
    }

    /// The smallest whole count that reaches this share of `total` (⌈total·n/d⌉).
    public func minimumCount(of total: Int) -> Int {
        (total * numerator + denominator - 1) / denominator
    }

    /// The largest whole count that does not exceed this share of `total` (⌊total·n/d⌋).
    public func maximumCount(of total: Int) -> Int { total * numerator / denominator }

    public var description: String { "\(numerator)/\(denominator)" }

    /// Built once: the congress rule names its quorum on every vote.
    private static let chineseDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// 2/3 → 三分之二, for messages a union chair reads.
    public var chineseName: String {
        let digits = Fraction.chineseDigits
        guard numerator <= 10, denominator <= 10 else { return description }
        return "\(digits[denominator])分之\(digits[numerator])"
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingWhitespace() }
}
