import Bargaining

/// The renewal period [A, B] of a report as of D (SPEC §6; issue 13 item 5): by default the year
/// to date, 1 January of D's year to D. A period that ends after D is refused: on D nobody can
/// know whether a contract expiring after D will be renewed, and counting it as not renewed
/// understates the rate (as of 2026-06-30 the whole year gave 35.5% where the half year is 67.6%).
public struct RenewalPeriod: Sendable, Hashable {
    public var from: Day
    public var to: Day

    /// The period given by `from` and `to`, each defaulting to the year to date of `asOf`.
    public init(asOf: Day, from: Day? = nil, to: Day? = nil) throws(Refusal) {
        let from = from ?? Self.startOfYear(asOf)
        let to = to ?? asOf
        if from > asOf {
            throw Refusal("the renewal period starts on \(from), after the as-of date \(asOf): nothing in it has fallen due by then; start it on or before \(asOf), or report as of a later day")
        }
        if to > asOf {
            throw Refusal("the renewal period ends on \(to), after the as-of date \(asOf): whether a contract expiring after \(asOf) is renewed is not known on that day; end it on \(asOf) at the latest, or report as of a later day")
        }
        if to < from { throw Refusal("the renewal period ends (\(to)) before it starts (\(from))") }
        self.from = from
        self.to = to
    }

    /// Whether [`from`, `to`] is the year to date of `asOf`: what reports say beside the dates.
    public static func isYearToDate(from: Day, to: Day, asOf: Day) -> Bool {
        from == startOfYear(asOf) && to == asOf
    }

    static func startOfYear(_ day: Day) -> Day { Day(year: day.year, month: 1, day: 1)! }

    /// Why a period cannot be reported, in a sentence.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
