import Bargaining

/// Where each laggard stands on the policy's escalation ladder (issue 13 item 4), so that
/// `bargain reminders` climbs it instead of sending the same letter every day: the first rung
/// bargain takes is the reminder letter; while the employer's time to answer a rung runs, nothing
/// is sent; once it has run out, the enterprise moves to the next rung; the last rung stays.
///
/// The ledger decides, not the letters on disk. Only the entries of the enterprise's present
/// lapse count: those sent from the reminder window before the end of the coverage that makes it
/// a laggard. An enterprise that renewed after an earlier ladder starts again at the letter.
public struct ReminderLadder: Sendable {
    /// The rungs from the reminder letter on (the rungs before it, such as the interview, are
    /// taken by people, not by this command).
    public let rungs: [Policy.EscalationRung]
    let calendar: HolidayCalendar
    let windowDays: Int

    /// - Throws: ``LadderError`` when the policy's ladder has no reminder-letter rung.
    public init(policy: Policy, calendar: HolidayCalendar) throws(LadderError) {
        guard let first = policy.escalationLadder.firstIndex(where: { $0.rung == ReminderLetter.rung }) else {
            throw LadderError(reason: "the policy's escalation-ladder has no '\(ReminderLetter.rung)' rung: bargain sends reminder letters and climbs the ladder from there")
        }
        rungs = Array(policy.escalationLadder[first...])
        self.calendar = calendar
        windowDays = policy.reminderWindowDays
    }

    /// Each laggard's standing on `day`, in the laggards' order, each enterprise once.
    public func standings(of laggards: [Laggard], ledger: ReminderLedger, on day: Day) throws(CalendarError) -> [LadderStanding] {
        let order = Dictionary(rungs.enumerated().map { ($1.rung, $0) }, uniquingKeysWith: { first, _ in first })
        var latest: [CreditCode: (index: Int, since: Day)] = [:]
        for entry in ledger.entries where entry.sentOn <= day {
            guard let index = order[entry.rung] else { continue }
            if let known = latest[entry.enterprise], (known.since, known.index) >= (entry.sentOn, index) { continue }
            latest[entry.enterprise] = (index, entry.sentOn)
        }
        var seen = Set<CreditCode>()
        var standings: [LadderStanding] = []
        for laggard in laggards where seen.insert(laggard.enterprise).inserted {
            let lapseStart = laggard.coverageEnd?.adding(days: -windowDays)
            guard let last = latest[laggard.enterprise], lapseStart.map({ last.since >= $0 }) ?? true else {
                standings.append(try standing(laggard, rung: 0, since: day, step: .take))
                continue
            }
            if last.since == day {
                standings.append(try standing(laggard, rung: last.index, since: day, step: .taken))
                continue
            }
            let current = try standing(laggard, rung: last.index, since: last.since, step: .waiting)
            switch current.answerBy {
            case nil:
                standings.append(LadderStanding(laggard: laggard, rung: current.rung, title: current.title, step: .top, since: last.since, answerBy: nil))
            case let answerBy? where day <= answerBy:
                standings.append(current)
            case _? where last.index + 1 < rungs.count:
                standings.append(try standing(laggard, rung: last.index + 1, since: day, step: .take))
            case _?:
                standings.append(LadderStanding(laggard: laggard, rung: current.rung, title: current.title, step: .top, since: last.since, answerBy: current.answerBy))
            }
        }
        return standings
    }

    /// The employer's last day to answer `rung` taken on `since`; nil for a rung without a time
    /// or not on this ladder.
    public func answerBy(_ rung: String, since: Day) throws(CalendarError) -> Day? {
        switch rungs.first(where: { $0.rung == rung })?.length {
        case .calendarDays(let days)?: try calendar.deadline(after: since, calendarDays: days)
        case .workingDays(let days)?: try calendar.deadline(after: since, workingDays: days)
        default: nil
        }
    }

    private func standing(_ laggard: Laggard, rung index: Int, since: Day, step: LadderStanding.Step) throws(CalendarError) -> LadderStanding {
        let rung = rungs[index]
        return LadderStanding(laggard: laggard, rung: rung.rung, title: rung.title, step: step, since: since,
                              answerBy: try answerBy(rung.rung, since: since))
    }
}

/// One laggard's place on the ladder on the day of a run.
public struct LadderStanding: Sendable, Hashable {
    public enum Step: String, Sendable, Hashable, Codable {
        /// The rung is taken today: for the reminder letter, the letter is written; either way
        /// it is recorded in the ledger.
        case take
        /// The rung was already recorded today: nothing more to do.
        case taken
        /// The employer's time to answer the rung runs until ``LadderStanding/answerBy``.
        case waiting
        /// The last rung was reached; the ladder has nothing further.
        case top
    }

    public var laggard: Laggard
    /// The rung the enterprise is on once the run is done, e.g. `reminder-letter`.
    public var rung: String
    /// The rung's title in the policy, e.g. `特别提示函 (special reminder letter)`.
    public var title: String
    public var step: Step
    /// The day the enterprise reached the rung (the run's day for ``Step/take``).
    public var since: Day
    /// The employer's last day to answer the rung; nil for a rung without a time.
    public var answerBy: Day?

    /// The ledger entry a ``Step/take`` records.
    public var entry: ReminderLedger.Entry { ReminderLedger.Entry(enterprise: laggard.enterprise, sentOn: since, rung: rung) }
}

/// A policy whose escalation ladder bargain cannot climb.
public struct LadderError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
