/// Worked negotiations with realistic Beijing data: what `bargain demo` runs, what the benchmark
/// decides, and what the golden export samples are made from. One script, so all three agree.
public enum SampleNegotiations {
    /// One scripted act: who does what, on which day.
    public struct Act: Sendable {
        public var actor: Actor
        public var action: Action
        public var on: Day
        /// A line for the demo's narration.
        public var narration: String
    }

    public struct Script: Sendable {
        public var opening: Opening
        public var openedBy: Actor
        public var openedOn: Day
        public var acts: [Act]
    }

    static func day(_ text: String) -> Day { Day(text)! }
    static func act(_ actor: Actor, _ kind: ActionKind, _ on: String, _ fields: Fields = Fields(), _ narration: String) -> Act {
        Act(actor: actor, action: Action(kind, fields), on: day(on), narration: narration)
    }

    public static let unionChair = Actor(.employeeSide, "王芳")
    public static let employerChief = Actor(.employerSide, "李强")
    public static let upperUnion = Actor(.upperUnion, "经开区总工会")
    public static let labourAdministration = Actor(.labourAdministration, "经开区人社局")

    /// The enterprise in the enterprise sample.
    public static let precisionWorks = CoveredEnterprise(
        creditCode: CreditCode.makeValid(prefix17: "91110302MA01C8XK7"), name: "北京亦庄精密制造有限公司", employees: 412)

    /// A full enterprise wage negotiation, 2025: notice, reply, representatives, information, two
    /// rounds, a draft, a congress that misses its quorum and is reconvened, approval, signatures,
    /// filing, and a review window that closes in silence, so the agreement takes effect by itself.
    public static func enterprise(id: String = "ENT-2025-001", workflow: WorkflowReference) -> Script {
        let union = unionChair, employer = employerChief
        return Script(
            opening: Opening(id: id, level: .enterprise, workflow: workflow, title: "2025年度工资专项集体协商",
                             employeeParty: "北京亦庄精密制造有限公司工会", employerParty: "北京亦庄精密制造有限公司",
                             enterprises: [precisionWorks], district: "北京经济技术开发区", street: "荣华街道"),
            openedBy: union, openedOn: day("2025-03-03"),
            acts: [
                act(union, .sendNotice, "2025-03-03", ["proposed-on": .day(day("2025-03-25")), "place": .text("公司三楼会议室"),
                                                       "content": .text("2025年度职工工资调整幅度、最低工资、工资支付日")],
                    "The union sends the written notice (要约)."),
                act(employer, .accept, "2025-03-10", [:], "The employer replies in writing within 20 days and agrees."),
                act(union, .appointRepresentatives, "2025-03-12",
                    ["chief": .text("王芳"), "members": .list(["张伟", "刘洋"])], "The union appoints 3 representatives, chief 王芳."),
                act(employer, .appointRepresentatives, "2025-03-12",
                    ["chief": .text("李强"), "members": .list(["陈静", "赵磊"])], "The employer appoints 3 representatives, chief 李强."),
                act(union, .prepare, "2025-03-14", ["agenda": .text("工资调整幅度；最低工资；工资支付日；津贴补贴"),
                                                    "first-meeting-on": .day(day("2025-03-25")), "place": .text("公司三楼会议室"),
                                                    "recorder": .text("孙丽")],
                    "Agenda, first meeting on 2025-03-25, recorder 孙丽 (not a representative)."),
                act(union, .requestInformation, "2025-03-14", ["items": .list(["工资总额", "上年度职工平均工资", "经营成本与财务状况"])],
                    "The union asks for the wage bill, last year's average wage and the financial position."),
                act(employer, .supplyInformation, "2025-03-18", ["items": .list(["工资总额", "上年度职工平均工资", "经营成本与财务状况"])],
                    "The employer supplies it 7 days before the first meeting (at least 5 required)."),
                act(union, .holdRound, "2025-03-25", ["chair": .side(.employee), "minutes-signed": .flag(true),
                                                      "summary": .text("职工方提出调增6%，企业方提出3%")],
                    "Round 1, chaired by the union's chief."),
                act(employer, .holdRound, "2025-04-08", ["chair": .side(.employer), "minutes-signed": .flag(true),
                                                         "summary": .text("双方同意调增5%")],
                    "Round 2, chaired by the employer's chief."),
                act(union, .agreeDraft, "2025-04-08", ["adjustment-rate": .rate(500), "lowest-wage": .money(280_000), "pay-day": .integer(10),
                                                       "starts-on": .day(day("2025-05-01")), "expires-on": .day(day("2026-04-30")),
                                                       "average-wage-last-year": .money(865_000), "employees-covered": .integer(412),
                                                       "other-items": .list(["高温津贴", "夜班补贴"])],
                    "Draft: +5%, lowest wage 2800 yuan, paid on the 10th, 2025-05-01 to 2026-04-30, plus 2 chosen items."),
                act(union, .signDraft, "2025-04-09", [:], "王芳 signs the draft."),
                act(employer, .signDraft, "2025-04-09", [:], "李强 signs the draft."),
                act(union, .conveneCongress, "2025-04-10", ["session-on": .day(day("2025-04-18")),
                                                            "items-delivered-on": .day(day("2025-04-10")), "body": .text("职工代表大会")],
                    "The congress is convened for 2025-04-18; the draft reached the union 8 days before."),
                act(union, .holdCongress, "2025-04-18", ["total": .integer(65), "present": .integer(41), "for": .integer(0),
                                                         "against": .integer(0), "abstain": .integer(0), "recorder": .text("孙丽")],
                    "Only 41 of 65 representatives attend: quorum missed."),
                act(union, .conveneCongress, "2025-04-21", ["session-on": .day(day("2025-04-29")),
                                                            "items-delivered-on": .day(day("2025-04-21")), "body": .text("职工代表大会")],
                    "The congress is reconvened for 2025-04-29."),
                act(union, .holdCongress, "2025-04-29", ["total": .integer(65), "present": .integer(52), "for": .integer(45),
                                                         "against": .integer(4), "abstain": .integer(3), "recorder": .text("孙丽")],
                    "52 of 65 attend; 45 vote for: more than half of all 65."),
                act(union, .sign, "2025-04-30", [:], "王芳 signs the agreement."),
                act(employer, .sign, "2025-04-30", ["sealed": .flag(true)], "李强 signs and seals the agreement."),
                act(employer, .file, "2025-05-09", ["copies": .integer(3), "authority": .text("北京经济技术开发区社会事业局（人社）"),
                                                   "filing-number": .text("京开人社集备〔2025〕0127号")],
                    "The employer files 3 copies within 10 days (the May Day holidays do not stop the count)."),
                act(union, .publish, "2025-06-03", ["form": .text("公司内网及公告栏")],
                    "Review silence for 15 days: the agreement took effect by itself. The union publishes it."),
                act(employer, .publish, "2025-06-03", ["form": .text("全体职工大会通报")], "The employer publishes it too."),
            ])
    }

    /// The five enterprises of the regional sample: small firms of one street (荣华街道) whose
    /// regional federation negotiates for them (S5 art 22).
    public static let rongHuaEnterprises: [CoveredEnterprise] = [
        ("91110302MA01D2QW3", "北京亦庄云帆科技有限公司", 48),
        ("91110302MA01E7RT5", "北京荣华餐饮管理有限公司", 36),
        ("91110302MA01F3LP8", "北京经开物流服务有限公司", 62),
        ("91110302MA01G9HN2", "北京亦城物业管理有限公司", 27),
        ("91110302MA01H4JM6", "北京博兴印刷有限公司", 19),
    ].map { CoveredEnterprise(creditCode: CreditCode.makeValid(prefix17: $0.0), name: $0.1, employees: $0.2) }

    /// A regional negotiation of the 荣华街道 federation for five small enterprises, 2025: the
    /// enterprise path, with a regional congress where managers hold at most a fifth of the seats.
    public static func regional(id: String = "REG-2025-001", workflow: WorkflowReference) -> Script {
        let union = Actor(.employeeSide, "赵敏")
        let employers = Actor(.employerSide, "孙建国")
        var acts = enterprise(workflow: workflow).acts.map { act -> Act in
            var act = act
            act.actor = act.actor.role == .employeeSide ? union : employers
            switch act.action.kind {
            case .appointRepresentatives:
                act.action.fields = act.actor.role == .employeeSide
                    ? ["chief": .text("赵敏"), "members": .list(["钱丽", "周强", "吴霞"])]
                    : ["chief": .text("孙建国"), "members": .list(["郑宏", "冯亮", "陈雪"])]
            case .holdCongress where act.action.fields.integer("present") == 41:
                act.action.fields["managers"] = .integer(9)
            case .holdCongress:
                act.action.fields["managers"] = .integer(13)
            case .agreeDraft:
                act.action.fields["employees-covered"] = .integer(192)
            default:
                break
            }
            return act
        }
        acts = acts.filter { $0.action.kind != .requestInformation && $0.action.kind != .supplyInformation }
        return Script(
            opening: Opening(id: id, level: .regional, workflow: workflow, title: "荣华街道2025年度区域性工资集体协商",
                             employeeParty: "荣华街道总工会", employerParty: "荣华街道企业联合会",
                             enterprises: rongHuaEnterprises, district: "北京经济技术开发区", street: "荣华街道"),
            openedBy: union, openedOn: day("2025-03-03"), acts: acts)
    }
}
