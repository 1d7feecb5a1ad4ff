import Bargaining
import BargainingCoverage

/// A street's enterprises as a table (issue 16 item 2), the same on the district page and in
/// its `.xlsx` and `.csv` downloads: each enterprise's covering contract and its level, when the
/// coverage ends, the negotiation under way and its step, the laggard status and the last
/// reminder letter's rung. Laggards first (not covered, then coverage ending), most employees
/// first within each, as staff work through them.
public struct StreetSheet: Sendable {
    public var asOf: Day
    public var district: String
    public var street: String
    public var policy: Policy

    /// One enterprise's row as the library gives it (``StreetEnterprise`` of the service, passed
    /// apart so this target needs no store).
    public struct Entry: Sendable {
        public var coverage: EnterpriseCoverage
        public var negotiation: (id: String, step: String)?
        public var letter: ReminderLedger.Entry?

        public init(coverage: EnterpriseCoverage, negotiation: (id: String, step: String)?, letter: ReminderLedger.Entry?) {
            self.coverage = coverage
            self.negotiation = negotiation
            self.letter = letter
        }
    }

    public init(asOf: Day, district: String, street: String, policy: Policy) {
        self.asOf = asOf
        self.district = district
        self.street = street
        self.policy = policy
    }

    public static let headers = [
        "企业名称\nname", "统一社会信用代码\ncredit code", "行业\nindustry", "职工人数\nemployees", "建会\nunionised",
        "覆盖合同\ncontract", "合同层级\nlevel", "覆盖截止\ncovered until", "进行中的协商\nnegotiation", "所处步骤\nstep",
        "督促状态\nlaggard", "提示函\nletter", "发函日期\nsent on",
    ]

    /// The column of the negotiation's id, which a page links to the negotiation.
    public static let negotiationColumn = 8

    public var title: String { "\(district)\(street) 企业覆盖情况 Enterprises · 截至 as of \(asOf)" }

    /// Laggards first (not covered before coverage ending), then the others; most employees
    /// first within each; by credit code last, so the order is stable.
    public static func ordered(_ entries: [Entry]) -> [Entry] {
        func rank(_ entry: Entry) -> Int {
            switch entry.coverage.laggard?.reason {
            case .notCovered: 0
            case .coverageEnding: 1
            case nil: entry.coverage.unionised ? 2 : 3
            }
        }
        return entries.sorted {
            (rank($0), -$0.coverage.enterprise.employees, $0.coverage.enterprise.uscc)
                < (rank($1), -$1.coverage.enterprise.employees, $1.coverage.enterprise.uscc)
        }
    }

    public func table(_ entries: [Entry]) -> ReportTable {
        ReportTable(
            name: "\(street)企业 enterprises", title: title,
            notes: ["截至 as of \(asOf)；未覆盖与即将到期的在前 laggards first；提醒窗口 reminder window \(policy.reminderWindowDays) 天 days (\(policy.name))"],
            headers: Self.headers,
            rows: Self.ordered(entries).map { entry in
                let coverage = entry.coverage
                let enterprise = coverage.enterprise
                let status: String = switch coverage.laggard?.reason {
                case .notCovered: "未覆盖 not covered"
                case .coverageEnding: "即将到期 coverage ending"
                case nil: coverage.unionised ? "" : "未建会 no union"
                }
                return [.text(enterprise.name), .text(enterprise.uscc.description), .text(enterprise.industry), .number(enterprise.employees),
                        .text(coverage.unionised ? "是 yes" : "否 no"), .text(coverage.contract?.id ?? ""),
                        .text(coverage.contract.map { "\($0.level.chineseName) \($0.level.rawValue)" } ?? ""), day(coverage.coveredUntil),
                        .text(entry.negotiation?.id ?? ""), .text(entry.negotiation?.step ?? ""), .text(status),
                        .text(entry.letter.map { policy.rung(named: $0.rung)?.title ?? $0.rung } ?? ""), day(entry.letter?.sentOn)]
            })
    }

    private func day(_ day: Day?) -> ReportCell { day.map(ReportCell.date) ?? .text("") }
}
