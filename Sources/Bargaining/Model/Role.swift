/// Who may take an action. The catalogue is fixed: workflow files choose among these, so a typo
/// in a file is an error at load time instead of an action nobody can ever take.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// The union side: enterprise union, industry union or regional federation (S1 art 20).
    case employeeSide = "employee-side"
    /// The employer: legal representative or authorised manager, or the employer organisation (S1 art 21).
    case employerSide = "employer-side"
    /// 人社部门: receives the filing, reviews it, coordinates disputes (S1 arts 42–54).
    case labourAdministration = "labour-administration"
    /// 上级工会: guides, and escalates a refusal to negotiate (S5 arts 21, 55).
    case upperUnion = "upper-union"
    /// The tripartite coordinators of a negotiation dispute (S1 art 50).
    case coordinator
    /// 记录员: one neutral person, not a representative (S1 art 33).
    case recorder
    /// The calendar itself: deadlines that lapse (review silence, expiry) are recorded as its acts.
    case system

    public var chineseName: String {
        switch self {
        case .employeeSide: "职工方"
        case .employerSide: "企业方"
        case .labourAdministration: "人社部门"
        case .upperUnion: "上级工会"
        case .coordinator: "协调人员"
        case .recorder: "记录员"
        case .system: "期限届满"
        }
    }

    /// The negotiating side this role speaks for, if it is one of the two parties.
    public var side: Side? {
        switch self {
        case .employeeSide: .employee
        case .employerSide: .employer
        default: nil
        }
    }
}

/// The two parties at the table. Parity, chief representatives and signatures are per side.
public enum Side: String, CaseIterable, Codable, Sendable, Comparable {
    case employee
    case employer

    public var other: Side { self == .employee ? .employer : .employee }
    public var role: Role { self == .employee ? .employeeSide : .employerSide }
    public var chineseName: String { role.chineseName }

    public static func < (lhs: Side, rhs: Side) -> Bool { lhs == .employee && rhs == .employer }
}
