import Bargaining
import Foundation

/// A cell's number as Excel shows it, so that the importer reads what the clerk saw: whole
/// numbers as digits, dates as `YYYY-MM-DD`, and a long number (a credit code typed into a
/// General cell) in Excel's scientific form, `9.11101E+17`, which the importer explains.
enum ExcelNumber {
    /// Excel's General format in a standard column: up to 11 digits in full, then scientific
    /// with six significant digits.
    static func general(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let magnitude = abs(value)
        if magnitude >= 1e11 || (magnitude > 0 && magnitude < 1e-9) { return scientific(value) }
        if value == value.rounded() { return String(Int64(value)) }
        // Fifteen significant digits, as Excel keeps, without the binary noise past them.
        var text = String(format: "%.15g", value)
        if text.contains("e") { text = String(format: "%.10f", value) }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `9.11101E+17`: six significant digits, trailing zeros of the mantissa dropped.
    static func scientific(_ value: Double) -> String {
        let text = String(format: "%.5E", value)
        guard let e = text.firstIndex(of: "E") else { return text }
        var mantissa = String(text[..<e])
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        return mantissa + text[e...]
    }

    /// A date serial as `YYYY-MM-DD`, with ` HH:MM` when it has a time of day; nil for a serial
    /// no date has (negative, or past 9999-12-31).
    ///
    /// In the 1900 system serial 1 is 1900-01-01 and 60 is 1900-02-29, a day that never was
    /// (Lotus 1-2-3's leap-year mistake, kept by Excel): from 61 on, serials count from
    /// 1899-12-30. In the 1904 system serial 0 is 1904-01-01.
    static func date(serial: Double, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= (uses1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        let minutesTotal = Int((serial * 1440).rounded())
        let whole = minutesTotal / 1440
        let minutes = minutesTotal % 1440
        let date: String
        if !uses1904 && whole == 60 {
            date = "1900-02-29"
        } else {
            // Days from 1970-01-01 to each system's day zero.
            let epoch = uses1904 ? -24_107 : (whole < 60 ? -25_568 : -25_569)
            date = Day(ordinal: Int32(epoch + whole)).description
        }
        guard minutes > 0 else { return date }
        return date + " " + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    }

    /// The 1900-system serial of a day from 1900-03-01 on (every day a report can name).
    static func serial(of day: Day) -> Int { Int(day.ordinal) + 25_569 }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
