import Bargaining
import BargainingCoverage

/// Ten enterprises in three districts, computed by hand in the comments below, as of
/// D = 2025-06-30 with the period [2025-01-01, 2025-12-31].
///
/// | # | district | union | closed | employees | chamber | contracts | on D | renewal |
/// |---|---|---|---|---|---|---|---|---|
/// | 1 | 朝阳区 | 2020 | – | 100 | ✓ | C1 to 06-30, C1b from 07-01 | covered (expiry day) | due, renewed |
/// | 2 | 朝阳区 | 2019 | – | 50 | | regional R1 2024–2026 only | covered iff flag on | – |
/// | 3 | 朝阳区 | 2025-07-01 | – | 20 | | R1 | not in U(D), in U(B) | – |
/// | 4 | 海淀区 | 2018 | 2025-03-01 | 60 | | C4 to 2025-12-31 | closed | not in U(B) |
/// | 5 | 海淀区 | 2018 | – | 200 | ✓ | C5 to 09-30, terminated 05-01 | not covered | not due |
/// | 6 | 海淀区 | 2018 | – | 30 | | C6 to 02-28, C6b from 03-02 (a day late) | covered | due; renewed iff G ≥ 1 |
/// | 7 | 海淀区 | 2018 | – | 10 | | C7 to 12-31 (= B), C7b from 2026-01-01 | covered | due, renewed |
/// | 8 | 海淀区 | 2018 | – | 5 | | C8 to 2026-01-01 (= B + 1) | covered | not due |
/// | 9 | 东城区 | none | – | 8 | | – | – | – |
/// | 10 | 朝阳区 | 2021 | – | 40 | ✓ | – | not covered | – |
///
/// Congress sessions: #1 on 2024-06-30 (D − 12 months: outside), #2 on 2025-06-30 (D: inside),
/// #10 on 2024-07-01 (inside), #6 on 2025-07-01 (after D: outside).
enum HandComputedScenario {
    static let registry: [RegistryEnterprise] = [
        enterprise(1, district: "朝阳区", street: "建外街道", industry: "制造业", employees: 100, union: "2020-01-01", chamber: true),
        enterprise(2, district: "朝阳区", street: "建外街道", industry: "批发和零售业", employees: 50, union: "2019-01-01"),
        enterprise(3, district: "朝阳区", street: "望京街道", industry: "制造业", employees: 20, union: "2025-07-01"),
        enterprise(4, district: "海淀区", street: "中关村街道", industry: "信息传输、软件和信息技术服务业", employees: 60,
                   union: "2018-01-01", closed: "2025-03-01"),
        enterprise(5, district: "海淀区", street: "中关村街道", industry: "信息传输、软件和信息技术服务业", employees: 200,
                   union: "2018-01-01", chamber: true),
        enterprise(6, district: "海淀区", street: "学院路街道", industry: "信息传输、软件和信息技术服务业", employees: 30,
                   union: "2018-01-01"),
        enterprise(7, district: "海淀区", street: "学院路街道", industry: "制造业", employees: 10, union: "2018-01-01"),
        enterprise(8, district: "海淀区", street: "学院路街道", industry: "制造业", employees: 5, union: "2018-01-01"),
        enterprise(9, district: "东城区", street: "东华门街道", industry: "教育", employees: 8, union: nil),
        enterprise(10, district: "朝阳区", street: "望京街道", industry: "制造业", employees: 40, union: "2021-01-01", chamber: true),
    ]

    static let contracts: [CoverageContract] = [
        contract("C1", "2024-07-01", "2025-06-30", covering: [1]),
        contract("C1b", "2025-07-01", "2026-06-30", covering: [1]),
        contract("R1", "2024-01-01", "2026-12-31", level: .regional, covering: [2, 3]),
        contract("C4", "2024-01-01", "2025-12-31", covering: [4]),
        contract("C5", "2023-10-01", "2025-09-30", terminated: "2025-05-01", covering: [5]),
        contract("C6", "2024-03-01", "2025-02-28", covering: [6]),
        contract("C6b", "2025-03-02", "2026-03-01", covering: [6]),
        contract("C7", "2024-01-01", "2025-12-31", covering: [7]),
        contract("C7b", "2026-01-01", "2026-12-31", covering: [7]),
        contract("C8", "2024-01-02", "2026-01-01", covering: [8]),
    ]

    static let sessions = [
        CoverageCongressSession(enterprise: code(1), heldOn: day("2024-06-30")),
        CoverageCongressSession(enterprise: code(2), heldOn: day("2025-06-30")),
        CoverageCongressSession(enterprise: code(10), heldOn: day("2024-07-01")),
        CoverageCongressSession(enterprise: code(6), heldOn: day("2025-07-01")),
    ]

    static func report(_ policy: Policy, groupBy: CoverageGrouping = .none, districtFilter: String? = nil) -> CoverageReport {
        CoverageCalculator.report(registry: registry, contracts: contracts, congressSessions: sessions, policy: policy,
                                  asOf: day("2025-06-30"), from: day("2025-01-01"), to: day("2025-12-31"), groupBy: groupBy,
                                  districtFilter: districtFilter)
    }
}
