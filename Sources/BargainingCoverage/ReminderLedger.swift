import Bargaining

/// The rungs of the escalation ladder taken, for whom and when (the reminder letters sent and
/// the steps after them): the store keeps it so that ``ReminderLadder`` knows where each
/// enterprise stands and `bargain reminders` sends nothing inside a rung's response window.
public struct ReminderLedger: Sendable, Hashable, Codable {
    /// One rung taken: a letter sent, or a later rung reached.
    public struct Entry: Sendable, Hashable, Codable {
        public var enterprise: CreditCode
        public var sentOn: Day
        /// The escalation rung, ``ReminderLetter/rung`` for these letters.
        public var rung: String

        public init(enterprise: CreditCode, sentOn: Day, rung: String) {
            self.enterprise = enterprise
            self.sentOn = sentOn
            self.rung = rung
        }
    }

    public private(set) var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }
}
