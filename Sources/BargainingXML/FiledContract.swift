import Bargaining

/// A collective wage contract as filed with the labour administration (S1 art 42), with the
/// negotiation that produced it: everything a `bargain-contract-1.0` document says, as values.
///
/// Built from a negotiation's history by ``init(_:)``, or read back from a document by
/// ``FilingImporter``. The XML is written from this value alone, so a contract read back and
/// written again gives the same bytes.
public struct FiledContract: Hashable, Sendable {
    /// The contract's key in the contract index: today the id of the negotiation that concluded
    /// it, as in the store's contract records.
    public var contractID: String
    public var negotiationID: String
    public var title: String
    public var level: Level
    public var workflow: WorkflowReference
    public var district: String?
    public var street: String?
    /// The negotiation whose contract this one renews (S1 art 38).
    public var renews: String?
    public var employeeParty: Party
    public var employerParty: Party
    /// Ordered by credit code.
    public var enterprises: [CoveredEnterprise]
    /// A later effective date the contract itself states.
    public var startsOn: Day?
    public var expiresOn: Day
    public var wageTerms: WageTerms
    /// The employee side's delegation, then the employer side's.
    public var delegations: [Delegation]
    public var recorder: String?
    public var rounds: [Round]
    public var congressSessions: [CongressVoteSummary]
    public var signatures: [Signature]
    public var filings: [Filing]
    public var effectiveOn: Day?
    public var publications: [Publication]
    public var termination: Termination?
    /// The event the document was built from (the last one recorded) and its chain hash.
    public var provenance: Provenance
    /// Who handed the document to the archive, set when it is exported; nil in a contract built
    /// from a history and not exported yet.
    public var deposit: Deposit? = nil

    public struct Party: Hashable, Sendable {
        public var name: String
        public var chiefRepresentative: String

        public init(name: String, chiefRepresentative: String) {
            self.name = name
            self.chiefRepresentative = chiefRepresentative
        }
    }

    /// Beijing's "3+N" and the figures recorded at filing (S4 art 7).
    public struct WageTerms: Hashable, Sendable {
        /// Basis points (1% = 100).
        public var adjustmentRate: Int
        /// Fen (1 yuan = 100 fen).
        public var lowestWage: Int
        public var payDay: Int
        /// The N items the parties chose, in the order agreed.
        public var chosenItems: [String]
        /// Fen.
        public var averageWageLastYear: Int?
        public var employeesCovered: Int?

        public init(adjustmentRate: Int, lowestWage: Int, payDay: Int, chosenItems: [String],
                    averageWageLastYear: Int?, employeesCovered: Int?) {
            self.adjustmentRate = adjustmentRate
            self.lowestWage = lowestWage
            self.payDay = payDay
            self.chosenItems = chosenItems
            self.averageWageLastYear = averageWageLastYear
            self.employeesCovered = employeesCovered
        }
    }

    public struct Delegation: Hashable, Sendable {
        public var side: Side
        public var chief: String
        public var members: [String]
        public var experts: [String]

        public init(side: Side, chief: String, members: [String], experts: [String]) {
            self.side = side
            self.chief = chief
            self.members = members
            self.experts = experts
        }
    }

    public struct Round: Hashable, Sendable {
        public var heldOn: Day
        public var chair: Side
        public var minutesSigned: Bool
        public var summary: String?

        public init(heldOn: Day, chair: Side, minutesSigned: Bool, summary: String?) {
            self.heldOn = heldOn
            self.chair = chair
            self.minutesSigned = minutesSigned
            self.summary = summary
        }
    }

    public struct Signature: Hashable, Sendable {
        public var side: Side
        public var name: String
        public var signedOn: Day

        public init(side: Side, name: String, signedOn: Day) {
            self.side = side
            self.name = name
            self.signedOn = signedOn
        }
    }

    public struct Filing: Hashable, Sendable {
        public var filedBy: Actor
        public var filedOn: Day
        public var copies: Int
        public var authority: String
        public var review: Review
        /// 备案号: the number the labour administration gave the filing, once it records one.
        public var filingNumber: String?

        public init(filedBy: Actor, filedOn: Day, copies: Int, authority: String, review: Review, filingNumber: String? = nil) {
            self.filedBy = filedBy
            self.filedOn = filedOn
            self.copies = copies
            self.authority = authority
            self.review = review
            self.filingNumber = filingNumber
        }
    }

    /// The review of one filing (S1 arts 44–47).
    public enum Review: Hashable, Sendable {
        /// The window is open.
        case pending
        /// A written no-objection, on that day.
        case noObjection(on: Day)
        /// A review opinion served on that day (S1 art 45).
        case objection(on: Day, opinion: String)
        /// The window closed in silence; the day the negotiation moved on (S1 art 47).
        case lapsed(on: Day)

        public var outcome: String {
            switch self {
            case .pending: "pending"
            case .noObjection: "no-objection"
            case .objection: "objection"
            case .lapsed: "lapsed"
            }
        }

        public var decidedOn: Day? {
            switch self {
            case .pending: nil
            case .noObjection(let day), .objection(let day, _), .lapsed(let day): day
            }
        }
    }

    public struct Publication: Hashable, Sendable {
        public var side: Side
        public var publishedOn: Day
        public var form: String

        public init(side: Side, publishedOn: Day, form: String) {
            self.side = side
            self.publishedOn = publishedOn
            self.form = form
        }
    }

    public struct Termination: Hashable, Sendable {
        public var terminatedOn: Day
        public var reason: String?

        public init(terminatedOn: Day, reason: String?) {
            self.terminatedOn = terminatedOn
            self.reason = reason
        }
    }

    /// Employees of all covered enterprises, when every one states them.
    public var totalEmployees: Int? {
        var total = 0
        for enterprise in enterprises {
            guard let employees = enterprise.employees else { return nil }
            total += employees
        }
        return total
    }

    /// The day both chiefs had signed.
    public var signedOn: Day? { signatures.map(\.signedOn).max() }
}

/// The event a document was built from and its link in the hash chain.
public struct Provenance: Hashable, Sendable {
    public var eventSequence: Int
    public var eventHash: String

    public init(eventSequence: Int, eventHash: String) {
        self.eventSequence = eventSequence
        self.eventHash = eventHash
    }
}

/// One congress session's vote as the contract records it; the full record is a
/// ``CongressRecord``.
public struct CongressVoteSummary: Hashable, Sendable {
    public var recordID: String
    public var heldOn: Day
    public var body: String
    public var total: Int
    public var present: Int
    /// The smallest attendance the rule allows, ⌈total × attendance⌉.
    public var quorum: Int
    public var managers: Int?
    public var votesFor: Int
    public var against: Int
    public var abstain: Int
    public var outcome: CongressVote.Outcome
    public var rule: CongressRule

    public init(recordID: String, heldOn: Day, body: String, total: Int, present: Int, quorum: Int, managers: Int?,
                votesFor: Int, against: Int, abstain: Int, outcome: CongressVote.Outcome, rule: CongressRule) {
        self.recordID = recordID
        self.heldOn = heldOn
        self.body = body
        self.total = total
        self.present = present
        self.quorum = quorum
        self.managers = managers
        self.votesFor = votesFor
        self.against = against
        self.abstain = abstain
        self.outcome = outcome
        self.rule = rule
    }
}

/// The congress rule as applied (S1 art 36): the workflow's parameters and the engine's
/// explanation with the numbers.
public struct CongressRule: Hashable, Sendable {
    public var article: String
    /// The share of all representatives that must attend (2/3).
    public var attendance: Fraction
    /// `more-than-half-of-all` or `two-thirds-of-all`.
    public var approval: String
    public var explanation: String

    public static let approvals = ["more-than-half-of-all", "two-thirds-of-all"]

    public init(article: String, attendance: Fraction, approval: String, explanation: String) {
        self.article = article
        self.attendance = attendance
        self.approval = approval
        self.explanation = explanation
    }
}
