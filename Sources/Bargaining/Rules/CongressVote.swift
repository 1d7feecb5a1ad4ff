/// The workers' congress vote on a draft (S1 art 36): attendance is counted against ALL
/// representatives, and so is approval — "more than half of all", not of those present.
public struct CongressVote: Hashable, Sendable {
    public enum Outcome: String, CaseIterable, Sendable, Codable {
        /// Quorum met and the draft passed: to signing.
        case approved
        /// Quorum met, too few votes for: back to talks.
        case rejected
        /// Too few present to vote at all: the congress must be reconvened.
        case quorumMissed = "quorum-missed"
    }

    public var total: Int
    public var present: Int
    public var votesFor: Int

    public init(total: Int, present: Int, votesFor: Int) {
        self.total = total
        self.present = present
        self.votesFor = votesFor
    }

    /// The numbers the rule compares and the outcome they give: computed once, so the outcome
    /// and its explanation in any language (the engine's English, an archive's Chinese) agree.
    public struct Tally: Hashable, Sendable {
        public var outcome: Outcome
        /// The smallest attendance the rule allows, ⌈total × attendance⌉.
        public var quorum: Int
        /// The votes for that approval needs; nil when the quorum was missed and nothing was put to the vote.
        public var needed: Int?
    }

    public func tally(attendance: Fraction, approval: String) -> Tally {
        let quorum = attendance.minimumCount(of: total)
        guard present >= quorum else { return Tally(outcome: .quorumMissed, quorum: quorum, needed: nil) }
        let needed = approval == "two-thirds-of-all" ? Fraction(numerator: 2, denominator: 3)!.minimumCount(of: total) : total / 2 + 1
        return Tally(outcome: votesFor >= needed ? .approved : .rejected, quorum: quorum, needed: needed)
    }

    /// The outcome with the rule as applied, in numbers a chair can check by hand.
    public func decide(attendance: Fraction, approval: String) -> (Outcome, String) {
        let tally = tally(attendance: attendance, approval: approval)
        guard let needed = tally.needed else {
            let text: UTF8Text = "\(present) of \(total) representatives present; \(attendance.chineseName) (\(attendance)) is \(tally.quorum): quorum missed, the congress must be reconvened"
            return (.quorumMissed, text.string)
        }
        let rule = approval == "two-thirds-of-all" ? "two-thirds of all" : "more than half of all"
        let text: UTF8Text = "\(present) of \(total) present (quorum \(tally.quorum)); \(votesFor) voted for; \(rule) \(total) is \(needed): \(tally.outcome == .approved ? "approved" : "rejected, back to talks")"
        return (tally.outcome, text.string)
    }
}

extension CongressVote {
    /// S1 art 36: why a session cannot have had these counts (nobody votes who is not present,
    /// and nobody is present who is not a representative), with the numbers; nil when it can.
    /// The engine refuses such a vote, and an import refuses a document that states one.
    public static func impossibleCounts(total: Int, present: Int, for votesFor: Int, against: Int, abstain: Int) -> String? {
        if total <= 0 { return "the congress must have at least one representative" }
        if present < 0 || present > total { return "\(present) present is impossible for a body of \(total)" }
        if votesFor < 0 || against < 0 || abstain < 0 { return "vote counts cannot be negative" }
        if votesFor + against + abstain > present {
            return "\(votesFor) for + \(against) against + \(abstain) abstaining = \(votesFor + against + abstain), more than the \(present) present"
        }
        return nil
    }
}

/// Rules on the congress (S1 art 36; S5 art 41; S11 art 17).
enum CongressRules {
    /// S5 art 41: the draft reaches the union in writing N days before the session.
    static func notice(_ c: RuleContext) -> RuleVerdict {
        guard let session = c.fields.day("session-on"), let delivered = c.fields.day("items-delivered-on"),
              let days = c.parameters.integer("days") else { return .holds }
        if session < c.day { return .violated("the session date \(session) is before the convening on \(c.day)") }
        let latest = session.adding(days: -days)
        guard delivered <= latest else {
            return .violated("the draft reached the union on \(delivered), \(delivered.days(until: session)) days before the session on \(session); it must arrive \(days) days before (by \(latest))")
        }
        return .holds
    }

    /// S1 art 36: classify the vote after checking the counts add up.
    static func vote(_ c: RuleContext) -> RuleVerdict {
        let total = c.fields.integer("total") ?? 0
        let present = c.fields.integer("present") ?? 0
        let votesFor = c.fields.integer("for") ?? 0
        let against = c.fields.integer("against") ?? 0
        let abstain = c.fields.integer("abstain") ?? 0
        if let impossible = CongressVote.impossibleCounts(total: total, present: present, for: votesFor, against: against, abstain: abstain) {
            return .violated(impossible)
        }
        guard let attendance = c.parameters.fraction("attendance"), let approval = c.parameters.text("approval") else { return .holds }
        let (outcome, explanation) = CongressVote(total: total, present: present, votesFor: votesFor).decide(attendance: attendance, approval: approval)
        return .outcome(outcome.rawValue, explanation)
    }

    /// S11 art 17: managers hold at most a fifth of a regional or industry congress's seats.
    static func managersShare(_ c: RuleContext) -> RuleVerdict {
        guard let share = c.parameters.fraction("max") else { return .holds }
        let total = c.fields.integer("total") ?? 0
        guard let managers = c.fields.integer("managers") else {
            return .violated("give the number of seats held by enterprise managers (managers=N); at most \(share) of the congress")
        }
        let allowed = share.maximumCount(of: total)
        guard managers <= allowed else {
            return .violated("managers hold \(managers) of \(total) seats; at most \(share) (\(allowed)) are allowed")
        }
        return .holds
    }
}
