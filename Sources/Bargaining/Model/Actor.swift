/// The person or body taking an action, in a role. The name matters where the law names a person:
/// only the chief representatives sign (S1 arts 34, 37).
public struct Actor: Hashable, Codable, Sendable, CustomStringConvertible {
    public var role: Role
    public var name: String

    public init(_ role: Role, _ name: String = "") {
        self.role = role
        self.name = name
    }

    /// Parses `ROLE[:NAME]`, e.g. `employee-side:王芳`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let role = Role(rawValue: String(parts[0])), role != .system else { return nil }
        self.init(role, parts.count > 1 ? String(parts[1]) : "")
    }

    public static let calendar = Actor(.system)

    public var description: String { name.isEmpty ? role.rawValue : "\(role.rawValue):\(name)" }
}
