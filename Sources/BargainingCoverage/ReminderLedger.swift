import Bargaining

/// What reminder letters were sent, to whom and when: the CLI keeps it on disk so that running
/// `bargain reminders` twice on the same day sends nothing the second time.
public struct ReminderLedger: Sendable, Hashable, Codable {
    /// One letter sent.
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

    /// The laggards to write to on `day`: those that have not had a reminder letter that day.
    /// Each enterprise once, in the laggards' order.
    public func unsent(_ laggards: [Laggard], on day: Day) -> [Laggard] {
        var done = Set(entries.lazy.filter { $0.rung == ReminderLetter.rung && $0.sentOn == day }.map(\.enterprise))
        return laggards.filter { done.insert($0.enterprise).inserted }
    }

    /// Records letters as sent on `day` and returns the new entries, for the caller to persist
    /// after the letters are written.
    @discardableResult
    public mutating func recordSent(_ laggards: [Laggard], on day: Day) -> [Entry] {
        let added = unsent(laggards, on: day).map { Entry(enterprise: $0.enterprise, sentOn: day, rung: ReminderLetter.rung) }
        entries.append(contentsOf: added)
        return added
    }
}
