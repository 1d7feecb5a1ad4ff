/// Why the engine refused an act: which rule, its article, and the facts with their numbers, in
/// words a union chair can act on. Refusals are values, not crashes: nothing is recorded.
public struct RuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        /// The action is not one the current step allows.
        case notAllowedNow = "not-allowed-now"
        /// The action is not in this negotiation's workflow at all.
        case unknownAction = "unknown-action"
        /// The actor's role may not take the action.
        case roleNotAllowed = "role-not-allowed"
        /// This side has already taken an action each side takes once.
        case alreadyTaken = "already-taken"
        /// The date is earlier than the last recorded event.
        case dateBeforeLastEvent = "date-before-last-event"
        /// Fields missing, unknown or of the wrong type.
        case fields
        /// An act after a time limit the workflow does not take late acts for (`late: refused`).
        case late
        /// A date field before a date it cannot precede (a first meeting before the act fixing it).
        case impossibleDate = "impossible-date"
        /// A date outside the holiday calendar's years: no guessing.
        case calendar
        /// Opening data (parties, covered enterprises) is not acceptable.
        case opening
        /// A named legal rule of the catalogue.
        case rule
    }

    public var code: Code
    /// The rule of the catalogue that refused (code ``Code/rule``); nil where the engine's own
    /// checks refused, which the code names. Tests and callers compare this, not message text.
    public var rule: RuleID?
    public var article: String?
    public var message: String

    public init(_ code: Code, article: String? = nil, _ message: String) {
        self.code = code
        self.article = article
        self.message = message
    }

    public init(_ rule: RuleID, _ message: String) {
        self.init(.rule, article: rule.article, message)
        self.rule = rule
    }

    /// The name printed with the refusal: the rule's catalogue name (e.g. `congress-vote`), or
    /// the code's.
    public var name: String { rule?.rawValue ?? code.rawValue }

    public var description: String {
        article.map { "\(message) [\(name), \($0)]" } ?? "\(message) [\(name)]"
    }
}
