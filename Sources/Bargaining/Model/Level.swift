/// The three levels at which a collective wage contract is negotiated (SPEC §1).
public enum Level: String, CaseIterable, Codable, Sendable {
    /// One enterprise: the enterprise union and the employer (S1 arts 20–21).
    case enterprise
    /// One industry in one area: industry union and industry association (S2 art 53; S5 art 22).
    case industry
    /// One area: regional union federation and the area's employer organisation (S5 art 22).
    case regional

    public var chineseName: String {
        switch self {
        case .enterprise: "企业"
        case .industry: "行业性"
        case .regional: "区域性"
        }
    }

    /// Industry and regional contracts are multi-party: each covered enterprise is tracked.
    public var coversManyEnterprises: Bool { self != .enterprise }
}
