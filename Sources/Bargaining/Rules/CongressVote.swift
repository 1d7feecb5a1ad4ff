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

    /// The outcome with the rule as applied, in numbers a chair can check by hand.
    public func decide(attendance: Fraction, approval: String) -> (Outcome, String) {
        let quorum = attendance.minimumCount(of: total)
        guard present >= quorum else {
            let text: UTF8Text = "\(present) of \(total) representatives present; \(attendance.chineseName) (\(attendance)) is \(quorum): quorum missed, the congress must be reconvened"
            return (.quorumMissed, text.string)
        }
        let needed: Int
        let rule: String
        switch approval {
        case "two-thirds-of-all":
            needed = Fraction(numerator: 2, denominator: 3)!.minimumCount(of: total)
            rule = "two-thirds of all"
        default:
            needed = total / 2 + 1
            rule = "more than half of all"
        }
        let approved = votesFor >= needed
        let text: UTF8Text = "\(present) of \(total) present (quorum \(quorum)); \(votesFor) voted for; \(rule) \(total) is \(needed): \(approved ? "approved" : "rejected, back to talks")"
        return (approved ? .approved : .rejected, text.string)
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
        if total <= 0 { return .violated("the congress must have at least one representative") }
        if present < 0 || present > total { return .violated("\(present) present is impossible for a body of \(total)") }
        if votesFor < 0 || against < 0 || abstain < 0 { return .violated("vote counts cannot be negative") }
        if votesFor + against + abstain > present {
            return .violated("\(votesFor) for + \(against) against + \(abstain) abstaining = \(votesFor + against + abstain), more than the \(present) present")
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
