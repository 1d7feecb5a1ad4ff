import Bargaining

/// How parties and places read in text output, the same in `status`, `list` and the demo.
enum PartiesText {
    /// `北京亦庄精密制造有限公司 (91110302MA01C8XK7X, 412 employees)`.
    static func enterprise(_ enterprise: CoveredEnterprise) -> String {
        "\(enterprise.name) (\(enterprise.creditCode)\(enterprise.employees.map { ", \($0) employees" } ?? ""))"
    }

    /// `北京经济技术开发区 荣华街道`, or nil when neither is known.
    static func place(_ opening: Opening) -> String? {
        let parts = [opening.district, opening.street].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `职工方 王芳`, or the role alone when no name was given.
    static func actor(_ actor: Actor) -> String {
        actor.name.isEmpty ? actor.role.chineseName : "\(actor.role.chineseName) \(actor.name)"
    }
}
