/// An act done after the time limit it ends had run out: a filing on day 11 of the 10 days
/// (S1 art 42). The law does not void such an act, so it is recorded, and the record says how
/// late, against which limit and article, for the timeline, the status and the archive. A
/// workflow may instead refuse late acts for a limit (`late: refused`).
public struct Lateness: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The workflow's name for the deadline (`filing`).
    public var deadline: String
    public var title: String
    /// The last day of the limit.
    public var due: Day
    /// Days after `due` the act was done; at least 1.
    public var days: Int
    public var article: String

    public init(deadline: String, title: String, due: Day, days: Int, article: String) {
        self.deadline = deadline
        self.title = title
        self.due = due
        self.days = days
        self.article = article
    }

    public var description: String {
        "late: \(days) day\(days == 1 ? "" : "s") after \(title) ended on \(due) (\(article))"
    }
}

/// An act recorded late, as the state keeps it for the status and the archive.
public struct LateAct: Hashable, Sendable {
    public var action: ActionKind
    public var on: Day
    public var lateness: Lateness

    public init(action: ActionKind, on: Day, lateness: Lateness) {
        self.action = action
        self.on = on
        self.lateness = lateness
    }

    public var description: String { "\(action.rawValue) on \(on): \(lateness)" }
}
