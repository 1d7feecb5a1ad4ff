import Bargaining

/// The dates a coverage trend is taken on (issue 13 item 2): from the first date every month,
/// quarter or year up to the last, which is always included. Counted in calendar months from
/// the first date, so a trend from a month's last day stays on months' last days (2015-12-31,
/// 2016-01-31, 2016-02-29, …) and never drifts as repeated clamping would (01-31, 02-29, 03-29).
public struct TrendSchedule: Sendable, Hashable {
    /// The most dates one trend takes: 33 years of months, more than any chart or table shows
    /// legibly, and few enough that a trend stays one quick pass.
    public static let maximumPoints = 400

    public enum Every: String, Sendable, Hashable, Codable, CaseIterable {
        case month, quarter, year

        public var months: Int {
            switch self {
            case .month: 1
            case .quarter: 3
            case .year: 12
            }
        }
    }

    public var from: Day
    public var to: Day
    public var every: Every
    /// Ascending, `from` first and `to` last.
    public let dates: [Day]

    /// The dates, or a sentence naming the flag to change (`--from`, `--to`, `--every`, the
    /// names the CLI and the server's query share).
    public init(from: Day, to: Day, every: Every) throws(Refusal) {
        if from > to {
            throw Refusal("--from \(from) is after --to \(to): a trend runs forward in time; give the earlier date as --from")
        }
        if from == to {
            throw Refusal("--from and --to are the same day (\(from)): a trend needs at least two dates; for one day use `bargain coverage --as-of \(from)`")
        }
        let step = every.months
        let (first, last) = (from.components, to.components)
        var steps = ((last.year - first.year) * 12 + last.month - first.month) / step
        if Self.date(from, steps * step) > to { steps -= 1 }
        let count = steps + 1 + (Self.date(from, steps * step) == to ? 0 : 1)
        if count > Self.maximumPoints {
            throw Refusal("--from \(from) --to \(to) --every \(every.rawValue) gives \(count) dates; a trend takes at most \(Self.maximumPoints): choose a longer --every or a shorter range")
        }
        var dates = (0...steps).map { Self.date(from, $0 * step) }
        if dates.last != to { dates.append(to) }
        self.from = from
        self.to = to
        self.every = every
        self.dates = dates
    }

    /// `months` after `start`, on the last day of the month when `start` is one.
    private static func date(_ start: Day, _ months: Int) -> Day {
        let day = start.adding(months: months)
        guard start.adding(days: 1).components.month != start.components.month else { return day }
        let (year, month, _) = day.components
        return Day(year: year, month: month, day: 1)!.adding(months: 1).adding(days: -1)
    }

    /// Why a trend cannot be taken, in a sentence.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
