/// What a seat may see of the coverage figures (SPEC §6; issue 15 item 4, issue 16): figures
/// count the registry's enterprises, not one negotiation, so the scope is a district or the city.
public enum CoverageAccess: Hashable, Sendable {
    /// Allowed: the registry enterprises of this district, or of every district when nil.
    case allowed(district: String?)
    /// The seat reads no coverage figures at all.
    case refused(String)
    /// The district asked for lies outside the seat's scope. Answered exactly as a district the
    /// registry does not hold, so a seat cannot learn what another district's figures are.
    case notFound
}

extension Authorization {
    /// Coverage for `seat`, `asked` being the district a request names (nil: the seat's own
    /// scope). The seats that read everything of a district (its staff, its upper-level union,
    /// its labour administration) see that district's figures; the administrator sees the
    /// city's, any district's on asking. An enterprise's or a union's seat reads its own
    /// negotiations only, and the archive filed records only: figures over the whole registry
    /// would tell them about enterprises outside that scope, so they are refused.
    public static func coverage(seat: Seat, asked: String?) -> CoverageAccess {
        switch seat {
        case .districtStaff(let district), .upperUnion(let district), .labourAdministration(let district):
            guard asked == nil || asked == district else { return .notFound }
            return .allowed(district: district)
        case .administrator:
            return .allowed(district: asked)
        case .unionOfEnterprise, .union, .employerOfEnterprise, .archive:
            return .refused("此席位不查阅覆盖情况 (this seat reads no coverage figures): 区总工会、上级工会、人社部门按区查阅，管理员查阅全市")
        }
    }
}
