/// One recorded fact of a negotiation. A negotiation's state is the fold of its events.
///
/// Events carry everything needed to fold them without the calendar or the rules: the deadlines
/// an event opened are recorded with their due dates, so a later correction of the holiday file
/// never rewrites the past.
public struct Event: Hashable, Codable, Sendable {
    /// 1 for the opening event, then consecutive.
    public var sequence: Int
    /// The legal date of the act (not the time it was typed in).
    public var on: Day
    public var actor: Actor
    public var body: Body
    /// Deadlines this event started, with their due dates.
    public var opened: [OpenDeadline]
    /// Warnings the rules raised but did not refuse (an adjustment rate outside the guideline).
    public var notes: [String]
    /// The time limits this act ended after they had run out; nil when none (and in every event
    /// recorded before lateness was, so their stored form and hash are unchanged).
    public var late: [Lateness]?

    public init(sequence: Int, on: Day, actor: Actor, body: Body, opened: [OpenDeadline] = [], notes: [String] = [], late: [Lateness]? = nil) {
        self.sequence = sequence
        self.on = on
        self.actor = actor
        self.body = body
        self.opened = opened
        self.notes = notes
        self.late = late
    }

    public enum Body: Hashable, Codable, Sendable {
        /// Boxed: an opening is a dozen strings and arrays, and inline it would make every
        /// event that large, and every copy of an act or a lapse walk the opening's layout.
        indirect case opened(Opening)
        /// An action; `outcome` is set where a classifying rule decided it (a congress vote).
        case acted(action: ActionKind, fields: Fields, outcome: String?)
        /// A deadline passed while still open and moved the negotiation on by itself.
        case lapsed(deadline: String, fields: Fields)
    }

    public var action: ActionKind? { if case .acted(let action, _, _) = body { action } else { nil } }
    public var fields: Fields {
        switch body {
        case .opened: Fields()
        case .acted(_, let fields, _), .lapsed(_, let fields): fields
        }
    }
}

/// A running time limit: what must happen, by when, under which article.
public struct OpenDeadline: Hashable, Codable, Sendable {
    public var name: String
    public var due: Day
    public var openedOn: Day

    public init(name: String, due: Day, openedOn: Day) {
        self.name = name
        self.due = due
        self.openedOn = openedOn
    }
}
