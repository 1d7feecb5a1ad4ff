import Bargaining

/// The whole-number counts a report's pass accumulates for one group; rates and shortfalls are
/// derived from them once, at the end.
struct CoverageTally {
    /// Registry enterprises in scope, unionised or not: a group exists when this is positive.
    var enterprises = 0
    var unionised = 0
    var signed = 0
    var employees = 0
    var employeesCovered = 0
    var due = 0
    var renewed = 0
    var chamberMembers = 0
    var chamberSigned = 0
    var congressEstablished = 0

    static func += (lhs: inout CoverageTally, rhs: CoverageTally) {
        lhs.enterprises += rhs.enterprises
        lhs.unionised += rhs.unionised
        lhs.signed += rhs.signed
        lhs.employees += rhs.employees
        lhs.employeesCovered += rhs.employeesCovered
        lhs.due += rhs.due
        lhs.renewed += rhs.renewed
        lhs.chamberMembers += rhs.chamberMembers
        lhs.chamberSigned += rhs.chamberSigned
        lhs.congressEstablished += rhs.congressEstablished
    }

    /// `congressRecorded`: whether any congress session is recorded at all (else the congress
    /// rate is "no data").
    func figures(key: String, policy: Policy, congressRecorded: Bool) -> CoverageFigures {
        CoverageFigures(key: key, unionised: unionised, signed: signed, employees: employees,
                        employeesCovered: employeesCovered, due: due, renewed: renewed, chamberMembers: chamberMembers,
                        chamberSigned: chamberSigned, congressEstablished: congressEstablished, congressRecorded: congressRecorded,
                        policy: policy)
    }
}
