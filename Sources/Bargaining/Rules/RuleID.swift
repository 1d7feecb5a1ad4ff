/// The fixed catalogue of legal rules. A workflow file names them as guards with parameters; the
/// meaning of each is code here, tested once, cited by article.
public enum RuleID: String, CaseIterable, Sendable, Codable {
    case replyingSide = "replying-side"
    case escalationLadder = "escalation-ladder"
    case delegationSize = "delegation-size"
    case delegationParity = "delegation-parity"
    case chiefNotExternal = "chief-not-external"
    case expertsShare = "experts-share"
    case noDualSeat = "no-dual-seat"
    case recorderNotRepresentative = "recorder-not-representative"
    case chiefRepresentative = "chief-representative"
    case vacancyKnown = "vacancy-known"
    case informationLeadTime = "information-lead-time"
    case chairsRotate = "chairs-rotate"
    case minutesSigned = "minutes-signed"
    case resumeDateAfter = "resume-date-after"
    case extensionLimit = "extension-limit"
    case wageItems = "wage-items"
    case minimumWage = "minimum-wage"
    case wageGuideline = "wage-guideline"
    case notBelowCovering = "not-below-covering-contract"
    case contractTerm = "contract-term"
    case congressNotice = "congress-notice"
    case congressVote = "congress-vote"
    case managersShare = "managers-share"
    case filingCopies = "filing-copies"
    case renewalWindow = "renewal-window"
    case employeeRequest = "employee-request"
    case terminationGround = "termination-ground"
    case employeeElection = "employee-election"
    case employerDelegate = "employer-delegate"
    case wageAgreementSeal = "wage-agreement-seal"

    /// The source of the rule (SPEC.md tags: S1 集体合同规定, S2 劳动合同法, S4 工资集体协商试行办法,
    /// S5 北京市实施《工会法》办法, S11 区域行业职代会规定 (attribution unverified)).
    public var article: String {
        switch self {
        case .replyingSide: "S1 art 32"
        case .escalationLadder: "S5 arts 21, 55"
        case .delegationSize, .delegationParity: "S1 art 19"
        case .chiefNotExternal, .expertsShare: "S1 art 23"
        case .noDualSeat: "S1 art 24"
        case .recorderNotRepresentative: "S1 art 33"
        case .chiefRepresentative: "S1 arts 34, 37"
        case .vacancyKnown: "S1 art 31"
        case .informationLeadTime: "S4 art 18"
        case .chairsRotate: "S1 art 34"
        case .minutesSigned: "S1 art 35 [policy]"
        case .resumeDateAfter: "S1 art 35"
        case .extensionLimit: "S1 art 52"
        case .wageItems: "S4 art 7; Beijing 3+N [policy]"
        case .minimumWage: "S2 art 55"
        case .wageGuideline: "S4 art 8"
        case .notBelowCovering: "S5 art 22"
        case .contractTerm: "S1 art 38"
        case .congressNotice: "S5 art 41"
        case .congressVote: "S1 art 36"
        case .managersShare: "S11 art 17 (attribution unverified)"
        case .filingCopies: "S1 art 42"
        case .renewalWindow: "S1 art 38; S4 art 24"
        case .employeeRequest: "S4 art 17 [policy: 1/5]"
        case .terminationGround: "S1 arts 39–41"
        case .employeeElection: "S1 art 20; S2 art 51"
        case .employerDelegate: "S1 art 21"
        case .wageAgreementSeal: "S4 art 20"
        }
    }

    /// The rule in one sentence, as the CLI explains it before asking for fields.
    public var summary: String {
        switch self {
        case .replyingSide: "The reply comes from the side that received the notice."
        case .escalationLadder: "A refusal or delay is met by the district's escalation ladder, one rung at a time, each after the previous rung's time has run out."
        case .delegationSize: "Each side has at least 3 representatives (and at most the cap the district sets)."
        case .delegationParity: "Both sides have the same number of representatives."
        case .chiefNotExternal: "The chief representative is never an outside expert."
        case .expertsShare: "Outside experts are at most a third of a side."
        case .noDualSeat: "Nobody represents both sides."
        case .recorderNotRepresentative: "The recorder is one neutral person who is not a representative."
        case .chiefRepresentative: "Only the side's chief representative signs for it."
        case .vacancyKnown: "Only a reported vacancy can be filled, by someone not already at the table."
        case .informationLeadTime: "Requested information is supplied at least 5 days before the first meeting."
        case .chairsRotate: "The chief representatives chair the meetings in turn."
        case .minutesSigned: "The minutes of every round are signed by both chief representatives."
        case .resumeDateAfter: "A suspension names a resumption date after the day it is agreed."
        case .extensionLimit: "Coordination ends within 30 days of acceptance, extended once by at most 15 days."
        case .wageItems: "The draft states the three core items: adjustment rate, lowest wage and pay day."
        case .minimumWage: "The lowest wage is not below the monthly minimum wage in force on the effective date."
        case .wageGuideline: "An adjustment rate outside the published wage guideline is flagged."
        case .notBelowCovering: "An enterprise agreement is not below the regional or industry agreement covering it."
        case .contractTerm: "A collective contract runs 1 to 3 years."
        case .congressNotice: "The draft reaches the union in writing 7 days before the congress."
        case .congressVote: "Two-thirds of all representatives attend; more than half of ALL representatives approve."
        case .managersShare: "Managers hold at most a fifth of a regional or industry congress's seats."
        case .filingCopies: "The employer files three copies with the labour administration."
        case .renewalWindow: "Renewal is asked for in the window before expiry."
        case .employeeRequest: "Where at least a fifth of the employees ask, the union must send the written notice; it may not withdraw instead."
        case .terminationGround: "A contract ends early only by agreement (through the same procedure, congress included) or by merger, dissolution, bankruptcy, force majeure or an agreed condition."
        case .employeeElection: "Where there is no union, the employees' representatives are elected by more than half of all employees."
        case .employerDelegate: "The employer's chief is the legal representative or a manager he authorised in writing."
        case .wageAgreementSeal: "The employer signs a wage agreement and seals it."
        }
    }

    /// The parameters a workflow file may give the rule, with their types.
    public var parameters: [String: RuleParameterType] {
        switch self {
        case .delegationSize: ["min": .integer, "max": .integer]
        case .expertsShare, .managersShare: ["max": .fraction]
        case .informationLeadTime: ["days": .integer]
        case .extensionLimit: ["max-days": .integer, "times": .integer]
        case .wageItems: ["required": .list]
        case .contractTerm: ["min-years": .integer, "max-years": .integer]
        case .congressNotice: ["days": .integer]
        case .congressVote: ["attendance": .fraction, "approval": .text]
        case .filingCopies: ["copies": .integer]
        case .renewalWindow: ["months": .integer, "days": .integer]
        case .employeeRequest: ["share": .fraction]
        default: [:]
        }
    }

    /// The outcomes a classifying rule chooses between; an action guarded by it maps each to a step.
    public var outcomes: [String]? {
        switch self {
        case .congressVote: CongressVote.Outcome.allCases.map(\.rawValue)
        default: nil
        }
    }
}

/// How a rule parameter is written in a workflow file.
public enum RuleParameterType: String, Sendable {
    case integer, fraction, text, list
}

/// A parsed rule parameter.
public enum RuleParameter: Hashable, Sendable {
    case integer(Int)
    case fraction(Fraction)
    case text(String)
    case list([String])
}
