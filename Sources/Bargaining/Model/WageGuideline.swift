/// A year's published wage guideline (工资指导线): lower line, baseline and upper (warning) line,
/// in basis points of annual growth (S4 art 8). Not binding: outside it the engine only warns.
///
/// A line is nil where no source read established it; the check then says it could not compare
/// the rate with that line, instead of comparing it with a remembered figure.
public struct WageGuideline: Hashable, Sendable {
    public var year: Int
    public var lowerBP: Int?
    public var baselineBP: Int?
    public var upperBP: Int?
    /// The notice (or, when `verified` is false, the secondary report) the lines come from.
    public var source: String
    /// False when any line rests on a secondary source, or none could be established.
    public var verified: Bool

    public init(year: Int, lowerBP: Int?, baselineBP: Int?, upperBP: Int?, source: String = "", verified: Bool = true) {
        self.year = year
        self.lowerBP = lowerBP
        self.baselineBP = baselineBP
        self.upperBP = upperBP
        self.source = source
        self.verified = verified
    }
}
