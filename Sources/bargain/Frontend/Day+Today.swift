#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Bargaining

extension Day {
    /// Today in the local time zone (`TZ`): the default legal date of an act and of a status.
    /// From the C library rather than Foundation's calendar, which would load ICU's calendar
    /// data into every `bargain do` that has no --on.
    static func today() -> Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
