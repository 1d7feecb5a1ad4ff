import Testing
import BargainingOffice

@Test func defaultLimitsAreExcelsOwn() {
    // Excel's sheet is 16,384 columns by 1,048,576 rows; the default allows any real workbook.
    let limits = OfficeLimits()
    #expect(limits.columns == 16_384)
    #expect(limits.rows >= 1_048_576)
}
