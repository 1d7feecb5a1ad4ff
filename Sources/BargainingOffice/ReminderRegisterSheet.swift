import Bargaining
import BargainingCoverage

/// The register of reminders sent (督促登记簿, issue 13 item 3): every rung of the escalation
/// ladder taken, from the store's ledger, oldest first, each letter with its 文号, so that the
/// office can file the letters it printed and see who is on which rung.
public struct ReminderRegisterSheet: Sendable {
    /// One ledger entry as the register shows it.
    public struct Row: Sendable, Hashable {
        public var entry: ReminderLedger.Entry
        /// 文号, for a reminder letter.
        public var reference: String?
        /// As the registry names the enterprise; empty when it no longer lists it.
        public var name: String
        public var district: String
        public var street: String
        /// The rung's title in the policy.
        public var title: String
        /// The employer's last day to answer; nil for the last rung or past the calendar.
        public var answerBy: Day?

        public init(entry: ReminderLedger.Entry, reference: String?, name: String, district: String, street: String, title: String,
                    answerBy: Day?) {
            self.entry = entry
            self.reference = reference
            self.name = name
            self.district = district
            self.street = street
            self.title = title
            self.answerBy = answerBy
        }
    }

    public var asOf: Day
    public var policy: Policy

    public init(asOf: Day, policy: Policy) {
        self.asOf = asOf
        self.policy = policy
    }

    public static let headers = [
        "序号\n#", "日期\ndate", "文号\nreference", "企业名称\nname", "统一社会信用代码\ncredit code", "区\ndistrict", "街道\nstreet",
        "督促措施\nrung", "措施代码\nrung id", "答复期限\nanswer by",
    ]

    public func table(_ rows: [Row]) -> ReportTable {
        let sorted = rows.sorted { ($0.entry.sentOn, $0.entry.enterprise.description, $0.entry.rung) < ($1.entry.sentOn, $1.entry.enterprise.description, $1.entry.rung) }
        return ReportTable(
            name: "督促登记簿 register", title: "工资集体协商督促登记簿 Register of reminders · 截至 as of \(asOf)",
            notes: ["督促程序 escalation ladder: " + policy.escalationLadder.map(\.rung).joined(separator: " → ") + " (\(policy.name))"],
            headers: Self.headers,
            rows: sorted.enumerated().map { index, row in
                [.number(index + 1), .date(row.entry.sentOn), .text(row.reference ?? ""), .text(row.name), .text(row.entry.enterprise.description),
                 .text(row.district), .text(row.street), .text(row.title), .text(row.entry.rung), row.answerBy.map(ReportCell.date) ?? .text("")]
            })
    }
}
