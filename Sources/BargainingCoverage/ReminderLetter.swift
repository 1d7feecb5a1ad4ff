import Bargaining

/// The special reminder letter (特别提示函) the district union sends a laggard (issue 4, the
/// `reminder-letter` rung of the policy's escalation ladder): what is due and by when, the
/// legal basis quoted word for word, and what follows if the employer does not act.
public enum ReminderLetter {
    /// The escalation rung these letters are, in the policy's ladder and in the ledger.
    public static let rung = "reminder-letter"

    /// The letter's text, in Chinese, ready to print or save as a UTF-8 file.
    ///
    /// - Parameters:
    ///   - issuer: The issuing union as it signs, e.g. `北京市大兴区总工会`.
    ///   - contact: The last line, whom to call (``contactLine(_:)``); nil when the policy names none.
    public static func render(for laggard: Laggard, policy: Policy, asOf: Day, issuer: String, contact: String? = nil) -> String {
        var paragraphs: [String] = []
        paragraphs.append("特别提示函")
        paragraphs.append("\(laggard.name)：")
        paragraphs.append("　　经核查，截至\(chinese(asOf))，贵单位（统一社会信用代码：\(laggard.enterprise)）已于\(chinese(laggard.unionFoundedOn))建立工会组织\(situation(of: laggard, policy: policy))")
        paragraphs.append("　　" + request(to: laggard, policy: policy))
        paragraphs.append("　　收到工会书面协商要求的，贵单位应当自收到之日起20日内以书面形式给予回应，不得以任何理由拒绝或者拖延。")
        paragraphs.append(consequences(policy: policy))
        paragraphs.append("　　法律依据：")
        paragraphs.append(contentsOf: legalBasis.map { "　　" + $0 })
        paragraphs.append("　　特此函告。")
        paragraphs.append(issuer)
        paragraphs.append(chinese(asOf))
        if let contact { paragraphs.append(contact) }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// `联系人：张敏　联系电话：010-69250000`, from the policy's entry for the district.
    public static func contactLine(_ office: Policy.DistrictOffice) -> String {
        "联系人：\(office.contact)　联系电话：\(office.phone)"
    }

    /// A file name that sorts by date and names the enterprise, for `bargain reminders --out`.
    public static func fileName(for laggard: Laggard, asOf: Day) -> String {
        "\(asOf)-\(laggard.enterprise)-特别提示函.txt"
    }

    private static func situation(of laggard: Laggard, policy: Policy) -> String {
        switch laggard.reason {
        case .notCovered:
            if let end = laggard.coverageEnd, let contract = laggard.contractID {
                return "。贵单位最近一份集体合同（编号：\(contract)）的效力截至\(chinese(end))，此后至今没有有效的集体合同覆盖贵单位。"
            }
            return policy.countIndustryAndRegional
                ? "，但至今未签订工资专项集体合同，也未被有效的区域性、行业性集体合同覆盖。"
                : "，但至今未签订工资专项集体合同。"
        case .coverageEnding:
            let end = laggard.coverageEnd.map(chinese) ?? ""
            let contract = laggard.contractID.map { "（编号：\($0)）" } ?? ""
            return "。贵单位现行集体合同\(contract)将于\(end)期满，目前尚无续订的集体合同。"
        }
    }

    private static func request(to laggard: Laggard, policy: Policy) -> String {
        let period = replyPeriod(policy: policy).map { "自收到本函之日起\($0)内，" } ?? "尽快"
        switch laggard.reason {
        case .notCovered:
            return "请贵单位\(period)与贵单位工会开展工资集体协商，依法签订工资专项集体合同，并报送人力资源社会保障部门审查。"
        case .coverageEnding:
            var text = "根据《集体合同规定》第三十八条，集体合同期满前3个月内，任何一方均可向对方提出续订要求。请贵单位\(period)与贵单位工会启动续订协商"
            if let end = laggard.coverageEnd { text += "，在\(chinese(end))期满前完成续订" }
            if let due = laggard.renewalDueBy { text += "，使续订的合同最迟自\(chinese(due))起生效" }
            return text + "，确保合同期满后不出现空档。"
        }
    }

    /// The time the ladder gives this rung, in words; nil when the policy does not say.
    private static func replyPeriod(policy: Policy) -> String? {
        switch policy.rung(named: rung)?.length {
        case .calendarDays(let days)?: "\(days)日"
        case .workingDays(let days)?: "\(days)个工作日"
        default: nil
        }
    }

    /// The rungs after this one, in the policy's order, named by their Chinese titles.
    private static func consequences(policy: Policy) -> String {
        let ladder = policy.escalationLadder
        let later = ladder.firstIndex { $0.rung == rung }.map { ladder[($0 + 1)...] } ?? []
        var text = "　　逾期未回应，或者拒绝、拖延协商的，"
        if !later.isEmpty {
            let titles = later.map { rung in rung.title.split(separator: " (").first.map(String.init) ?? rung.title }
            text += "本会将按照督促程序依次采取以下措施：" + titles.joined(separator: "；") + "。同时，"
        }
        text += "本会可提请市、区人民政府依照《北京市实施〈中华人民共和国工会法〉办法》第五十五条责令改正；拒不改正的，由人力资源社会保障部门纳入劳动保障守法诚信档案，由有关部门将相关信息归集到公共信用信息平台。"
        return text
    }

    /// S1 arts 32 and 38 (集体合同规定, 2004) and S5 arts 21 and 55 (Beijing, 2026 revision), quoted
    /// from the texts SOURCES.md names.
    private static let legalBasis = [
        "一、《集体合同规定》第三十二条：“集体协商任何一方均可就签订集体合同或专项集体合同以及相关事宜，以书面形式向对方提出进行集体协商的要求。一方提出进行集体协商要求的，另一方应当在收到集体协商要求之日起20日内以书面形式给以回应，无正当理由不得拒绝进行集体协商。”",
        "二、《集体合同规定》第三十八条：“集体合同或专项集体合同期限一般为1至3年，期满或双方约定的终止条件出现，即行终止。集体合同或专项集体合同期满前3个月内，任何一方均可向对方提出重新签订或续订的要求。”",
        "三、《北京市实施〈中华人民共和国工会法〉办法》第二十一条：“企业、事业单位、社会组织应当与工会或者职工协商代表建立平等协商机制，就劳动标准确定、劳动关系调整、重大劳动争议处理以及集体合同签订等直接涉及职工切身利益的重要事项进行平等协商。一方提出协商要求的，另一方不得以任何理由拒绝或者拖延。”",
        "四、《北京市实施〈中华人民共和国工会法〉办法》第五十五条：“违反本办法规定，有下列情形之一的，由市、区人民政府责令改正，依法处理；拒不改正的，由人力资源社会保障部门纳入劳动保障守法诚信档案，由有关部门将相关信息归集到公共信用信息平台：……（四）拒绝或者拖延进行平等协商的。”",
    ]

    /// `2025年3月1日`, as official letters write dates.
    private static func chinese(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        return "\(year)年\(month)月\(dayOfMonth)日"
    }
}
