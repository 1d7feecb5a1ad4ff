import Yams

/// China's calendar of working days and rest days, built from the State Council's yearly holiday
/// notices.
///
/// Every deadline in a negotiation ends on a day this calendar classifies (SPEC §3 "Dates", Civil
/// Code art 203). No rule can compute the classification: each year it is whatever that year's
/// notice says. So the calendar is data, a year it does not cover is an error rather than a
/// guess, and lookups read a per-day table built once at load, because the engine computes
/// deadlines on its hot path.
///
/// Coverage is by whole years. One file must list consecutive years: a gap is almost always a
/// typo such as 2062 for 2026, so ``load(yaml:file:)`` refuses it. ``merging(_:)`` cannot refuse
/// anything. If a user's file leaves a gap after the bundled years, a day in the missing year
/// raises ``CalendarError`` like any other day outside the calendar.
public struct HolidayCalendar: Sendable {
    /// Where the bundled calendar lives, relative to the package root.
    public static let bundledRelativePath = "workflows/calendar/cn-holidays.yaml"

    /// The notice a year of the calendar was taken from, so that a deadline can cite it.
    public struct Source: Hashable, Sendable {
        public let citation: String
        /// False when the citation (title or document number) could not be checked against the
        /// notice itself.
        public let verified: Bool
    }

    /// One year as its file states it. The calendar keeps these so that ``merging(_:)`` can
    /// replace whole years and rebuild the day table.
    struct Year: Sendable {
        var source: Source
        var holidays: [Holiday]
        var workingWeekends: [Day]
    }

    struct Holiday: Sendable {
        var name: String
        var from: Day
        var to: Day
    }

    /// One byte per day in the table; `.unknown` marks a day of a year the calendar does not cover.
    enum DayKind: UInt8 {
        case unknown, working, rest
    }

    private let arrangements: [Int: Year]
    /// Sorted.
    private let coveredYears: [Int]
    /// The ordinal of 1 January of the first covered year: day `d` is at `kinds[d.ordinal - firstOrdinal]`.
    private let firstOrdinal: Int32
    private let kinds: [DayKind]
    /// Per day, 1 + the index of its holiday's name in `holidayNames`, or 0 when it is in no holiday.
    private let holidayIndex: [UInt16]
    private let holidayNames: [String]

    init(arrangements: [Int: Year]) {
        self.arrangements = arrangements
        coveredYears = arrangements.keys.sorted()
        guard let firstYear = coveredYears.first, let lastYear = coveredYears.last,
              let start = Day(year: firstYear, month: 1, day: 1), let end = Day(year: lastYear + 1, month: 1, day: 1)
        else {
            firstOrdinal = 0
            kinds = []
            holidayIndex = []
            holidayNames = []
            return
        }
        firstOrdinal = start.ordinal
        var kinds = [DayKind](repeating: .unknown, count: start.days(until: end))
        var holidayIndex = [UInt16](repeating: 0, count: kinds.count)
        var holidayNames: [String] = []
        var nameIDs: [String: UInt16] = [:]
        func offset(_ day: Day) -> Int { start.days(until: day) }

        for (year, arrangement) in arrangements {
            let jan1 = Day(year: year, month: 1, day: 1)!
            let nextJan1 = Day(year: year + 1, month: 1, day: 1)!
            for index in offset(jan1)..<offset(nextJan1) {
                kinds[index] = Day(ordinal: firstOrdinal + Int32(index)).isWeekend ? .rest : .working
            }
            for holiday in arrangement.holidays {
                let id: UInt16
                if let known = nameIDs[holiday.name] {
                    id = known
                } else {
                    holidayNames.append(holiday.name)
                    id = UInt16(holidayNames.count)
                    nameIDs[holiday.name] = id
                }
                for index in offset(holiday.from)...offset(holiday.to) {
                    kinds[index] = .rest
                    holidayIndex[index] = id
                }
            }
            for day in arrangement.workingWeekends { kinds[offset(day)] = .working }
        }
        self.kinds = kinds
        self.holidayIndex = holidayIndex
        self.holidayNames = holidayNames
    }

    /// The span of covered years, or nil for an empty calendar. A merged calendar may have a gap
    /// inside the span; ``covers(year:)`` tells.
    public var years: ClosedRange<Int>? {
        guard let first = coveredYears.first, let last = coveredYears.last else { return nil }
        return first...last
    }

    public func covers(year: Int) -> Bool { arrangements[year] != nil }

    /// The notice a covered year comes from.
    public func source(ofYear year: Int) -> Source? { arrangements[year]?.source }

    /// Returns a calendar with the years of `other` added, replacing the years both cover: a
    /// district's own file extends the bundled calendar with a new notice, or corrects a year.
    public func merging(_ other: HolidayCalendar) -> HolidayCalendar {
        HolidayCalendar(arrangements: arrangements.merging(other.arrangements) { _, theirs in theirs })
    }

    /// A weekend day is a rest day unless the year's notice makes it a working day (调休上班);
    /// a day inside a holiday period is a rest day.
    public func isWorkingDay(_ day: Day) throws(CalendarError) -> Bool {
        let offset = self.offset(of: day)
        switch kind(at: offset) {
        case .working: return true
        case .rest: return false
        case .unknown: throw outside(offset)
        }
    }

    /// The name of the holiday period `day` falls in (as the notice names it, e.g. 国庆节), or
    /// nil for any other day, including a day the calendar does not cover.
    public func holidayName(on day: Day) -> String? {
        let offset = self.offset(of: day)
        guard holidayIndex.indices.contains(offset) else { return nil }
        let id = holidayIndex[offset]
        return id == 0 ? nil : holidayNames[Int(id) - 1]
    }

    /// The last day of a deadline of `n` calendar days: counting starts on the day after `act`,
    /// and when the `n`th day is a holiday or a rest day the deadline ends on the next working day
    /// (Civil Code art 203). With `n` = 0 the deadline is the act's own day, moved the same way.
    public func deadline(after act: Day, calendarDays n: Int) throws(CalendarError) -> Day {
        precondition(n >= 0, "a deadline counts a non-negative number of days")
        return try firstWorkingDay(from: offset(of: act) + n)
    }

    /// The `n`th working day after `act`: weekends and holiday periods are skipped, and the
    /// weekend days a notice makes working days (调休上班) count. With `n` = 0 it is the act's
    /// own day, or the next working day when the act fell on a rest day.
    public func deadline(after act: Day, workingDays n: Int) throws(CalendarError) -> Day {
        precondition(n >= 0, "a deadline counts a non-negative number of days")
        var offset = self.offset(of: act)
        guard n > 0 else { return try firstWorkingDay(from: offset) }
        var remaining = n
        while true {
            offset += 1
            switch kind(at: offset) {
            case .working:
                remaining -= 1
                if remaining == 0 { return Day(ordinal: firstOrdinal + Int32(offset)) }
            case .rest:
                continue
            case .unknown:
                throw outside(offset)
            }
        }
    }

    private func firstWorkingDay(from start: Int) throws(CalendarError) -> Day {
        var offset = start
        while true {
            switch kind(at: offset) {
            case .working: return Day(ordinal: firstOrdinal + Int32(offset))
            case .rest: offset += 1
            case .unknown: throw outside(offset)
            }
        }
    }

    @inline(__always)
    private func offset(of day: Day) -> Int { Int(day.ordinal) - Int(firstOrdinal) }

    @inline(__always)
    private func kind(at offset: Int) -> DayKind {
        kinds.indices.contains(offset) ? kinds[offset] : .unknown
    }

    private func outside(_ offset: Int) -> CalendarError {
        CalendarError(day: Day(ordinal: Int32(clamping: Int(firstOrdinal) + offset)), coveredYears: coveredYears)
    }
}

/// A deadline or a day status needed a day of a year the holiday calendar does not cover.
///
/// The rest days of a year exist only once the State Council publishes them, so the calendar
/// refuses to guess (SPEC §3); the message tells the user how to add the year.
public struct CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first day whose status was needed and is unknown.
    public let day: Day
    /// The years the calendar covers, sorted.
    public let coveredYears: [Int]

    public init(day: Day, coveredYears: [Int]) {
        self.day = day
        self.coveredYears = coveredYears
    }

    public var description: String {
        "\(day) is outside the holiday calendar (\(coverage)); add the year's State Council notice "
            + "(国务院办公厅关于\(day.year)年部分节假日安排的通知) to \(HolidayCalendar.bundledRelativePath) "
            + "or to a calendar file of your own"
    }

    /// "2015–2026", "2015–2026, 2028", or "no years".
    private var coverage: String {
        var runs: [String] = []
        var index = coveredYears.startIndex
        while index < coveredYears.endIndex {
            var last = index
            while last + 1 < coveredYears.endIndex, coveredYears[last + 1] == coveredYears[last] + 1 { last += 1 }
            runs.append(last == index ? "\(coveredYears[index])" : "\(coveredYears[index])–\(coveredYears[last])")
            index = last + 1
        }
        return runs.isEmpty ? "no years" : runs.joined(separator: ", ")
    }
}

// MARK: - Loading

extension HolidayCalendar {
    /// Reads the format documented at the top of `workflows/calendar/cn-holidays.yaml`, refusing
    /// with the line anything that would make a deadline wrong: a bad date, a holiday that ends
    /// before it begins or leaves its year, two holidays over the same day, a working weekend that
    /// is not a Saturday or Sunday, a year without its source, a year given twice, a gap between
    /// years, and unknown keys (a mistyped key would otherwise drop its data silently).
    public static func load(yaml: String, file: String) throws(DataFileError) -> HolidayCalendar {
        let reader = YAMLReader(file: file)
        let root = try CalendarFile.root(yaml, reader: reader)
        let top = try reader.mapping(root, allowed: ["years"], what: "the holiday calendar")
        guard let yearsNode = top.first(where: { $0.key == "years" })?.value else {
            throw reader.fail(root, "the holiday calendar needs 'years:', a mapping from each year to its holidays")
        }
        var arrangements: [Int: Year] = [:]
        var keyNodes: [Int: Node] = [:]
        for entry in try reader.mapping(yearsNode, what: "years") {
            guard entry.key.utf8.count == 4, let year = Int(entry.key), year >= 1000 else {
                throw reader.fail(entry.keyNode, "'\(entry.key)' is not a year (four digits, like 2024)")
            }
            arrangements[year] = try readYear(year, entry.value, keyNode: entry.keyNode, reader: reader)
            keyNodes[year] = entry.keyNode
        }
        let years = arrangements.keys.sorted()
        guard !years.isEmpty else { throw reader.fail(yearsNode, "'years' lists no year") }
        for (previous, next) in zip(years, years.dropFirst()) where next != previous + 1 {
            let missing = next == previous + 2 ? "\(previous + 1) is" : "\(previous + 1)–\(next - 1) are"
            throw reader.fail(keyNodes[next], "\(missing) missing between \(previous) and \(next); the years of a calendar file must be consecutive")
        }
        return HolidayCalendar(arrangements: arrangements)
    }

    private static func readYear(_ year: Int, _ node: Node, keyNode: Node, reader: YAMLReader) throws(DataFileError) -> Year {
        let what = "year \(year)"
        let fields = try reader.mapping(node, allowed: ["source", "verified", "holidays", "working-weekends"], what: what)
        func value(_ key: String) -> Node? { fields.first(where: { $0.key == key })?.value }

        guard let sourceNode = value("source") else {
            throw reader.fail(keyNode, "\(what) has no 'source'; cite the notice it comes from (国务院办公厅关于\(year)年部分节假日安排的通知 and its document number)")
        }
        let citation = try CalendarFile.text(sourceNode, what: "the source of \(year)", reader: reader)
        var verified = true
        if let node = value("verified") { verified = try reader.bool(node, what: "verified") }
        guard let holidaysNode = value("holidays") else { throw reader.fail(keyNode, "\(what) has no 'holidays'") }
        let holidays = try readHolidays(holidaysNode, year: year, reader: reader)
        var workingWeekends: [Day] = []
        if let node = value("working-weekends") {
            workingWeekends = try readWorkingWeekends(node, year: year, holidays: holidays, reader: reader)
        }
        return Year(source: Source(citation: citation, verified: verified), holidays: holidays, workingWeekends: workingWeekends)
    }

    private static func readHolidays(_ node: Node, year: Int, reader: YAMLReader) throws(DataFileError) -> [Holiday] {
        var holidays: [Holiday] = []
        for item in try reader.sequence(node, what: "the holidays of \(year)") {
            let fields = try reader.mapping(item, allowed: ["name", "from", "to"], what: "a holiday")
            func field(_ key: String) throws(DataFileError) -> Node {
                guard let value = fields.first(where: { $0.key == key })?.value else {
                    throw reader.fail(item, "a holiday needs 'name', 'from' and 'to'; '\(key)' is missing")
                }
                return value
            }
            let name = try CalendarFile.text(try field("name"), what: "a holiday's name", reader: reader)
            let from = try CalendarFile.day(try field("from"), reader: reader)
            let toNode = try field("to")
            let to = try CalendarFile.day(toNode, reader: reader)
            guard from <= to else { throw reader.fail(toNode, "\(name) ends on \(to), before it begins on \(from)") }
            guard from.year == year, to.year == year else {
                throw reader.fail(item, "\(name) (\(from) to \(to)) is not inside \(year); record each day under its own year")
            }
            if let other = holidays.first(where: { from <= $0.to && $0.from <= to }) {
                throw reader.fail(item, "\(name) (\(from) to \(to)) overlaps \(other.name) (\(other.from) to \(other.to))")
            }
            holidays.append(Holiday(name: name, from: from, to: to))
        }
        return holidays
    }

    private static func readWorkingWeekends(_ node: Node, year: Int, holidays: [Holiday], reader: YAMLReader) throws(DataFileError) -> [Day] {
        var days: [Day] = []
        for item in try reader.sequence(node, what: "the working weekends of \(year)") {
            let day = try CalendarFile.day(item, reader: reader)
            guard day.year == year else { throw reader.fail(item, "\(day) is not in \(year); record it under its own year") }
            guard day.isWeekend else {
                throw reader.fail(item, "\(day) is a \(CalendarFile.weekdayNames[day.weekday - 1]); only a Saturday or Sunday can be a working weekend (调休上班)")
            }
            if let holiday = holidays.first(where: { $0.from <= day && day <= $0.to }) {
                throw reader.fail(item, "\(day) is listed as a working weekend but lies inside \(holiday.name) (\(holiday.from) to \(holiday.to))")
            }
            guard !days.contains(day) else { throw reader.fail(item, "\(day) is listed twice") }
            days.append(day)
        }
        return days
    }
}

/// Reading helpers shared by the calendar data files (holidays, minimum wages).
enum CalendarFile {
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Yams reports a repeated key at its first occurrence, with the whole file as context. A
    /// district that wrote a year twice needs the line of the repeat, so that case is handled here
    /// and every other YAML error is left to the shared reader.
    static func root(_ yaml: String, reader: YAMLReader) throws(DataFileError) -> Node {
        try reader.root(yaml)
    }

    /// A non-empty single value.
    static func text(_ node: Node, what: String, reader: YAMLReader) throws(DataFileError) -> String {
        let value = try reader.string(node, what: what)
        guard value.contains(where: { !$0.isWhitespace }) else { throw reader.fail(node, "\(what) is empty") }
        return value
    }

    static func day(_ node: Node, reader: YAMLReader) throws(DataFileError) -> Day {
        let text = try reader.string(node, what: "a date")
        guard let day = Day(text) else { throw reader.fail(node, "'\(text)' is not a date (YYYY-MM-DD, a day that exists)") }
        return day
    }
}
