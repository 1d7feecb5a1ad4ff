/// What a seat asks to do with one negotiation.
public enum AccessRequest: Sendable {
    case read
    /// Take an act as the workflow defines it (its roles and article).
    case act(Workflow.ActionDefinition)
}

/// The answer. `notFound` is what a seat outside the scope gets for reads and acts alike, so a
/// reader cannot learn that another district's negotiation exists.
public enum AccessDecision: Hashable, Sendable {
    /// Allowed; for an act, the actor to record (role from the seat, name from the account).
    case allowed(Actor?)
    case refused(String)
    case notFound
}

/// Authorization as a pure function of seat, negotiation facts and request.
public enum Authorization {
    public static func decide(seat: Seat, account: String, facts: NegotiationFacts, request: AccessRequest) -> AccessDecision {
        guard inScope(seat, facts) else { return .notFound }
        guard case .act(let action) = request else { return .allowed(nil) }
        guard let role = seat.role else {
            return .refused("此席位只能查阅 (this seat reads only): \(account) 不能办理「\(action.kind.title)」")
        }
        guard action.roles.contains(role) else {
            let owners = action.roles.map(\.chineseName).joined(separator: "、")
            return .refused("「\(action.kind.title)」由\(owners)办理，\(role.chineseName)不能代为记录 (\(action.article))")
        }
        return .allowed(Actor(role, account))
    }

    static func inScope(_ seat: Seat, _ facts: NegotiationFacts) -> Bool {
        switch seat {
        case .unionOfEnterprise(let code), .employerOfEnterprise(let code): facts.enterprises.contains(code)
        case .union(let name): facts.employeeParty == name
        case .upperUnion(let d), .labourAdministration(let d), .districtStaff(let d): facts.district == d
        case .archive: facts.filed
        case .administrator: true
        }
    }
}
