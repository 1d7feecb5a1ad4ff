/// What the engine consults besides a negotiation's own events: the holiday calendar, the
/// minimum wage, the district policy, and the regional or industry agreements in force.
/// Loaded at the edges and passed in, so deciding stays a pure function.
public struct EngineContext: Sendable {
    public var calendar: HolidayCalendar
    public var minimumWages: MinimumWageTable
    /// Published wage guidelines by year; empty where none is on file (SPEC §4: unverified).
    public var wageGuidelines: [Int: WageGuideline]
    public var policy: Policy
    /// Terms of regional and industry agreements, by covered enterprise (S5 art 22).
    public var coveringTerms: [CreditCode: [CoveringTerms]]

    public init(calendar: HolidayCalendar, minimumWages: MinimumWageTable, policy: Policy,
                wageGuidelines: [Int: WageGuideline] = [:], coveringTerms: [CreditCode: [CoveringTerms]] = [:]) {
        self.calendar = calendar
        self.minimumWages = minimumWages
        self.wageGuidelines = wageGuidelines
        self.policy = policy
        self.coveringTerms = coveringTerms
    }
}

/// The standards of a regional or industry agreement that an enterprise agreement may not undercut.
public struct CoveringTerms: Hashable, Sendable {
    public var contractID: String
    public var level: Level
    public var lowestWageFen: Int
    public var effectiveOn: Day
    public var expiresOn: Day

    public init(contractID: String, level: Level, lowestWageFen: Int, effectiveOn: Day, expiresOn: Day) {
        self.contractID = contractID
        self.level = level
        self.lowestWageFen = lowestWageFen
        self.effectiveOn = effectiveOn
        self.expiresOn = expiresOn
    }
}
