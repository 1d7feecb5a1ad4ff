internal import XMLCore
import Bargaining

/// Writes a ``FiledContract`` as a `bargain-contract-1.0` document
/// (`exports/schema/bargain-contract-1.0.xsd`), element by element in schema order.
enum ContractXML {
    static let namespace = "urn:bargain:contract:1.0"
    static let root = "filedContract"
    static let schemaVersion = "1.0"

    /// - Parameter stylesheet: start with the `xml-stylesheet` instruction (a file does; a
    ///   document embedded in another, such as an OAI-PMH record, cannot carry it).
    static func bytes(_ contract: FiledContract, stylesheet: Bool = true) throws(XMLError) -> [UInt8] {
        var w = try XMLWriter()
        if stylesheet { try w.processingInstruction("xml-stylesheet", ExportSchemas.stylesheetInstruction) }
        try w.startElement(root, namespace: namespace)
        try w.attribute("schemaVersion", schemaVersion)
        try w.language(Spelling.chinese)

        try w.startElement("identification")
        try w.value("contractId", contract.contractID)
        try w.value("negotiationId", contract.negotiationID)
        try w.value("title", contract.title)
        try w.value("level", contract.level.rawValue)
        try w.startElement("workflow")
        try w.attribute("name", contract.workflow.name)
        try w.attribute("version", String(contract.workflow.version))
        try w.attribute("digest", contract.workflow.digest)
        try w.endElement()
        try w.optionalValue("district", contract.district)
        try w.optionalValue("street", contract.street)
        try w.optionalValue("renews", contract.renews)
        try w.optionalValue("urn", contract.deposit?.urn(contract.contractID))
        try w.endElement()

        try w.startElement("parties")
        for (name, party) in [("employeeParty", contract.employeeParty), ("employerParty", contract.employerParty)] {
            try w.startElement(name)
            try w.value("name", party.name)
            try w.value("chiefRepresentative", party.chiefRepresentative)
            try w.endElement()
        }
        try w.endElement()

        try w.startElement("coveredEnterprises")
        try w.attribute("count", String(contract.enterprises.count))
        if let total = contract.totalEmployees { try w.attribute("employees", String(total)) }
        for enterprise in contract.enterprises {
            try w.startElement("enterprise")
            try w.value("creditCode", enterprise.creditCode.description)
            try w.value("name", enterprise.name)
            try w.optionalValue("employees", enterprise.employees)
            try w.endElement()
        }
        try w.endElement()

        try w.startElement("term")
        try w.optionalValue("startsOn", contract.startsOn)
        try w.value("expiresOn", contract.expiresOn)
        try w.endElement()

        let terms = contract.wageTerms
        try w.startElement("wageTerms")
        try w.value("adjustmentRate", String(terms.adjustmentRate), attribute: "percent", Spelling.percent(terms.adjustmentRate))
        try w.value("lowestWage", String(terms.lowestWage), attribute: "yuan", Spelling.yuan(terms.lowestWage))
        try w.value("payDay", terms.payDay)
        try w.startElement("chosenItems")
        try w.attribute("count", String(terms.chosenItems.count))
        for item in terms.chosenItems { try w.value("item", item) }
        try w.endElement()
        if let average = terms.averageWageLastYear {
            try w.value("averageWageLastYear", String(average), attribute: "yuan", Spelling.yuan(average))
        }
        try w.optionalValue("employeesCovered", terms.employeesCovered)
        try w.endElement()

        try w.startElement("representatives")
        for delegation in contract.delegations {
            try w.startElement("delegation")
            try w.attribute("side", delegation.side.rawValue)
            try w.value("chief", delegation.chief)
            for member in delegation.members { try w.value("member", member) }
            for expert in delegation.experts { try w.value("expert", expert) }
            try w.endElement()
        }
        try w.optionalValue("recorder", contract.recorder)
        try w.endElement()

        try w.startElement("talks")
        for (index, round) in contract.rounds.enumerated() {
            try w.startElement("round")
            try w.attribute("number", String(index + 1))
            try w.value("heldOn", round.heldOn)
            try w.value("chair", round.chair.rawValue)
            try w.value("minutesSigned", round.minutesSigned)
            try w.optionalValue("summary", round.summary)
            try w.endElement()
        }
        try w.endElement()

        try w.startElement("congressApproval")
        for (index, session) in contract.congressSessions.enumerated() {
            try w.startElement("session")
            try w.attribute("number", String(index + 1))
            try w.value("recordId", session.recordID)
            try w.value("heldOn", session.heldOn)
            try w.value("body", session.body)
            try w.value("total", session.total)
            try w.value("present", session.present)
            try w.value("quorum", session.quorum)
            try w.optionalValue("managers", session.managers)
            try w.value("votesFor", session.votesFor)
            try w.value("votesAgainst", session.against)
            try w.value("abstentions", session.abstain)
            try w.value("outcome", session.outcome.rawValue)
            try writeRule(session.rule, total: session.total, present: session.present, votesFor: session.votesFor, to: &w)
            try w.endElement()
        }
        try w.endElement()

        try w.startElement("signatures")
        for signature in contract.signatures {
            try w.startElement("signature")
            try w.attribute("side", signature.side.rawValue)
            try w.value("name", signature.name)
            try w.value("signedOn", signature.signedOn)
            try w.endElement()
        }
        try w.endElement()

        try w.startElement("filings")
        for (index, filing) in contract.filings.enumerated() {
            try w.startElement("filing")
            try w.attribute("number", String(index + 1))
            try w.value("filedBy", filing.filedBy.name, attribute: "role", filing.filedBy.role.rawValue)
            try w.value("filedOn", filing.filedOn)
            try w.value("copies", filing.copies)
            try w.value("authority", filing.authority)
            try w.optionalValue("filingNumber", filing.filingNumber)
            try w.startElement("review")
            try w.value("outcome", filing.review.outcome)
            try w.optionalValue("decidedOn", filing.review.decidedOn)
            if case .objection(_, let opinion) = filing.review { try w.value("opinion", opinion) }
            try w.endElement()
            try w.endElement()
        }
        try w.endElement()

        try w.optionalValue("effectiveOn", contract.effectiveOn)

        try w.startElement("publications")
        for publication in contract.publications {
            try w.startElement("publication")
            try w.attribute("side", publication.side.rawValue)
            try w.value("publishedOn", publication.publishedOn)
            try w.value("form", publication.form)
            try w.endElement()
        }
        try w.endElement()

        if let termination = contract.termination {
            try w.startElement("termination")
            try w.value("terminatedOn", termination.terminatedOn)
            try w.optionalValue("reason", termination.reason)
            try w.endElement()
        }

        try writeProvenance(contract.provenance, to: &w)
        if let deposit = contract.deposit { try writeDeposit(deposit, to: &w) }
        try w.endElement()
        return try w.finish()
    }

    /// `ruleApplied`, the same in both of our schemas: the article written out (its short form in
    /// `citation`), the parameters, and the explanation in Chinese, then the engine's in English.
    static func writeRule(_ rule: CongressRule, total: Int, present: Int, votesFor: Int, to w: inout XMLWriter) throws(XMLError) {
        try w.startElement("ruleApplied")
        try w.value("article", rule.chineseCitation, attribute: "citation", rule.article)
        try w.value("attendance", rule.attendance.description)
        try w.value("approval", rule.approval)
        try w.value("explanation", rule.chineseExplanation(total: total, present: present, votesFor: votesFor))
        try w.startElement("explanation")
        try w.language(Spelling.english)
        try w.text(rule.explanation)
        try w.endElement()
        try w.endElement()
    }

    /// `deposit`, the same in both of our schemas.
    static func writeDeposit(_ deposit: Deposit, to w: inout XMLWriter) throws(XMLError) {
        try w.startElement("deposit")
        try w.value("depositor", deposit.depositor.name, attribute: "creditCode", deposit.depositor.creditCode.description)
        try w.value("producer", deposit.producer, attribute: "version", deposit.producerVersion)
        try w.value("exportedAt", deposit.exportedAt)
        try w.endElement()
    }

    /// `provenance`, the same in both of our schemas.
    static func writeProvenance(_ provenance: Provenance, to w: inout XMLWriter) throws(XMLError) {
        try w.startElement("provenance")
        try w.value("lastEventSequence", provenance.eventSequence)
        try w.value("lastEventHash", provenance.eventHash)
        try w.endElement()
    }
}
