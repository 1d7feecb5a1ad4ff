internal import XMLCore
import Bargaining

/// A congress record as an Akoma Ntoso `debate`: the roll call, one debate section per agenda
/// item, the resolutions, and the votes in `meta/analysis/parliamentary` — a
/// `quorumVerification` for the attendance, and a `voting` (quorum and counts) per item when
/// the quorum was met. A session that missed its quorum held no vote, so it has no `voting`.
enum CongressAKN {
    static func bytes(_ record: CongressRecord) throws(XMLError) -> [UInt8] {
        let subtype = AkomaNtoso.debateSubtype(body: record.body)
        let identity = AkomaNtoso.Identity(type: "debate", subtype: subtype, date: record.heldOn, number: record.recordID)
        var people = AkomaNtoso.People()
        let convener = record.convenedBy.name.isEmpty ? nil : people.eId(record.convenedBy.name)
        let recorder = record.recorder.map { people.eId($0) }

        var w = try BlockWriter()
        try w.open("akomaNtoso", namespace: AkomaNtoso.namespace)
        try w.open("debate")
        try w.attribute("name", subtype)

        try w.open("meta")
        try AkomaNtoso.identification(
            identity, dateName: "session", authors: [("#congress", nil)], manifestationDate: record.heldOn,
            urn: record.deposit?.urn(record.recordID),
            work: { (w: inout BlockWriter) throws(XMLError) in
                try w.empty("FRBRnumber", ["value": String(record.sessionNumber)])
                try w.empty("FRBRname", ["value": record.body])
            }, to: &w)

        try w.open("analysis")
        try w.attribute("source", "#bargain")
        try w.open("parliamentary")
        try w.open("quorumVerification")
        try w.attribute("eId", "quorumVerification_1")
        try w.attribute("outcome", record.quorumMet ? "#quorumMet" : "#quorumMissed")
        try w.attribute("href", "#rollCall")
        try w.empty("quorum", ["eId": "quorumVerification_1__quorum", "value": String(record.quorum), "refersTo": "#quorum"])
        try w.empty("count", ["eId": "quorumVerification_1__total", "value": String(record.total), "refersTo": "#total"])
        try w.empty("count", ["eId": "quorumVerification_1__present", "value": String(record.present), "refersTo": "#present"])
        try w.close()
        for (index, item) in record.items.enumerated() where item.outcome != .quorumMissed {
            let eId = "voting_\(index + 1)"
            try w.open("voting")
            try w.attribute("eId", eId)
            try w.attribute("outcome", "#\(AkomaNtoso.outcomeConcept(item.outcome))")
            try w.attribute("href", "#dbsect_\(index + 1)")
            try w.empty("quorum", ["eId": "\(eId)__quorum", "value": String(record.quorum), "refersTo": "#quorum"])
            try w.empty("count", ["eId": "\(eId)__present", "value": String(record.present), "refersTo": "#present"])
            try w.empty("count", ["eId": "\(eId)__for", "value": String(item.votesFor), "refersTo": "#votesFor"])
            try w.empty("count", ["eId": "\(eId)__against", "value": String(item.against), "refersTo": "#votesAgainst"])
            try w.empty("count", ["eId": "\(eId)__abstain", "value": String(item.abstain), "refersTo": "#abstentions"])
            try w.close()
        }
        try w.close()
        try w.close()

        let stem = Spelling.fileStem(record.recordID)
        var references = [
            AkomaNtoso.tool,
            AkomaNtoso.Reference(element: "TLCOrganization", eId: "congress",
                                 href: "/akn/ontology/organizations/\(AkomaNtoso.country)/\(stem)/congress", showAs: record.body),
        ]
        references += record.enterprises.map { enterprise in
            AkomaNtoso.Reference(element: "TLCOrganization", eId: "enterprise_\(enterprise.creditCode)",
                                 href: "/akn/ontology/organizations/\(AkomaNtoso.country)/uscc/\(enterprise.creditCode)",
                                 showAs: enterprise.name)
        }
        references += people.references(under: "/akn/ontology/persons/\(AkomaNtoso.country)/\(stem)")
        references += [
            AkomaNtoso.Reference(element: "TLCRole", eId: "convener", href: "/akn/ontology/roles/bargain/convener", showAs: "召集人"),
            AkomaNtoso.Reference(element: "TLCRole", eId: "recorder", href: "/akn/ontology/roles/bargain/recorder", showAs: "记录员"),
            AkomaNtoso.concept("total", "应到人数"),
            AkomaNtoso.concept("present", "实到人数"),
            AkomaNtoso.concept("managers", "企业管理人员代表数"),
            AkomaNtoso.concept("quorum", "法定到会人数"),
            AkomaNtoso.concept("quorumMet", "达到法定人数"),
            AkomaNtoso.concept("quorumMissed", "未达到法定人数"),
            AkomaNtoso.concept("votesFor", "赞成"),
            AkomaNtoso.concept("votesAgainst", "反对"),
            AkomaNtoso.concept("abstentions", "弃权"),
            AkomaNtoso.concept("approved", "通过"),
            AkomaNtoso.concept("rejected", "未通过"),
        ]
        try AkomaNtoso.references(references, to: &w)
        try AkomaNtoso.proprietary(record.provenance, record.deposit, namespace: CongressXML.namespace, to: &w)
        try w.close()

        try w.open("preface")
        try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
            try w.inline("docTitle", [:], "\(record.body)会议记录")
        }
        try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
            try w.text("记录编号：")
            try w.inline("docNumber", [:], record.recordID)
            try w.text("；第\(record.sessionNumber)次会议，")
            try AkomaNtoso.date(record.heldOn, to: &w)
            try w.text("。")
        }
        try w.close()

        try w.open("debateBody")
        try w.open("rollCall")
        try w.attribute("eId", "rollCall")
        try w.paragraph("heading") { (w: inout BlockWriter) throws(XMLError) in try w.text("出席情况") }
        try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
            for (index, enterprise) in record.enterprises.enumerated() {
                if index > 0 { try w.text("、") }
                try w.inline("organization", ["refersTo": "#enterprise_\(enterprise.creditCode)"], enterprise.name)
            }
            try w.text("\(record.body)（\(record.level.chineseName)）。")
        }
        try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
            try w.text("应到代表")
            try w.inline("quantity", ["normalized": String(record.total), "refersTo": "#total"], String(record.total))
            try w.text("人，实到")
            try w.inline("quantity", ["normalized": String(record.present), "refersTo": "#present"], String(record.present))
            try w.text("人")
            if let managers = record.managers {
                try w.text("（其中企业管理人员")
                try w.inline("quantity", ["normalized": String(managers), "refersTo": "#managers"], String(managers))
                try w.text("人）")
            }
            try w.text("；法定到会人数")
            try w.inline("quantity", ["normalized": String(record.quorum), "refersTo": "#quorum"], String(record.quorum))
            try w.text("人，\(record.quorumMet ? "达到" : "未达到")法定人数。")
        }
        try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
            try w.text("召集人：")
            if let convener {
                try w.inline("person", ["refersTo": "#\(convener)", "as": "#convener"], record.convenedBy.name)
            }
            try w.text("（\(record.convenedBy.role.chineseName)）")
            if let convenedOn = record.convenedOn {
                try w.text("，")
                try AkomaNtoso.date(convenedOn, to: &w)
                try w.text("召集")
            }
            if let delivered = record.itemsDeliveredOn {
                try w.text("；议题于")
                try AkomaNtoso.date(delivered, to: &w)
                try w.text("书面送达")
            }
            try w.text("。")
        }
        if let recorder, let name = record.recorder {
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                try w.text("记录员：")
                try w.inline("person", ["refersTo": "#\(recorder)", "as": "#recorder"], name)
                try w.text("。")
            }
        }
        try w.close()

        for (index, item) in record.items.enumerated() {
            try w.open("debateSection")
            try w.attribute("name", "agendaItem")
            try w.attribute("eId", "dbsect_\(index + 1)")
            try w.paragraph("heading") { (w: inout BlockWriter) throws(XMLError) in
                try w.text("议题\(index + 1)：\(item.title)")
            }
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                if item.outcome == .quorumMissed {
                    try w.text("到会人数不足，未进行表决。")
                } else {
                    try w.text("表决：赞成")
                    try w.inline("quantity", ["normalized": String(item.votesFor), "refersTo": "#votesFor"], String(item.votesFor))
                    try w.text("票，反对")
                    try w.inline("quantity", ["normalized": String(item.against), "refersTo": "#votesAgainst"], String(item.against))
                    try w.text("票，弃权")
                    try w.inline("quantity", ["normalized": String(item.abstain), "refersTo": "#abstentions"], String(item.abstain))
                    try w.text("票。")
                }
            }
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                try w.text("适用规则（\(item.rule.chineseCitation)）：到会人数不少于全体代表的\(item.rule.attendance.chineseName)，\(AkomaNtoso.approvalText(item.rule.approval))。\(item.rule.chineseExplanation(total: record.total, present: record.present, votesFor: item.votesFor))。")
            }
            try w.close()
        }

        try w.open("resolutions")
        try w.attribute("eId", "resolutions")
        try w.paragraph("heading") { (w: inout BlockWriter) throws(XMLError) in try w.text("决议") }
        for (index, item) in record.items.enumerated() {
            try w.paragraph { (w: inout BlockWriter) throws(XMLError) in
                try w.text("议题\(index + 1)：\(AkomaNtoso.outcomeText(item.outcome))。")
            }
        }
        try w.close()
        try w.close()

        try w.close()
        try w.close()
        return try w.finish()
    }
}
