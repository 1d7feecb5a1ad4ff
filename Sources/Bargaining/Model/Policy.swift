/// A district's or city's choices where the law leaves room (SPEC's [policy] marks): coverage
/// targets, the renewal grace, the reminder window, the escalation ladder.
public struct Policy: Sendable, Hashable {
    public var name: String
    public var title: String
    /// Targets in basis points of the denominator (90% = 9000).
    public var signingTarget: Int
    public var renewalTarget: Int
    public var chamberTarget: Int
    /// Industry and regional contracts count as covering the enterprises they list (SPEC §6).
    public var countIndustryAndRegional: Bool
    /// Days after expiry within which a new contract still counts as a renewal (G of SPEC §6).
    public var renewalGraceDays: Int
    /// How far back a congress session counts for the establishment rate.
    public var congressLookbackMonths: Int
    /// How long before expiry an enterprise without an open renewal is a laggard to remind.
    public var reminderWindowDays: Int
    public var escalationLadder: [EscalationRung]
    /// The organisation that deposits exports with an archive; its credit code makes document
    /// ids globally unique. Absent: exports name no depositor.
    public var depositor: Depositor? = nil
    /// Who signs the district's letters and whom the employer calls, by district (区) as the
    /// registry names it. A district not listed signs as `<district>总工会` with no contact.
    public var districts: [String: DistrictOffice] = [:]

    /// A district union as its letters name it: the issuer, the contact person and the phone.
    public struct DistrictOffice: Sendable, Hashable {
        public var issuer: String
        public var contact: String
        public var phone: String

        public init(issuer: String, contact: String, phone: String) {
            self.issuer = issuer
            self.contact = contact
            self.phone = phone
        }
    }

    /// 移交单位 — who hands filed contracts and congress records to the archive (a district
    /// union, say): a name and its unified social credit code.
    public struct Depositor: Sendable, Hashable {
        public var name: String
        public var creditCode: CreditCode

        public init(name: String, creditCode: CreditCode) {
            self.name = name
            self.creditCode = creditCode
        }
    }

    public struct EscalationRung: Sendable, Hashable {
        public var rung: String
        public var title: String
        /// Time the employer has to answer this rung before the next may be taken; nil for the last.
        public var length: Workflow.DeadlineLength?
        public var article: String
    }

    public func rung(named name: String) -> EscalationRung? { escalationLadder.first { $0.rung == name } }
}
