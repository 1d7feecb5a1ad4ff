import BargainingCoverage
import Testing

@Suite("SPEC §6 shortfall: the smallest whole number of enterprises to reach the target")
struct ShortfallTests {
    @Test("Exact at the boundaries: 9 of 10 at 90% needs 0, 8 of 10 needs 1, 0 of 1 needs 1",
          arguments: [(9, 10, 9_000, 0), (8, 10, 9_000, 1), (0, 1, 9_000, 1), (10, 10, 9_000, 0), (18, 20, 9_000, 0),
                      (17, 20, 9_000, 1), (2, 3, 8_500, 1), (3, 3, 8_500, 0), (0, 7, 9_000, 7), (6, 7, 9_000, 1),
                      (99, 100, 10_000, 1), (5, 7, 0, 0)])
    func boundaries(numerator: Int, denominator: Int, target: Int, expected: Int) {
        #expect(CoverageShortfall.needed(numerator: numerator, denominator: denominator, targetBasisPoints: target) == expected)
    }

    @Test("The shortfall really is the smallest k: (n + k) / d reaches the target and (n + k − 1) / d does not")
    func smallest() {
        for denominator in 1...60 {
            for numerator in 0...denominator {
                for target in [8_500, 9_000, 9_050, 10_000] {
                    let needed = CoverageShortfall.needed(numerator: numerator, denominator: denominator, targetBasisPoints: target)!
                    // Compared in integers: (n + k) × 10000 ≥ target × d.
                    #expect((numerator + needed) * 10_000 >= target * denominator)
                    if needed > 0 { #expect((numerator + needed - 1) * 10_000 < target * denominator) }
                }
            }
        }
    }

    @Test("No denominator, no shortfall")
    func noData() {
        #expect(CoverageShortfall.needed(numerator: 0, denominator: 0, targetBasisPoints: 9_000) == nil)
    }
}
