import ArgumentParser
import Bargaining

/// Whether a coverage command's --as-of is a day that has come and that the holiday calendar
/// covers (issue 13 item 4): `reminders` records letters as sent on it, so it refuses such a
/// day; the reports only warn, because a figure for a planned date is still a figure.
enum AsOfCheck {
    /// The sentence naming what is wrong with `day`, or nil when nothing is.
    static func problem(_ day: Day, calendar: HolidayCalendar, today: Day = .today(), flag: String = "--as-of") -> Problem? {
        var sentences: [String] = []
        if day > today { sentences.append("is after today (\(today))") }
        if !calendar.covers(year: day.year) {
            let years = (1990...2100).filter(calendar.covers(year:))
            let span = years.first.map { "\($0)–\(years.last!)" } ?? "no year"
            sentences.append("is outside the holiday calendar (it covers \(span)), so the rungs' deadlines cannot be counted")
        }
        guard !sentences.isEmpty else { return nil }
        return Problem(sentence: "\(flag) \(day) " + sentences.joined(separator: " and "),
                       exitCode: day > today ? ExitCodes.usage : ExitCodes.dataError)
    }

    struct Problem {
        var sentence: String
        var exitCode: ExitCode
    }

    /// For the reports: a warning on standard error, the figures still printed.
    static func warn(_ day: Day, workflows: WorkflowsOptions, flag: String = "--as-of") throws {
        guard let problem = problem(day, calendar: try workflows.calendar(), flag: flag) else { return }
        Terminal.standardError.line("warning: \(problem.sentence); the figures are as the store holds them now")
    }
}
