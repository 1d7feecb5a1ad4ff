import Foundation
import Testing
@testable import Bargaining

@Suite("Day: the civil date every deadline is counted in")
struct DayTests {
    @Test("YYYY-MM-DD parses to its components")
    func parses() throws {
        let day = try #require(Day("2024-10-01"))
        #expect(day.components == (2024, 10, 1))
        #expect(day.year == 2024)
        #expect(Day(year: 2024, month: 10, day: 1) == day)
    }

    @Test("A date that does not exist, or is not written YYYY-MM-DD, is refused", arguments: [
        "2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-10-00",
        "2024-10-32", "2024-1-01", "2024-10-1", "24-10-01", "2024/10/01", "20241001", "", "2024-10-01 ",
        " 2024-10-01", "２０２４-10-01", "abcd-ef-gh", "2024-10-0a", "+024-10-01",
    ])
    func refusesInvalid(text: String) {
        #expect(Day(text) == nil)
    }

    @Test("Leap years follow the Gregorian rule: 2024 and 2000 have 29 February, 1900 and 2023 do not")
    func leapYears() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2000-02-29") != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
    }

    @Test("ISO weekday: 1 = Monday … 7 = Sunday, also before 1970")
    func weekdays() throws {
        let cases: [(String, Int)] = [
            ("1970-01-01", 4), ("1969-12-31", 3), ("1900-01-01", 1), ("2000-01-01", 6),
            ("2024-10-01", 2), ("2024-10-12", 6), ("2024-02-04", 7), ("2025-02-08", 6), ("2026-01-04", 7),
        ]
        for (text, weekday) in cases {
            let day = try #require(Day(text))
            #expect(day.weekday == weekday, "\(text)")
            #expect(day.isWeekend == (weekday >= 6), "\(text)")
        }
    }

    @Test("Adding months clamps to the last day of a shorter month")
    func addingMonthsClamps() throws {
        let cases: [(String, Int, String)] = [
            ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2024-03-31", -1, "2024-02-29"),
            ("2024-05-31", 1, "2024-06-30"), ("2024-12-15", 1, "2025-01-15"), ("2024-01-15", -1, "2023-12-15"),
            ("2024-08-31", 18, "2026-02-28"), ("2024-10-01", -120, "2014-10-01"), ("2024-10-01", 0, "2024-10-01"),
        ]
        for (start, months, expected) in cases {
            #expect(try #require(Day(start)).adding(months: months).description == expected, "\(start) + \(months) months")
        }
    }

    @Test("Adding years takes 29 February to 28 February in a common year")
    func addingYears() throws {
        let leapDay = try #require(Day("2024-02-29"))
        #expect(leapDay.adding(years: 1).description == "2025-02-28")
        #expect(leapDay.adding(years: 4).description == "2028-02-29")
        #expect(leapDay.adding(years: -1).description == "2023-02-28")
    }

    @Test("Every day from 1900 to 2100 round-trips through its text and its components, one day apart")
    func roundTripsOverARange() throws {
        let first = try #require(Day("1900-01-01"))
        let last = try #require(Day("2100-12-31"))
        var previous: Day?
        var day = first
        while day <= last {
            #expect(Day(day.description) == day)
            let (year, month, dayOfMonth) = day.components
            #expect(Day(year: year, month: month, day: dayOfMonth) == day)
            if let previous {
                #expect(previous.days(until: day) == 1)
                #expect(day.weekday == previous.weekday % 7 + 1)
                #expect(previous < day)
            }
            previous = day
            day = day.adding(days: 1)
        }
        #expect(first.days(until: last) == 73_413)
    }

    @Test("Codable writes YYYY-MM-DD and refuses a date that does not exist")
    func codable() throws {
        let day = try #require(Day("2024-02-29"))
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-02-29"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["2023-02-29"]"#.utf8)) }
    }
}
