import Bargaining
import Foundation

extension Day {
    /// Today in the local time zone (`TZ`): the default legal date of an act and of a status.
    static func today(_ now: Date = Date(), in timeZone: TimeZone = .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
