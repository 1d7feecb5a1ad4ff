/// The fixed catalogue of acts the engine understands. A workflow file arranges them into steps;
/// what each act *means* for the negotiation (who is appointed, what the draft says, how a
/// congress voted) is code, so every district's file gets the same, tested meaning.
public enum ActionKind: String, CaseIterable, Sendable, Codable {
    case sendNotice = "send-notice"
    case accept
    case refuse
    case escalate
    case appointRepresentatives = "appoint-representatives"
    case reportVacancy = "report-vacancy"
    case fillVacancy = "fill-vacancy"
    case prepare
    case requestInformation = "request-information"
    case supplyInformation = "supply-information"
    case holdRound = "hold-round"
    case suspend
    case resume
    case applyCoordination = "apply-coordination"
    case acceptCoordination = "accept-coordination"
    case extendCoordination = "extend-coordination"
    case concludeCoordination = "conclude-coordination"
    case agreeDraft = "agree-draft"
    case signDraft = "sign-draft"
    case conveneCongress = "convene-congress"
    case holdCongress = "hold-congress"
    case sign
    case file
    case object
    case noObjection = "no-objection"
    case reopenTalks = "reopen-talks"
    case publish
    case requestRenewal = "request-renewal"
    case terminate
    case withdraw
    case employeesRequest = "employees-request"
    case requestAmendment = "request-amendment"
}

extension ActionKind {
    /// The name a union chair reads (Chinese term first, as on the forms).
    public var title: String {
        switch self {
        case .sendNotice: "发出书面要约 (written notice)"
        case .accept: "书面答复同意协商 (written reply: agree to negotiate)"
        case .refuse: "拒绝或拖延协商 (refusal or delay)"
        case .escalate: "上级工会督促 (escalation by the upper-level union)"
        case .appointRepresentatives: "确定协商代表 (appoint representatives)"
        case .reportVacancy: "协商代表空缺 (representative seat vacant)"
        case .fillVacancy: "补充协商代表 (fill the vacancy)"
        case .prepare: "协商准备 (agenda, time, place, recorder)"
        case .requestInformation: "索取资料 (request information)"
        case .supplyInformation: "提供资料 (supply information)"
        case .holdRound: "召开协商会议 (hold a round of talks)"
        case .suspend: "中止协商 (suspend by agreement)"
        case .resume: "恢复协商 (resume talks)"
        case .applyCoordination: "申请协调处理 (apply for dispute coordination)"
        case .acceptCoordination: "受理协调申请 (coordination accepted)"
        case .extendCoordination: "延长协调期限 (extend coordination)"
        case .concludeCoordination: "签订协调处理协议书 (coordination agreement)"
        case .agreeDraft: "形成协议草案 (agree the draft)"
        case .signDraft: "首席代表签署草案 (chief representative signs the draft)"
        case .conveneCongress: "召集职代会 (convene the workers' congress)"
        case .holdCongress: "职代会审议表决 (congress deliberates and votes)"
        case .sign: "首席代表签字 (chief representative signs)"
        case .file: "报送人社部门审查 (file with the labour administration)"
        case .object: "送达审查意见书 (review opinion: objection)"
        case .noObjection: "书面无异议 (written no-objection)"
        case .reopenTalks: "重新协商 (renegotiate)"
        case .publish: "向全体职工公布 (publish to those represented)"
        case .requestRenewal: "提出续订 (request renewal)"
        case .terminate: "变更解除 (terminate)"
        case .withdraw: "终止本次协商 (withdraw)"
        case .employeesRequest: "职工要求协商 (employees ask for negotiation)"
        case .requestAmendment: "提出变更 (propose an amendment)"
        }
    }

    /// The fields this act carries; the engine refuses missing, unknown or mistyped fields. The
    /// 3+N core items are optional here because which items are required is policy (`wage-items`).
    public var fields: [FieldSpec] { ActionKind.fieldTable[ordinal] }

    /// Built once: deciding reads a kind's fields on every act.
    private static let fieldTable: [[FieldSpec]] = allCases.map { $0.makeFields() }

    /// ``fields`` in the order of their names, the order ``Fields`` keeps its entries in, so
    /// that checking an act's fields is one walk along both lists.
    var fieldsByName: [FieldSpec] { ActionKind.fieldsByNameTable[ordinal] }
    private static let fieldsByNameTable: [[FieldSpec]] = fieldTable.map { $0.sorted { $0.name < $1.name } }

    private func makeFields() -> [FieldSpec] {
        switch self {
        case .sendNotice:
            [FieldSpec("proposed-on", .day, notBefore: [.actDay], "the proposed date of the first meeting (S4 art 17: time)"),
             FieldSpec("place", .text, "where the talks would be held (S4 art 17: place)"),
             FieldSpec("content", .text, "what is to be negotiated, e.g. 2026 wage adjustment (S4 art 17: content)")]
        case .accept:
            [FieldSpec("note", .text, required: false, "anything the reply adds")]
        case .refuse:
            [FieldSpec("reason", .text, "the reason given; in Beijing no ground justifies refusal (S5 art 21)")]
        case .escalate:
            [FieldSpec("rung", .text, "the rung of the escalation ladder being taken, e.g. interview"),
             FieldSpec("note", .text, required: false, "what was done")]
        case .appointRepresentatives:
            [FieldSpec("chief", .text, "the chief representative (首席代表): union chair, or legal representative or his written delegate (S1 arts 20–21)"),
             FieldSpec("members", .list, "the other representatives of this side"),
             FieldSpec("experts", .list, required: false, "outside experts appointed in writing, at most 1/3 of the side (S1 art 23)"),
             FieldSpec("elected-by", .integer, required: false, "where there is no union: employees who voted for the representatives, more than half of all (S1 art 20; S2 art 51)"),
             FieldSpec("employees", .integer, required: false, "where there is no union: all employees, the base of the election"),
             FieldSpec("legal-representative", .text, required: false, "employer side: the legal representative (法定代表人), when the chief is someone else (S1 art 21)"),
             FieldSpec("authorised-in-writing", .flag, required: false, "employer side: the legal representative authorised the chief in writing (S1 art 21)")]
        case .reportVacancy:
            [FieldSpec("name", .text, "the representative who left")]
        case .fillVacancy:
            [FieldSpec("name", .text, "the representative who left"),
             FieldSpec("replacement", .text, "the new representative (within 15 days, S1 art 31)")]
        case .prepare:
            [FieldSpec("agenda", .text, "the agreed agenda (议题)"),
             FieldSpec("first-meeting-on", .day, notBefore: [.actDay], "date of the first meeting"),
             FieldSpec("place", .text, "place of the meetings"),
             FieldSpec("recorder", .text, "the recorder (记录员), chosen jointly, not a representative (S1 art 33)")]
        case .requestInformation:
            [FieldSpec("items", .list, "what is asked for, e.g. wage bill, average wage, operating costs (S4 art 18)")]
        case .supplyInformation:
            [FieldSpec("items", .list, "what was supplied")]
        case .holdRound:
            [FieldSpec("chair", .side, "which chief representative chaired this round (they take turns, S1 art 34)"),
             FieldSpec("minutes-signed", .flag, "whether both chief representatives signed the minutes"),
             FieldSpec("summary", .text, required: false, "what was discussed")]
        case .suspend:
            [FieldSpec("resume-on", .day, "the agreed date to resume (S1 art 35)"),
             FieldSpec("place", .text, "the agreed place"),
             FieldSpec("content", .text, "what will be discussed when talks resume")]
        case .resume, .signDraft, .noObjection:
            []
        case .sign:
            [FieldSpec("sealed", .flag, required: false, "employer side: the wage agreement bears the enterprise's seal (盖章, S4 art 20)")]
        case .applyCoordination:
            [FieldSpec("reason", .text, "why the parties cannot agree (S1 art 49)")]
        case .acceptCoordination:
            [FieldSpec("coordinators", .list, "the coordinators: labour administration, union and employer organisation (S1 art 50)")]
        case .extendCoordination:
            [FieldSpec("days", .integer, "extra days, at most 15 (S1 art 52)")]
        case .concludeCoordination:
            [FieldSpec("agreement", .text, "the coordination agreement (协调处理协议书): facts, result, open items (S1 art 53)")]
        case .agreeDraft:
            [FieldSpec("adjustment-rate", .rate, required: false, "annual wage adjustment rate (3+N core item 1)"),
             FieldSpec("lowest-wage", .money, required: false, "the lowest monthly wage paid in the enterprise, yuan (3+N core item 2)"),
             FieldSpec("pay-day", .integer, required: false, "the day of the month wages are paid (3+N core item 3)"),
             FieldSpec("expires-on", .day, notBefore: [.actDay, .field("starts-on")], "the last day of the agreement's term (1–3 years, S1 art 38)"),
             FieldSpec("starts-on", .day, required: false, "a later effective date the agreement itself states"),
             FieldSpec("average-wage-last-year", .money, required: false, "last year's average monthly wage, yuan (recorded at filing)"),
             FieldSpec("employees-covered", .integer, required: false, "employees the agreement covers"),
             FieldSpec("other-items", .list, required: false, "the N items the parties chose (bonuses, allowances, …)")]
        case .conveneCongress:
            [FieldSpec("session-on", .day, notBefore: [.actDay, .field("items-delivered-on")], "the date of the congress session"),
             FieldSpec("items-delivered-on", .day, "when the draft reached the union in writing (7 days before, S5 art 41)"),
             FieldSpec("body", .text, required: false, "职工代表大会 or 职工大会 (all-employee meeting)")]
        case .holdCongress:
            [FieldSpec("total", .integer, "all representatives (or employees) of the body, N"),
             FieldSpec("present", .integer, "representatives present, P"),
             FieldSpec("for", .integer, "votes for"),
             FieldSpec("against", .integer, "votes against"),
             FieldSpec("abstain", .integer, "abstentions"),
             FieldSpec("managers", .integer, required: false, "seats held by enterprise managers (regional/industry congress)"),
             FieldSpec("recorder", .text, required: false, "who kept the record")]
        case .file:
            [FieldSpec("copies", .integer, "copies filed (一式三份, S1 art 42)"),
             FieldSpec("authority", .text, "the labour administration that received it"),
             FieldSpec("filing-number", .text, required: false, "备案号: the number the labour administration gave the filing, if it gave one")]
        case .object:
            [FieldSpec("opinion", .text, "the review opinion (审查意见书): what must change (S1 art 45)")]
        case .reopenTalks:
            [FieldSpec("reason", .text, required: false, "what is to be renegotiated")]
        case .publish:
            [FieldSpec("form", .text, "how it was made known, e.g. notice board, intranet, meeting")]
        case .requestRenewal:
            [FieldSpec("renewal", .text, required: false, "the id of the renewal negotiation, filled in by the tool")]
        case .requestAmendment:
            [FieldSpec("amendment", .text, required: false, "the id of the amendment negotiation, filled in by the tool"),
             FieldSpec("reason", .text, "what is to change, in words")]
        case .terminate:
            [FieldSpec("ground", .text, "agreement, amended (replaced by its amendment), merger, dissolution, bankruptcy, force-majeure or agreed-condition (S1 arts 39–41)"),
             FieldSpec("reason", .text, "what happened, in words"),
             FieldSpec("congress-approved-on", .day, required: false, "by agreement: the day the workers' congress approved it, as for a new contract (S1 arts 36, 41)")]
        case .withdraw:
            [FieldSpec("reason", .text, "why this negotiation ends without a contract")]
        case .employeesRequest:
            [FieldSpec("asking", .integer, "employees who asked in writing for negotiation"),
             FieldSpec("employees", .integer, "all employees of the enterprise; at least 1/5 asking obliges the union to send the notice (S4 art 17)"),
             FieldSpec("note", .text, required: false, "what they ask to negotiate")]
        }
    }
}

extension ActionKind {
    /// Position in the catalogue. Hashing and lookups use it instead of the raw string, because
    /// the engine consults the catalogue on every act.
    public var ordinal: Int {
        switch self {
        case .sendNotice: 0
        case .accept: 1
        case .refuse: 2
        case .escalate: 3
        case .appointRepresentatives: 4
        case .reportVacancy: 5
        case .fillVacancy: 6
        case .prepare: 7
        case .requestInformation: 8
        case .supplyInformation: 9
        case .holdRound: 10
        case .suspend: 11
        case .resume: 12
        case .applyCoordination: 13
        case .acceptCoordination: 14
        case .extendCoordination: 15
        case .concludeCoordination: 16
        case .agreeDraft: 17
        case .signDraft: 18
        case .conveneCongress: 19
        case .holdCongress: 20
        case .sign: 21
        case .file: 22
        case .object: 23
        case .noObjection: 24
        case .reopenTalks: 25
        case .publish: 26
        case .requestRenewal: 27
        case .terminate: 28
        case .withdraw: 29
        case .employeesRequest: 30
        case .requestAmendment: 31
        }
    }

    /// The field naming the negotiation this act opens beside its own (S1 art 38: a renewal;
    /// S1 arts 39, 41: an amendment), which the service fills in when the chair gives none.
    public var linkedNegotiationField: String? {
        switch self {
        case .requestRenewal: "renewal"
        case .requestAmendment: "amendment"
        default: nil
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
    public static func == (lhs: ActionKind, rhs: ActionKind) -> Bool { lhs.ordinal == rhs.ordinal }
}
