/// What a negotiation is when it opens: who negotiates, for whom, under which pinned workflow.
public struct Opening: Hashable, Codable, Sendable {
    public var id: String
    public var level: Level
    public var workflow: WorkflowReference
    public var title: String
    /// The union side (enterprise union, industry union, regional federation).
    public var employeeParty: String
    /// The employer, industry association or employer organisation.
    public var employerParty: String
    /// The enterprises covered: exactly one at enterprise level, one or more otherwise.
    public var enterprises: [CoveredEnterprise]
    /// District (区) and street (街道) for reports; optional.
    public var district: String?
    public var street: String?
    /// The negotiation whose contract this one renews (S1 art 38: a renewal is a new negotiation).
    public var renews: String?
    /// The negotiation whose contract this one amends (S1 arts 39, 41: an amendment by agreement
    /// follows the procedure of a new contract, so it is a negotiation of its own).
    public var amends: String?

    public init(id: String, level: Level, workflow: WorkflowReference, title: String, employeeParty: String,
                employerParty: String, enterprises: [CoveredEnterprise], district: String? = nil,
                street: String? = nil, renews: String? = nil, amends: String? = nil) {
        self.id = id
        self.level = level
        self.workflow = workflow
        self.title = title
        self.employeeParty = employeeParty
        self.employerParty = employerParty
        self.enterprises = enterprises
        self.district = district
        self.street = street
        self.renews = renews
        self.amends = amends
    }
}
