import BargainingFiles
import Foundation
import Testing
@testable import Bargaining
import TestSupport

/// The package's own data files, found from this file's path (Tests/BargainingTests/X.swift), so
/// the tests check the calendar and wage data that ship.
enum CalendarDataFiles {
    static func path(_ relative: String) -> String { Repository.root.path + "/" + relative }

    static func bundledCalendar() throws -> HolidayCalendar {
        try HolidayCalendar.load(contentsOf: path(HolidayCalendar.bundledRelativePath))
    }
}

/// `Day("…")!` for literals the test itself writes.
private func day(_ text: String) -> Day {
    guard let day = Day(text) else { preconditionFailure("test literal \(text) is not a date") }
    return day
}

@Suite("Holiday calendar: rest days and deadlines (SPEC §3 Dates)")
struct CalendarTests {
    let calendar: HolidayCalendar

    init() throws {
        calendar = try CalendarDataFiles.bundledCalendar()
    }

    // MARK: The bundled data

    @Test("The bundled calendar covers 2015 to 2026, each year citing its State Council notice")
    func bundledCoverage() throws {
        #expect(calendar.years == 2015...2026)
        for year in 2015...2026 {
            let source = try #require(calendar.source(ofYear: year))
            #expect(source.citation.contains("国务院办公厅关于\(year)年部分节假日安排的通知"))
            #expect(source.citation.contains("国办发明电〔\(year - 1)〕"))
            #expect(source.verified)
        }
    }

    @Test("Every year lists all seven statutory holidays: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节")
    func everyHolidayEveryYear() {
        for year in 2015...2026 {
            var names = Set<String>()
            var current = day("\(year)-01-01")
            while current.year == year {
                if let name = calendar.holidayName(on: current) { names.insert(name) }
                current = current.adding(days: 1)
            }
            for holiday in ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"] {
                #expect(names.contains { $0.contains(holiday) }, "\(year) has no \(holiday)")
            }
        }
    }

    @Test("2024 Spring Festival: 02-10 to 02-17 off; Sundays 02-04 and 02-18 worked; the eve 02-09 is a working day")
    func springFestival2024() throws {
        for offset in 0...7 { #expect(try !calendar.isWorkingDay(day("2024-02-10").adding(days: offset))) }
        #expect(try calendar.isWorkingDay(day("2024-02-04")))
        #expect(try calendar.isWorkingDay(day("2024-02-18")))
        #expect(try calendar.isWorkingDay(day("2024-02-09")))
        #expect(calendar.holidayName(on: day("2024-02-12")) == "春节")
        #expect(calendar.holidayName(on: day("2024-02-18")) == nil)
    }

    @Test("State Council decree No. 795: from 2025 the Spring Festival runs 01-28 to 02-04 with 01-26 and 02-08 worked")
    func springFestival2025() throws {
        for offset in 0...7 { #expect(try !calendar.isWorkingDay(day("2025-01-28").adding(days: offset))) }
        #expect(try calendar.isWorkingDay(day("2025-01-26")))
        #expect(try calendar.isWorkingDay(day("2025-02-08")))
        #expect(try calendar.isWorkingDay(day("2025-02-05")))
    }

    @Test("2025 National Day and Mid-Autumn: 10-01 to 10-08 off, 09-28 and 10-11 worked")
    func nationalDay2025() throws {
        for offset in 0...7 { #expect(try !calendar.isWorkingDay(day("2025-10-01").adding(days: offset))) }
        #expect(try calendar.isWorkingDay(day("2025-09-28")))
        #expect(try calendar.isWorkingDay(day("2025-10-11")))
        #expect(calendar.holidayName(on: day("2025-10-06")) == "国庆节、中秋节")
    }

    @Test("Changed notices apply: 2020's extension made Saturday 02-01 a rest day; 2019's Labour Day ran 05-01 to 05-04")
    func laterNoticesApply() throws {
        #expect(try !calendar.isWorkingDay(day("2020-02-01")))
        #expect(try !calendar.isWorkingDay(day("2020-01-31")))
        #expect(try calendar.isWorkingDay(day("2020-02-03")))
        #expect(try !calendar.isWorkingDay(day("2019-05-03")))
        #expect(try calendar.isWorkingDay(day("2019-05-05")))
        #expect(try calendar.isWorkingDay(day("2019-04-28")))
    }

    @Test("A notice's days in the previous December count: 2018-12-29 worked, 2018-12-31 off")
    func previousDecember() throws {
        #expect(try calendar.isWorkingDay(day("2018-12-29")))
        #expect(try !calendar.isWorkingDay(day("2018-12-31")))
        #expect(calendar.holidayName(on: day("2018-12-31")) == "元旦")
    }

    @Test("An ordinary weekend is a rest day and an ordinary weekday a working day")
    func ordinaryDays() throws {
        #expect(try !calendar.isWorkingDay(day("2024-11-23")))
        #expect(try !calendar.isWorkingDay(day("2024-11-24")))
        #expect(try calendar.isWorkingDay(day("2024-11-25")))
        #expect(calendar.holidayName(on: day("2024-11-25")) == nil)
    }

    // MARK: Deadlines in calendar days (Civil Code art 203)

    @Test("Civil Code art 203: a 20-day reply deadline ending on a holiday (2024-10-01) moves to the next working day, 2024-10-08")
    func deadlineEndingOnHolidayMoves() throws {
        #expect(try calendar.deadline(after: day("2024-09-11"), calendarDays: 20) == day("2024-10-08"))
    }

    @Test("Civil Code art 203: a deadline ending on an adjusted working Saturday (2024-10-12, 调休) stays there")
    func deadlineEndingOnWorkingSaturdayStays() throws {
        #expect(try calendar.deadline(after: day("2024-09-22"), calendarDays: 20) == day("2024-10-12"))
    }

    @Test("Civil Code art 203: a deadline ending on an ordinary Sunday moves to Monday")
    func deadlineEndingOnSundayMoves() throws {
        #expect(try calendar.deadline(after: day("2024-11-04"), calendarDays: 20) == day("2024-11-25"))
    }

    @Test("SPEC §3: counting starts the day after the act; a deadline ending on a working day stays")
    func countingStartsTheDayAfter() throws {
        #expect(try calendar.deadline(after: day("2024-11-05"), calendarDays: 20) == day("2024-11-25"))
        #expect(try calendar.deadline(after: day("2024-11-05"), calendarDays: 1) == day("2024-11-06"))
        #expect(try calendar.deadline(after: day("2024-11-05"), calendarDays: 0) == day("2024-11-05"))
        #expect(try calendar.deadline(after: day("2024-11-23"), calendarDays: 0) == day("2024-11-25"))
    }

    @Test("Civil Code art 203: a 15-day review window ending inside the 2025 Spring Festival ends on 2025-02-05")
    func reviewWindowAcrossSpringFestival() throws {
        #expect(try calendar.deadline(after: day("2025-01-15"), calendarDays: 15) == day("2025-02-05"))
    }

    // MARK: Deadlines in working days

    @Test("Working days skip the 2025 Spring Festival and count the adjusted Saturday 2025-02-08")
    func workingDaysAcrossSpringFestival() throws {
        #expect(try calendar.deadline(after: day("2025-01-27"), workingDays: 4) == day("2025-02-08"))
        #expect(try calendar.deadline(after: day("2025-01-27"), workingDays: 5) == day("2025-02-10"))
    }

    @Test("Working days count the adjusted Sunday 2025-01-26 before the Spring Festival")
    func workingDaysCountAdjustedSunday() throws {
        #expect(try calendar.deadline(after: day("2025-01-24"), workingDays: 1) == day("2025-01-26"))
        #expect(try calendar.deadline(after: day("2025-01-24"), workingDays: 5) == day("2025-02-07"))
    }

    @Test("Working days skip ordinary weekends: 5 working days after a Friday end on the next Friday")
    func workingDaysSkipWeekends() throws {
        #expect(try calendar.deadline(after: day("2024-11-01"), workingDays: 5) == day("2024-11-08"))
        #expect(try calendar.deadline(after: day("2024-11-02"), workingDays: 0) == day("2024-11-04"))
    }

    // MARK: Outside the calendar: an error, never a guess

    @Test("SPEC §3: a day outside the calendar's years is an error naming the day and the years covered")
    func outsideIsAnError() throws {
        let error = #expect(throws: CalendarError.self) { try calendar.isWorkingDay(day("2027-01-04")) }
        #expect(error == CalendarError(day: day("2027-01-04"), coveredYears: Array(2015...2026)))
        #expect(error?.description.hasPrefix("2027-01-04 is outside the holiday calendar (2015–2026); add the year's State Council notice") == true)
        #expect(error?.description.contains("workflows/calendar/cn-holidays.yaml") == true)
        #expect(throws: CalendarError.self) { try calendar.isWorkingDay(day("2014-12-31")) }
        #expect(calendar.holidayName(on: day("2027-01-01")) == nil)
    }

    @Test("SPEC §3: a deadline whose last day lies beyond the calendar is an error")
    func deadlineBeyondIsAnError() {
        let error = #expect(throws: CalendarError.self) { try calendar.deadline(after: day("2026-12-20"), calendarDays: 20) }
        #expect(error?.day == day("2027-01-09"))
        let working = #expect(throws: CalendarError.self) { try calendar.deadline(after: day("2026-12-28"), workingDays: 5) }
        #expect(working?.day == day("2027-01-01"))
    }

    @Test("SPEC §3: moving off a rest day across the end of the calendar is an error, not a guess")
    func rollingForwardAcrossTheEnd() throws {
        let only2023 = try HolidayCalendar.load(yaml: """
            years:
              2023:
                source: test
                holidays: []
            """, file: "only-2023.yaml")
        // 2023-12-30 is a Saturday: the next working day would be in 2024, which is not covered.
        let error = #expect(throws: CalendarError.self) { try only2023.deadline(after: day("2023-12-10"), calendarDays: 20) }
        #expect(error?.day == day("2024-01-01"))
        #expect(error?.description.contains("(2023)") == true)
    }

    @Test("Only the days the count reads must be covered: an act in 2014 with a deadline in 2015 is fine")
    func actBeforeTheCalendar() throws {
        #expect(try calendar.deadline(after: day("2014-12-31"), calendarDays: 20) == day("2015-01-20"))
    }

    // MARK: Merging a user's file

    @Test("A user's file extends the calendar with a new year, and overrides a year it repeats")
    func merging() throws {
        let user = try HolidayCalendar.load(yaml: """
            years:
              2026:
                source: corrected test notice
                verified: false
                holidays:
                  - {name: 测试假, from: 2026-03-02, to: 2026-03-02}
              2027:
                source: hypothetical 2027 notice, for this test only
                holidays:
                  - {name: 元旦, from: 2027-01-01, to: 2027-01-03}
                working-weekends: [2027-01-09]
            """, file: "user.yaml")
        let merged = calendar.merging(user)
        #expect(merged.years == 2015...2027)
        #expect(try merged.isWorkingDay(day("2027-01-09")))
        #expect(try !merged.isWorkingDay(day("2027-01-01")))
        #expect(try merged.deadline(after: day("2026-12-20"), calendarDays: 20) == day("2027-01-09"))
        #expect(try merged.deadline(after: day("2026-12-13"), calendarDays: 20) == day("2027-01-04"))
        // 2026 is now the user's: the bundled Spring Festival is gone, the user's day is in.
        #expect(try merged.isWorkingDay(day("2026-02-16")))
        #expect(try !merged.isWorkingDay(day("2026-03-02")))
        #expect(merged.source(ofYear: 2026)?.verified == false)
        // Years the user did not give stay as bundled.
        #expect(try !merged.isWorkingDay(day("2025-10-08")))
    }

    @Test("A gap left by merging is outside the calendar: its days are errors, never guesses")
    func mergingWithAGap() throws {
        let user = try HolidayCalendar.load(yaml: """
            years:
              2028:
                source: hypothetical 2028 notice, for this test only
                holidays: []
            """, file: "user.yaml")
        let merged = calendar.merging(user)
        #expect(merged.covers(year: 2028))
        #expect(!merged.covers(year: 2027))
        let error = #expect(throws: CalendarError.self) { try merged.isWorkingDay(day("2027-06-01")) }
        #expect(error?.description.contains("(2015–2026, 2028)") == true)
        #expect(try merged.isWorkingDay(day("2028-06-01")))
    }

    // MARK: Load errors name the file, the line and the reason

    struct BadFile: Sendable, CustomTestStringConvertible {
        let problem: String
        let yaml: String
        let line: Int?
        let reason: String
        var testDescription: String { problem }
    }

    static let badFiles: [BadFile] = [
        BadFile(problem: "a date that does not exist", yaml: """
            years:
              2024:
                source: s
                holidays:
                  - {name: 春节, from: 2024-02-30, to: 2024-03-01}
            """, line: 5, reason: "'2024-02-30' is not a date"),
        BadFile(problem: "a holiday whose 'to' is before 'from'", yaml: """
            years:
              2024:
                source: s
                holidays:
                  - name: 春节
                    from: 2024-02-17
                    to: 2024-02-10
            """, line: 7, reason: "春节 ends on 2024-02-10, before it begins on 2024-02-17"),
        BadFile(problem: "a holiday outside its year", yaml: """
            years:
              2024:
                source: s
                holidays:
                  - {name: 元旦, from: 2023-12-31, to: 2024-01-01}
            """, line: 5, reason: "元旦 (2023-12-31 to 2024-01-01) is not inside 2024"),
        BadFile(problem: "a working weekend that is a Monday", yaml: """
            years:
              2024:
                source: s
                holidays: []
                working-weekends: [2024-02-04,
                  2024-02-05]
            """, line: 6, reason: "2024-02-05 is a Monday; only a Saturday or Sunday can be a working weekend"),
        BadFile(problem: "a working weekend inside a holiday", yaml: """
            years:
              2024:
                source: s
                holidays:
                  - {name: 春节, from: 2024-02-10, to: 2024-02-17}
                working-weekends: [2024-02-11]
            """, line: 6, reason: "2024-02-11 is listed as a working weekend but lies inside 春节"),
        BadFile(problem: "a year without source", yaml: """
            years:
              2024:
                source: s
                holidays: []
              2025:
                holidays: []
            """, line: 5, reason: "year 2025 has no 'source'"),
        BadFile(problem: "an empty source", yaml: """
            years:
              2025:
                source: ""
                holidays: []
            """, line: 3, reason: "the source of 2025 is empty"),
        BadFile(problem: "a year given twice", yaml: """
            years:
              2024:
                source: s
                holidays: []
              2025:
                source: s
                holidays: []
              2024:
                source: t
                holidays: []
            """, line: 8, reason: "'2024' is given twice in the same mapping (first on line 2)"),
        BadFile(problem: "a gap between years", yaml: """
            years:
              2024:
                source: s
                holidays: []
              2026:
                source: s
                holidays: []
            """, line: 5, reason: "2025 is missing between 2024 and 2026"),
        BadFile(problem: "a mistyped key", yaml: """
            years:
              2024:
                source: s
                holidays: []
                working-weekend: [2024-02-04]
            """, line: 5, reason: "unknown key 'working-weekend'"),
        BadFile(problem: "overlapping holidays", yaml: """
            years:
              2023:
                source: s
                holidays:
                  - {name: 中秋节, from: 2023-09-29, to: 2023-09-30}
                  - {name: 国庆节, from: 2023-09-30, to: 2023-10-06}
            """, line: 6, reason: "国庆节 (2023-09-30 to 2023-10-06) overlaps 中秋节"),
        BadFile(problem: "a year that is not four digits", yaml: """
            years:
              20244:
                source: s
                holidays: []
            """, line: 2, reason: "'20244' is not a year"),
        BadFile(problem: "a holiday without 'to'", yaml: """
            years:
              2024:
                source: s
                holidays:
                  - {name: 元旦, from: 2024-01-01}
            """, line: 5, reason: "'to' is missing"),
        BadFile(problem: "YAML that does not parse", yaml: """
            years:
              2024:
                source: "unclosed
                holidays: []
            """, line: 4, reason: "not valid YAML"),
    ]

    @Test("Load errors name the file, the line and the reason", arguments: badFiles)
    func loadErrors(bad: BadFile) {
        let error = #expect(throws: DataFileError.self) { try HolidayCalendar.load(yaml: bad.yaml, file: "bad.yaml") }
        #expect(error?.file == "bad.yaml")
        #expect(error?.line == bad.line, "\(error?.description ?? "")")
        #expect(error?.reason.contains(bad.reason) == true, "\(error?.description ?? "")")
    }

    @Test("A file that cannot be read is a DataFileError naming the path")
    func unreadableFile() {
        let error = #expect(throws: DataFileError.self) { try HolidayCalendar.load(contentsOf: "/nonexistent/cn-holidays.yaml") }
        #expect(error?.file == "/nonexistent/cn-holidays.yaml")
    }
}
