/// A year's published wage guideline (工资指导线): lower line, baseline and upper (warning) line,
/// in basis points of annual growth (S4 art 8). Not binding: outside it the engine only warns.
public struct WageGuideline: Hashable, Sendable {
    public var year: Int
    public var lowerBP: Int
    public var baselineBP: Int
    public var upperBP: Int

    public init(year: Int, lowerBP: Int, baselineBP: Int, upperBP: Int) {
        self.year = year
        self.lowerBP = lowerBP
        self.baselineBP = baselineBP
        self.upperBP = upperBP
    }
}
