internal import XMLCore
import Bargaining

/// The filed contract as an Akoma Ntoso `doc name="collectiveContract"`.
enum ContractAKN {
    static func bytes(_ contract: FiledContract) throws(XMLError) -> [UInt8] {
        let signedOn = contract.signedOn ?? contract.filings.first?.filedOn ?? contract.expiresOn
        let identity = AkomaNtoso.Identity(type: "doc", subtype: "collectiveContract", date: signedOn,
                                           number: contract.contractID)
        var people = AkomaNtoso.People()
        let employeeChief = people.eId(contract.employeeParty.chiefRepresentative)
        let employerChief = people.eId(contract.employerParty.chiefRepresentative)
        let lastDay = lastRecordedDay(contract)

        var w = try BlockWriter()
        try w.open("akomaNtoso", namespace: AkomaNtoso.namespace)
        try w.open("doc")
        try w.attribute("name", "collectiveContract")

        // The body first into a scratch list of people would need a second pass; instead every
        // person the body names is registered here, before the references are written.
        for delegation in contract.delegations {
            for name in delegation.everyone { _ = people.eId(name) }
        }
        if let recorder = contract.recorder { _ = people.eId(recorder) }
        for signature in contract.signatures { _ = people.eId(signature.name) }
        for filing in contract.filings where !filing.filedBy.name.isEmpty { _ = people.eId(filing.filedBy.name) }

        try w.open("meta")
        try AkomaNtoso.identification(
            identity, dateName: "signature",
            authors: [("#employeeParty", "#employeeSide"), ("#employerParty", "#employerSide")],
            manifestationDate: lastDay, urn: contract.deposit?.urn(contract.contractID),
            work: { (w: inout BlockWriter) throws(XMLError) in
                try w.empty("FRBRsubtype", ["value": "\(contract.level.rawValue)WageAgreement"])
                try w.empty("FRBRnumber", ["value": contract.contractID])
                try w.empty("FRBRname", ["value": "\(contract.level.chineseName)工资专项集体合同"])
            }, to: &w)
        if let first = contract.publications.first {
            try w.empty("publication", ["date": first.publishedOn.description, "name": "publication", "showAs": first.form])
        }
        let base = "/akn/ontology/persons/\(AkomaNtoso.country)/\(Spelling.fileStem(contract.contractID))"
        var references = [
            AkomaNtoso.tool,
            AkomaNtoso.Reference(element: "TLCOrganization", eId: "employeeParty",
                                 href: "/akn/ontology/organizations/\(AkomaNtoso.country)/\(Spelling.fileStem(contract.contractID))/employeeParty",
                                 showAs: contract.employeeParty.name),
            AkomaNtoso.Reference(element: "TLCOrganization", eId: "employerParty",
                                 href: "/akn/ontology/organizations/\(AkomaNtoso.country)/\(Spelling.fileStem(contract.contractID))/employerParty",
                                 showAs: contract.employerParty.name),
        ]
        references += contract.enterprises.map { enterprise in
            AkomaNtoso.Reference(element: "TLCOrganization", eId: "enterprise_\(enterprise.creditCode)",
                                 href: "/akn/ontology/organizations/\(AkomaNtoso.country)/uscc/\(enterprise.creditCode)",
                                 showAs: enterprise.name)
        }
        references += people.references(under: base)
        references += [
            AkomaNtoso.Reference(element: "TLCRole", eId: "employeeSide", href: "/akn/ontology/roles/bargain/employeeSide", showAs: "职工方"),
            AkomaNtoso.Reference(element: "TLCRole", eId: "employerSide", href: "/akn/ontology/roles/bargain/employerSide", showAs: "企业方"),
            AkomaNtoso.Reference(element: "TLCRole", eId: "chiefRepresentative", href: "/akn/ontology/roles/bargain/chiefRepresentative", showAs: "首席代表"),
            AkomaNtoso.Reference(element: "TLCRole", eId: "recorder", href: "/akn/ontology/roles/bargain/recorder", showAs: "记录员"),
            AkomaNtoso.concept("employees", "职工人数"),
            AkomaNtoso.concept("adjustmentRate", "年度工资调整幅度（基点）"),
            AkomaNtoso.concept("lowestWage", "企业最低工资（分）"),
            AkomaNtoso.concept("payDay", "工资支付日"),
            AkomaNtoso.concept("averageWageLastYear", "上年度职工平均工资（分）"),
            AkomaNtoso.concept("employeesCovered", "覆盖职工人数"),
            AkomaNtoso.concept("copies", "报送份数"),
        ]
        try AkomaNtoso.references(references, to: &w)
        try AkomaNtoso.proprietary(contract.provenance, contract.deposit, namespace: ContractXML.namespace, to: &w)
        try w.close()

        try w.open("preface")
        try w.paragraph { (w: inout BlockWriter) throws(XMLError) in try w.inline("docTitle", [:], contract.title) }
        try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
            try w.inline("docType", [:], "\(contract.level.chineseName)工资专项集体合同")
        }
        try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
            try w.text("合同编号：")
            try w.inline("docNumber", [:], contract.contractID)
        }
        try w.close()

        try w.open("mainBody")
        try section("parties", "协商双方", &w) { (w: inout BlockWriter) throws(XMLError) in
            for (side, party, chief) in [(Side.employee, contract.employeeParty, employeeChief), (.employer, contract.employerParty, employerChief)] {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("\(side.chineseName)：")
                    try w.inline("organization", ["refersTo": "#\(side.rawValue)Party"], party.name)
                    try w.text("；首席代表：")
                    try w.inline("person", ["refersTo": "#\(chief)", "as": "#chiefRepresentative"], party.chiefRepresentative)
                    try w.text("。")
                }
            }
        }
        try section("coveredEnterprises", "适用范围", &w) { (w: inout BlockWriter) throws(XMLError) in
            for enterprise in contract.enterprises {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.inline("organization", ["refersTo": "#enterprise_\(enterprise.creditCode)"], enterprise.name)
                    try w.text("（统一社会信用代码 \(enterprise.creditCode)）")
                    if let employees = enterprise.employees {
                        try w.text("，职工")
                        try w.inline("quantity", ["normalized": String(employees), "refersTo": "#employees"], String(employees))
                        try w.text("人")
                    }
                    try w.text("。")
                }
            }
            if let district = contract.district {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("所在地区：\(district)\(contract.street.map { "，\($0)" } ?? "")。")
                }
            }
        }
        try section("term", "合同期限", &w) { (w: inout BlockWriter) throws(XMLError) in
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                if let startsOn = contract.startsOn {
                    try w.text("本合同自")
                    try AkomaNtoso.date(startsOn, to: &w)
                    try w.text("起，")
                } else {
                    try w.text("本合同自生效之日起，")
                }
                try w.text("至")
                try AkomaNtoso.date(contract.expiresOn, to: &w)
                try w.text("止。")
            }
        }
        try section("wageTerms", "工资条款（3+N）", &w) { (w: inout BlockWriter) throws(XMLError) in
            let terms = contract.wageTerms
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                try w.text("一、年度工资调整幅度：")
                try w.inline("quantity", ["normalized": String(terms.adjustmentRate), "refersTo": "#adjustmentRate"],
                             "\(Spelling.percent(terms.adjustmentRate))%")
                try w.text("。")
            }
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                try w.text("二、企业最低工资：每月")
                try w.inline("quantity", ["normalized": String(terms.lowestWage), "refersTo": "#lowestWage"],
                             "\(Spelling.yuan(terms.lowestWage))元")
                try w.text("。")
            }
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                try w.text("三、工资支付日：每月")
                try w.inline("quantity", ["normalized": String(terms.payDay), "refersTo": "#payDay"], String(terms.payDay))
                try w.text("日。")
            }
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                try w.text("双方约定的其他事项（N = \(terms.chosenItems.count)）\(terms.chosenItems.isEmpty ? "：无。" : "：")")
            }
            if !terms.chosenItems.isEmpty {
                try w.open("ul")
                for item in terms.chosenItems {
                    try w.paragraph("li") { (w: inout BlockWriter) throws(XMLError) in try w.text(item) }
                }
                try w.close()
            }
            if let average = terms.averageWageLastYear {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("上年度职工月平均工资：")
                    try w.inline("quantity", ["normalized": String(average), "refersTo": "#averageWageLastYear"],
                                 "\(Spelling.yuan(average))元")
                    try w.text("。")
                }
            }
            if let covered = terms.employeesCovered {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("覆盖职工：")
                    try w.inline("quantity", ["normalized": String(covered), "refersTo": "#employeesCovered"], String(covered))
                    try w.text("人。")
                }
            }
        }
        try section("representatives", "协商代表", &w) { (w: inout BlockWriter) throws(XMLError) in
            for delegation in contract.delegations {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("\(delegation.side.chineseName)：")
                    try w.inline("person", ["refersTo": "#\(people.eId(delegation.chief))", "as": "#chiefRepresentative"], delegation.chief)
                    try w.text("（首席代表）")
                    for member in delegation.members {
                        try w.text("、")
                        try w.inline("person", ["refersTo": "#\(people.eId(member))"], member)
                    }
                    for expert in delegation.experts {
                        try w.text("、")
                        try w.inline("person", ["refersTo": "#\(people.eId(expert))"], expert)
                        try w.text("（外聘专家）")
                    }
                    try w.text("。")
                }
            }
            if let recorder = contract.recorder {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("记录员：")
                    try w.inline("person", ["refersTo": "#\(people.eId(recorder))", "as": "#recorder"], recorder)
                    try w.text("。")
                }
            }
        }
        try section("talks", "协商会议", &w) { (w: inout BlockWriter) throws(XMLError) in
            if contract.rounds.isEmpty {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in try w.text("无协商会议记录。") }
            }
            for (index, round) in contract.rounds.enumerated() {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("第\(index + 1)轮：")
                    try AkomaNtoso.date(round.heldOn, to: &w)
                    try w.text("，\(round.chair.chineseName)首席代表主持，会议记录\(round.minutesSigned ? "已" : "未")经双方首席代表签字")
                    try w.text(round.summary.map { "；\($0)。" } ?? "。")
                }
            }
        }
        try section("congressApproval", "职工代表大会审议", &w) { (w: inout BlockWriter) throws(XMLError) in
            for (index, session) in contract.congressSessions.enumerated() {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("第\(index + 1)次会议（")
                    try w.inline("ref", ["href": AkomaNtoso.Identity(type: "debate", subtype: AkomaNtoso.debateSubtype(body: session.body), date: session.heldOn, number: session.recordID).work],
                                 session.recordID)
                    try w.text("）：")
                    try AkomaNtoso.date(session.heldOn, to: &w)
                    try w.text("，\(session.body)应到\(session.total)人，实到\(session.present)人（法定到会人数\(session.quorum)人）")
                    if let managers = session.managers { try w.text("，其中企业管理人员\(managers)人") }
                    if session.outcome != .quorumMissed {
                        try w.text("；赞成\(session.votesFor)票，反对\(session.against)票，弃权\(session.abstain)票")
                    }
                    try w.text("；表决结果：\(AkomaNtoso.outcomeText(session.outcome))。")
                }
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("适用规则（\(session.rule.chineseCitation)）：到会人数不少于全体代表的\(session.rule.attendance.chineseName)，\(AkomaNtoso.approvalText(session.rule.approval))。\(session.rule.chineseExplanation(total: session.total, present: session.present, votesFor: session.votesFor))。")
                }
            }
        }
        try section("filings", "报送审查", &w) { (w: inout BlockWriter) throws(XMLError) in
            for (index, filing) in contract.filings.enumerated() {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("第\(index + 1)次报送：")
                    try AkomaNtoso.date(filing.filedOn, to: &w)
                    try w.text("，由\(filing.filedBy.role.chineseName)")
                    if !filing.filedBy.name.isEmpty {
                        try w.inline("person", ["refersTo": "#\(people.eId(filing.filedBy.name))"], filing.filedBy.name)
                    }
                    try w.text("报送\(filing.authority)，一式")
                    try w.inline("quantity", ["normalized": String(filing.copies), "refersTo": "#copies"], String(filing.copies))
                    try w.text("份。审查结果：")
                    switch filing.review {
                    case .pending:
                        try w.text("审查中。")
                    case .noObjection(let day):
                        try AkomaNtoso.date(day, to: &w)
                        try w.text("书面无异议。")
                    case .objection(let day, let opinion):
                        try AkomaNtoso.date(day, to: &w)
                        try w.text("送达审查意见书：\(opinion)")
                    case .lapsed(let day):
                        try w.text("审查期满未提出异议（")
                        try AkomaNtoso.date(day, to: &w)
                        try w.text("）。")
                    }
                }
            }
        }
        try section("effect", "生效与公布", &w) { (w: inout BlockWriter) throws(XMLError) in
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                if let effectiveOn = contract.effectiveOn {
                    try w.text("本合同于")
                    try AkomaNtoso.date(effectiveOn, to: &w)
                    try w.text("生效。")
                } else {
                    try w.text("本合同尚未生效。")
                }
            }
            for publication in contract.publications {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("\(publication.side.chineseName)于")
                    try AkomaNtoso.date(publication.publishedOn, to: &w)
                    try w.text("以“\(publication.form)”方式公布。")
                }
            }
            if let termination = contract.termination {
                try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                    try w.text("本合同于")
                    try AkomaNtoso.date(termination.terminatedOn, to: &w)
                    try w.text("解除\(termination.reason.map { "：\($0)" } ?? "")。")
                }
            }
        }
        try w.close()

        try w.open("conclusions")
        for signature in contract.signatures {
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                try w.inline("signature", [:]) { (w: inout BlockWriter) throws(XMLError) in
                    try w.inline("role", ["refersTo": "#\(signature.side.rawValue)Side"], "\(signature.side.chineseName)首席代表")
                    try w.text("：")
                    try w.inline("person", ["refersTo": "#\(people.eId(signature.name))", "as": "#chiefRepresentative"], signature.name)
                    try w.text("，")
                    try AkomaNtoso.date(signature.signedOn, to: &w)
                }
            }
        }
        if contract.signatures.isEmpty {
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in try w.text("（无签字记录）") }
        }
        try w.close()

        try w.close()
        try w.close()
        return try w.finish()
    }

    /// `<hcontainer name eId><heading/><content>…</content></hcontainer>`.
    private static func section(
        _ name: String, _ heading: String, _ w: inout BlockWriter, _ body: (inout BlockWriter) throws(XMLError) -> Void
    ) throws(XMLError) {
        try w.open("hcontainer")
        try w.attribute("name", name)
        try w.attribute("eId", "hcontainer_\(name)")
        try w.paragraph("heading") { (w: inout BlockWriter) throws(XMLError) in try w.text(heading) }
        try w.open("content")
        try body(&w)
        try w.close()
        try w.close()
    }

    /// The latest date the contract states: what the manifestation is dated.
    static func lastRecordedDay(_ contract: FiledContract) -> Day {
        var days = contract.filings.flatMap { [$0.filedOn, $0.review.decidedOn].compactMap { $0 } }
        days += contract.signatures.map(\.signedOn) + contract.publications.map(\.publishedOn)
        days += [contract.effectiveOn, contract.termination?.terminatedOn].compactMap { $0 }
        return days.max() ?? contract.expiresOn
    }
}

extension FiledContract.Delegation {
    var everyone: [String] { [chief] + members + experts }
}
