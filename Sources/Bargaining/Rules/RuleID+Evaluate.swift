extension RuleID {
    /// Judges one proposed act. Each case is one legal rule; its article is ``article``.
    func evaluate(_ c: RuleContext) -> RuleVerdict {
        switch self {
        case .replyingSide: ProcedureRules.replyingSide(c)
        case .escalationLadder: ProcedureRules.escalationLadder(c)
        case .delegationSize: RepresentativeRules.size(c)
        case .delegationParity: RepresentativeRules.parity(c)
        case .chiefNotExternal: RepresentativeRules.chiefNotExternal(c)
        case .expertsShare: RepresentativeRules.expertsShare(c)
        case .noDualSeat: RepresentativeRules.noDualSeat(c)
        case .recorderNotRepresentative: RepresentativeRules.recorderNotRepresentative(c)
        case .chiefRepresentative: RepresentativeRules.chiefRepresentative(c)
        case .vacancyKnown: RepresentativeRules.vacancyKnown(c)
        case .informationLeadTime: TalksRules.informationLeadTime(c)
        case .chairsRotate: TalksRules.chairsRotate(c)
        case .minutesSigned: TalksRules.minutesSigned(c)
        case .resumeDateAfter: TalksRules.resumeDateAfter(c)
        case .extensionLimit: TalksRules.extensionLimit(c)
        case .wageItems: WageTermRules.items(c)
        case .minimumWage: WageTermRules.minimumWage(c)
        case .wageGuideline: WageTermRules.guideline(c)
        case .notBelowCovering: WageTermRules.notBelowCovering(c)
        case .contractTerm: WageTermRules.term(c)
        case .congressNotice: CongressRules.notice(c)
        case .congressVote: CongressRules.vote(c)
        case .managersShare: CongressRules.managersShare(c)
        case .filingCopies: ProcedureRules.filingCopies(c)
        case .renewalWindow: ProcedureRules.renewalWindow(c)
        case .employeeRequest: ProcedureRules.employeeRequest(c)
        case .terminationGround: ProcedureRules.terminationGround(c)
        case .employeeElection: RepresentativeRules.employeeElection(c)
        case .employerDelegate: RepresentativeRules.employerDelegate(c)
        case .wageAgreementSeal: RepresentativeRules.wageAgreementSeal(c)
        }
    }
}
