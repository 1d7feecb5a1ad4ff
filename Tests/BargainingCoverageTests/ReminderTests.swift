import Bargaining
import Foundation
import BargainingCoverage
import Testing
import TestSupport

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

    static func calendar() throws -> HolidayCalendar {
        try HolidayCalendar.load(contentsOf: Repository.workflow("calendar/cn-holidays.yaml"))
    }

    /// Runs the ladder on `on` and records what it takes, as `bargain reminders` does.
    static func run(_ ladder: ReminderLadder, _ laggards: [Laggard], _ ledger: inout ReminderLedger, on: String) throws -> [LadderStanding] {
        let standings = try ladder.standings(of: laggards, ledger: ledger, on: day(on))
        ledger = ReminderLedger(entries: ledger.entries + standings.filter { $0.step == .take }.map(\.entry))
        return standings
    }

    @Test("Ladder: the letter first; nothing the same day or inside its 15 days; then the rectification opinion, the referral, the credit listing")
    func ladderClimbs() throws {
        let ladder = try ReminderLadder(policy: try beijingPolicy(), calendar: try Self.calendar())
        #expect(ladder.rungs.map(\.rung) == ["reminder-letter", "rectification", "referral", "credit-listing"])
        let laggards = [Self.laggard(.notCovered, 1), Self.laggard(.notCovered, 1)]
        var ledger = ReminderLedger()
        func step(_ on: String) throws -> LadderStanding {
            let standings = try Self.run(ladder, laggards, &ledger, on: on)
            #expect(standings.count == 1, "an enterprise listed twice stands once")
            return standings[0]
        }
        let letter = try step("2025-10-15")
        #expect(letter.step == .take && letter.rung == "reminder-letter" && letter.since == day("2025-10-15"))
        #expect(letter.answerBy == day("2025-10-30"), "15 calendar days from the day after; 2025-10-30 is a Thursday")
        #expect(try step("2025-10-15").step == .taken)
        let nextDay = try step("2025-10-16")
        #expect(nextDay.step == .waiting && nextDay.rung == "reminder-letter" && nextDay.since == day("2025-10-15"))
        #expect(try step("2025-10-30").step == .waiting, "the last day to answer")
        let rectification = try step("2025-10-31")
        #expect(rectification.step == .take && rectification.rung == "rectification" && rectification.title.hasPrefix("整改意见书"))
        #expect(rectification.answerBy == day("2025-11-17"), "the 15th day, 2025-11-15, is a Saturday: the next working day")
        #expect(try step("2025-11-17").step == .waiting)
        let referral = try step("2025-11-18")
        #expect(referral.rung == "referral" && referral.step == .take && referral.answerBy == day("2025-12-18"))
        let listing = try step("2025-12-19")
        #expect(listing.rung == "credit-listing" && listing.step == .take && listing.answerBy == nil)
        let top = try step("2026-03-02")
        #expect(top.step == .top && top.rung == "credit-listing" && top.since == day("2025-12-19"))
        #expect(ledger.entries.map(\.rung) == ["reminder-letter", "rectification", "referral", "credit-listing"])
    }

    @Test("Ladder: a run as of an earlier day ignores later entries; a new lapse after renewal starts at the letter again")
    func ladderLapses() throws {
        let ladder = try ReminderLadder(policy: try beijingPolicy(), calendar: try Self.calendar())
        let ledger = ReminderLedger(entries: [
            ReminderLedger.Entry(enterprise: code(2), sentOn: day("2025-03-01"), rung: "reminder-letter"),
            ReminderLedger.Entry(enterprise: code(2), sentOn: day("2025-06-10"), rung: "rectification"),
            ReminderLedger.Entry(enterprise: code(3), sentOn: day("2025-06-10"), rung: "interview"),
        ])
        // Coverage ending 2025-08-31: the ladder from 2025-06-02 (90 days before) is this lapse's.
        let ending = Self.laggard(.coverageEnding, 2)
        let earlier = try ladder.standings(of: [ending], ledger: ledger, on: day("2025-06-05"))
        #expect(earlier[0].step == .take && earlier[0].rung == "reminder-letter", "the letter of March was for an earlier lapse")
        let later = try ladder.standings(of: [ending], ledger: ledger, on: day("2025-06-20"))
        #expect(later[0].step == .waiting && later[0].rung == "rectification" && later[0].since == day("2025-06-10"))
        // A rung before the letter (the interview, taken by people) does not count.
        let interviewed = try ladder.standings(of: [Self.laggard(.notCovered, 3)], ledger: ledger, on: day("2025-06-20"))
        #expect(interviewed[0].step == .take && interviewed[0].rung == "reminder-letter")
    }

    @Test("Ladder: a policy without the reminder-letter rung is refused, naming it; a deadline past the calendar names the day")
    func ladderRefusals() throws {
        var policy = try beijingPolicy()
        policy.escalationLadder.removeAll { $0.rung == "reminder-letter" }
        let calendar = try Self.calendar()
        do {
            _ = try ReminderLadder(policy: policy, calendar: calendar)
            Issue.record("a ladder without the letter was accepted")
        } catch {
            #expect(error.description.contains("has no 'reminder-letter' rung"), "\(error)")
        }
        let ladder = try ReminderLadder(policy: try beijingPolicy(), calendar: calendar)
        #expect(throws: CalendarError.self) {
            try ladder.standings(of: [Self.laggard(.notCovered, 1)], ledger: ReminderLedger(), on: day("2026-12-28"))
        }
    }

    @Test("The contact line and the letter's last paragraph come from the policy's districts: map")
    func contact() throws {
        let policy = try beijingPolicy()
        let office = try #require(policy.districts["大兴区"])
        #expect(office.issuer == "北京市大兴区总工会")
        let line = ReminderLetter.contactLine(office)
        #expect(line == "联系人：\(office.contact)　联系电话：\(office.phone)")
        let text = ReminderLetter.render(for: Self.laggard(.notCovered), policy: policy, asOf: day("2025-06-30"), issuer: office.issuer, contact: line)
        #expect(text.hasSuffix("北京市大兴区总工会\n\n2025年6月30日\n\n\(line)\n"))
    }

    @Test("districts: a missing field, an empty one or an unknown key is refused naming the district and the key", arguments: [
        ("    issuer: 北京市大兴区总工会\n    contact: 张敏\n", "districts: 大兴区: missing 'phone'"),
        ("    issuer: 北京市大兴区总工会\n    contact: \"  \"\n    phone: 010-1\n", "districts: 大兴区: 'contact' is empty"),
        ("    issuer: 北京市大兴区总工会\n    contact: 张敏\n    phone: 010-1\n    fax: 010-2\n", "unknown key 'fax' in districts: 大兴区"),
    ])
    func districtErrors(_ entry: String, _ message: String) throws {
        let shipped = try String(contentsOfFile: Repository.workflow("policy/beijing.yaml"), encoding: .utf8)
        let cut = try #require(shipped.range(of: "\ndistricts:\n"))
        let yaml = String(shipped[..<cut.upperBound]) + "  大兴区:\n" + entry
        do {
            _ = try PolicyLoader.load(yaml: yaml, file: "beijing.yaml")
            Issue.record("accepted: \(entry)")
        } catch {
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.contains("beijing.yaml:"), "names the file and line: \(error)")
        }
    }
}
