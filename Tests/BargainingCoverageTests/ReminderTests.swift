import Bargaining
import BargainingCoverage
import Testing

@Suite("Reminder letters (特别提示函) and the ledger of letters sent")
struct ReminderTests {
    static func laggard(_ reason: Laggard.Reason, _ n: Int = 1) -> Laggard {
        Laggard(enterprise: code(n), name: "北京华信科技有限公司", district: "大兴区", street: "兴丰街道", industry: "制造业",
                employees: 120, unionFoundedOn: day("2019-05-04"), reason: reason,
                coverageEnd: reason == .coverageEnding ? day("2025-08-31") : nil,
                contractID: reason == .coverageEnding ? "HT00000042" : nil,
                renewalDueBy: reason == .coverageEnding ? day("2025-09-01") : nil)
    }

    @Test("The letter names the enterprise, what is due and by when, the legal basis and the issuer")
    func letterForEndingCoverage() throws {
        let text = ReminderLetter.render(for: Self.laggard(.coverageEnding), policy: try beijingPolicy(), asOf: day("2025-06-30"),
                                         issuer: "北京市大兴区总工会")
        #expect(text.hasPrefix("特别提示函\n\n北京华信科技有限公司："))
        for expected in [
            "截至2025年6月30日", code(1).description, "2019年5月4日", "HT00000042", "将于2025年8月31日期满",
            "最迟自2025年9月1日起生效", "自收到本函之日起15日内", "20日内以书面形式给予回应",
            "《集体合同规定》第三十二条", "《集体合同规定》第三十八条", "期满前3个月内",
            "第二十一条", "不得以任何理由拒绝或者拖延", "第五十五条", "公共信用信息平台",
            "整改意见书", "北京市大兴区总工会\n\n2025年6月30日\n",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
    }

    @Test("For an enterprise not covered, the letter asks for a negotiation, not a renewal")
    func letterForMissingCoverage() throws {
        let text = ReminderLetter.render(for: Self.laggard(.notCovered), policy: try beijingPolicy(), asOf: day("2025-06-30"),
                                         issuer: "北京市大兴区总工会")
        #expect(text.contains("至今未签订工资专项集体合同"))
        #expect(text.contains("开展工资集体协商"))
        #expect(!text.contains("续订协商"))
        #expect(ReminderLetter.fileName(for: Self.laggard(.notCovered), asOf: day("2025-06-30")) == "2025-06-30-\(code(1))-特别提示函.txt")
    }

    @Test("Ledger: a second run the same day sends nothing; the next day the letters are due again")
    func ledger() {
        let laggards = [Self.laggard(.notCovered, 1), Self.laggard(.coverageEnding, 2)]
        var ledger = ReminderLedger()
        #expect(ledger.unsent(laggards, on: day("2025-06-30")).count == 2)
        let recorded = ledger.recordSent(laggards, on: day("2025-06-30"))
        #expect(recorded == [ReminderLedger.Entry(enterprise: code(1), sentOn: day("2025-06-30"), rung: "reminder-letter"),
                             ReminderLedger.Entry(enterprise: code(2), sentOn: day("2025-06-30"), rung: "reminder-letter")])
        #expect(ledger.unsent(laggards, on: day("2025-06-30")).isEmpty)
        #expect(ledger.recordSent(laggards, on: day("2025-06-30")).isEmpty)
        #expect(ledger.unsent(laggards, on: day("2025-07-01")).count == 2)
        #expect(ledger.entries.count == 2)
    }

    @Test("Ledger: other rungs do not count as a reminder letter, and an enterprise listed twice gets one letter")
    func ledgerRungs() {
        let ledger = ReminderLedger(entries: [ReminderLedger.Entry(enterprise: code(1), sentOn: day("2025-06-30"), rung: "interview")])
        let laggards = [Self.laggard(.notCovered, 1), Self.laggard(.notCovered, 1)]
        #expect(ledger.unsent(laggards, on: day("2025-06-30")).count == 1)
    }
}
