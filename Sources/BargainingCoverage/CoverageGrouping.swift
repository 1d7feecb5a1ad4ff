/// How a coverage report breaks its figures down: the ways district staff are asked to report
/// (by street and industry), plus chamber membership, which has its own target.
public enum CoverageGrouping: String, Sendable, Hashable, Codable, CaseIterable {
    case district
    case street
    case industry
    /// Two groups, keyed ``memberKey`` and ``nonMemberKey``.
    case chamber
    /// No groups: the total only.
    case none

    /// The group key of chamber members (工商联会员) under `.chamber`.
    public static let memberKey = "member"
    /// The group key of the other enterprises under `.chamber`.
    public static let nonMemberKey = "non-member"

    /// The name a chart shows for a group: keys are the registry's own (Chinese) names, except
    /// the chamber groups, whose keys are fixed English words for scripts reading the JSON.
    public func displayName(ofKey key: String) -> String {
        guard self == .chamber else { return key }
        switch key {
        case Self.memberKey: return "工商联会员"
        case Self.nonMemberKey: return "非工商联会员"
        default: return key
        }
    }

    /// The axis caption of a chart grouped this way.
    public var chineseName: String {
        switch self {
        case .district: "区"
        case .street: "街道"
        case .industry: "行业"
        case .chamber: "是否工商联会员"
        case .none: "合计"
        }
    }
}
