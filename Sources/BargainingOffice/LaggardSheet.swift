import Bargaining
import BargainingCoverage

/// The laggards as a table to hand on, in the order to act on them: most employees first (a
/// contract there covers the most people), then by credit code so the order is stable.
public struct LaggardSheet: Sendable {
    public var asOf: Day
    public var district: String?
    public var policy: Policy

    public init(asOf: Day, district: String?, policy: Policy) {
        self.asOf = asOf
        self.district = district
        self.policy = policy
    }

    public static let headers = [
        "序号\n#", "企业名称\nname", "统一社会信用代码\ncredit code", "区\ndistrict", "街道\nstreet", "行业\nindustry", "职工人数\nemployees",
        "状态\nstatus", "覆盖截止\ncovered until", "已失去覆盖天数\ndays uncovered", "合同\ncontract", "续签期限\nrenew by",
    ]

    public static func prioritised(_ laggards: [Laggard]) -> [Laggard] {
        laggards.sorted { ($0.employees, $1.enterprise) > ($1.employees, $0.enterprise) }
    }

    public var title: String {
        "未签或即将到期的建会企业 Laggards" + (district.map { " · \($0)" } ?? "") + " · 截至 as of \(asOf)"
    }

    public func table(_ laggards: [Laggard]) -> ReportTable {
        ReportTable(
            name: "待督促 laggards", title: title,
            notes: ["截至 as of \(asOf)；按职工人数排序 sorted by employees；提醒窗口 reminder window \(policy.reminderWindowDays) 天 days (\(policy.name))"],
            headers: Self.headers,
            rows: Self.prioritised(laggards).enumerated().map { index, laggard in
                let uncovered: ReportCell = switch (laggard.reason, laggard.coverageEnd) {
                case (.notCovered, let end?): .number(end.days(until: asOf))
                case (.notCovered, nil): .text("从未覆盖 never covered")
                case (.coverageEnding, _): .text("")
                }
                return [.number(index + 1), .text(laggard.name), .text(laggard.enterprise.description), .text(laggard.district),
                        .text(laggard.street), .text(laggard.industry), .number(laggard.employees),
                        .text(laggard.reason == .notCovered ? "未覆盖 not covered" : "即将到期 coverage ending"),
                        day(laggard.coverageEnd), uncovered, .text(laggard.contractID ?? ""), day(laggard.renewalDueBy)]
            })
    }

    private func day(_ day: Day?) -> ReportCell { day.map(ReportCell.date) ?? .text("") }
}
