/// The place an account sits at: a role with a scope. A server login never says which role it acts
/// in; the seat does, so a union chair cannot record the employer's reply or the bureau's review.
public enum Seat: Hashable, Sendable {
    /// 职工方 of one enterprise (its union), by the enterprise's credit code.
    case unionOfEnterprise(CreditCode)
    /// 职工方 as an industry or regional union, by the union's name as written in the opening.
    case union(String)
    /// 企业方 of one enterprise, by its credit code.
    case employerOfEnterprise(CreditCode)
    /// 上级工会 of a district.
    case upperUnion(district: String)
    /// 人社部门 (reviewer) of a district.
    case labourAdministration(district: String)
    /// District staff: read everything in the district, act in none.
    case districtStaff(district: String)
    /// 档案馆 (archive): reads filed records only.
    case archive
    /// Manages accounts and reads everything; takes no party's act.
    case administrator

    /// The role recorded for this seat's acts; nil for seats that only read.
    public var role: Role? {
        switch self {
        case .unionOfEnterprise, .union: .employeeSide
        case .employerOfEnterprise: .employerSide
        case .upperUnion: .upperUnion
        case .labourAdministration: .labourAdministration
        case .districtStaff, .archive, .administrator: nil
        }
    }
}
