import Bargaining

/// The record of one workers' congress session (SPEC §5): everything a `bargain-congress-1.0`
/// document says, as values.
///
/// Built from a negotiation's history by ``records(of:)`` (one per session on the draft), or
/// read back by ``FilingImporter``.
public struct CongressRecord: Hashable, Sendable {
    public var recordID: String
    /// Absent for an annual session held outside a negotiation.
    public var negotiationID: String?
    public var sessionNumber: Int
    public var level: Level
    /// The enterprise whose congress this is, or those an industry or regional congress
    /// represents; ordered by credit code.
    public var enterprises: [Enterprise]
    /// As the record names it: 职工代表大会, 职工大会…
    public var body: String
    public var heldOn: Day
    public var convenedBy: Actor
    public var convenedOn: Day?
    public var itemsDeliveredOn: Day?
    public var recorder: String?
    public var total: Int
    public var present: Int
    public var managers: Int?
    /// The smallest attendance the rule allows.
    public var quorum: Int
    public var items: [AgendaItem]
    /// The event that recorded the session and its chain hash.
    public var provenance: Provenance?
    /// Who handed the record to the archive, set when it is exported.
    public var deposit: Deposit? = nil

    public struct Enterprise: Hashable, Sendable {
        public var creditCode: CreditCode
        public var name: String

        public init(creditCode: CreditCode, name: String) {
            self.creditCode = creditCode
            self.name = name
        }
    }

    public struct AgendaItem: Hashable, Sendable {
        public var title: String
        public var votesFor: Int
        public var against: Int
        public var abstain: Int
        public var outcome: CongressVote.Outcome
        public var rule: CongressRule

        public init(title: String, votesFor: Int, against: Int, abstain: Int, outcome: CongressVote.Outcome,
                    rule: CongressRule) {
            self.title = title
            self.votesFor = votesFor
            self.against = against
            self.abstain = abstain
            self.outcome = outcome
            self.rule = rule
        }
    }

    /// The form of the body, from its name: the two the law names, or `other`.
    public var bodyForm: String { Self.form(of: body) }

    static func form(of body: String) -> String {
        switch body {
        case "职工代表大会": "workers-congress"
        case "职工大会": "all-employee-meeting"
        default: "other"
        }
    }

    public var quorumMet: Bool { present >= quorum }

    /// The record's identifier for session `number` of negotiation `id`.
    public static func recordID(negotiation id: String, session number: Int) -> String {
        "\(id)-congress-\(number)"
    }
}
