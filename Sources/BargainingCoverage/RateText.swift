/// Percentages for people, computed from the whole numbers behind them, so that a chart and a
/// table never disagree in the last digit because of floating-point rounding.
public enum RateText {
    /// `92.3%`: to a tenth of a percent, halves rounded up.
    public static func percent(_ numerator: Int, _ denominator: Int) -> String {
        let tenths = (numerator * 2_000 + denominator) / (2 * denominator)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// A target in basis points: `90%`, or `85.5%` when it has a fraction.
    public static func target(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        guard fraction != 0 else { return "\(whole)%" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(whole).\(digits)%"
    }
}
