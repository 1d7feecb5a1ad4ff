import BargainingKeys
import Bargaining

extension ContractXML {
    /// The contract a validated `filedContract` element states. Values the document repeats for
    /// readers (totals, counts, yuan and percent) must agree with the facts they repeat.
    static func read(_ root: ElementReader) throws(ImportError) -> FiledContract {
        let identification = try root.child("identification")
        let workflow = try identification.child("workflow")
        let parties = try root.child("parties")
        func party(_ name: String) throws(ImportError) -> FiledContract.Party {
            let element = try parties.child(name)
            return FiledContract.Party(name: try element.string("name"),
                                       chiefRepresentative: try element.string("chiefRepresentative"))
        }

        let covered = try root.child("coveredEnterprises")
        let enterpriseElements = covered.children("enterprise")
        var enterprises: [CoveredEnterprise] = []
        for element in enterpriseElements {
            enterprises.append(CoveredEnterprise(creditCode: try element.creditCode("creditCode"),
                                                 name: try element.string("name"),
                                                 employees: try element.optionalInt("employees")))
        }
        guard try covered.intAttribute("count") == enterprises.count else {
            throw covered.fail("count=\"\(try covered.attribute("count"))\" but \(enterprises.count) enterprises are listed")
        }

        let term = try root.child("term")
        let wage = try root.child("wageTerms")
        let chosen = try wage.child("chosenItems")
        let items = chosen.children("item").map(\.text)
        guard try chosen.intAttribute("count") == items.count else {
            throw chosen.fail("count=\"\(try chosen.attribute("count"))\" but \(items.count) items are listed")
        }

        let representatives = try root.child("representatives")
        var delegations: [FiledContract.Delegation] = []
        for (element, side) in zip(representatives.children("delegation"), [Side.employee, .employer]) {
            guard try element.enumerationAttribute("side", as: Side.self) == side else {
                throw element.fail("delegations are listed employee side first, then employer side")
            }
            delegations.append(FiledContract.Delegation(
                side: side, chief: try element.string("chief"),
                members: element.children("member").map(\.text), experts: element.children("expert").map(\.text)))
        }
        guard delegations.count == 2 else { throw representatives.fail("both sides' delegations are required") }

        let roundElements = try root.child("talks").children("round")
        try root.checkNumbering(roundElements)
        var rounds: [FiledContract.Round] = []
        for element in roundElements {
            rounds.append(FiledContract.Round(
                heldOn: try element.day("heldOn"), chair: try element.enumeration("chair", as: Side.self),
                minutesSigned: try element.bool("minutesSigned"), summary: element.optionalString("summary")))
        }

        let sessionElements = try root.child("congressApproval").children("session")
        try root.checkNumbering(sessionElements)
        var sessions: [CongressVoteSummary] = []
        for element in sessionElements {
            let total = try element.int("total")
            let rule = try readRule(try element.child("ruleApplied"))
            let quorum = try element.int("quorum")
            guard quorum == rule.attendance.minimumCount(of: total) else {
                throw element.fail("quorum \(quorum) is not \(rule.attendance) of \(total) (\(rule.attendance.minimumCount(of: total)))")
            }
            let session = CongressVoteSummary(
                recordID: try element.string("recordId"), heldOn: try element.day("heldOn"), body: try element.string("body"),
                total: total, present: try element.int("present"), quorum: quorum,
                managers: try element.optionalInt("managers"), votesFor: try element.int("votesFor"),
                against: try element.int("votesAgainst"), abstain: try element.int("abstentions"),
                outcome: try element.enumeration("outcome", as: CongressVote.Outcome.self), rule: rule)
            try element.checkVote(total: total, present: session.present, votesFor: session.votesFor, against: session.against,
                                  abstain: session.abstain, outcome: session.outcome, rule: rule, ruleElement: try element.child("ruleApplied"))
            sessions.append(session)
        }

        var signatures: [FiledContract.Signature] = []
        for element in try root.child("signatures").children("signature") {
            signatures.append(FiledContract.Signature(
                side: try element.enumerationAttribute("side", as: Side.self), name: try element.string("name"),
                signedOn: try element.day("signedOn")))
        }

        let filingElements = try root.child("filings").children("filing")
        try root.checkNumbering(filingElements)
        var filings: [FiledContract.Filing] = []
        for element in filingElements {
            let filedBy = try element.child("filedBy")
            filings.append(FiledContract.Filing(
                filedBy: Actor(try filedBy.enumerationAttribute("role", as: Role.self), filedBy.text),
                filedOn: try element.day("filedOn"), copies: try element.int("copies"),
                authority: try element.string("authority"), review: try readReview(try element.child("review")),
                filingNumber: element.optionalString("filingNumber")))
        }

        var publications: [FiledContract.Publication] = []
        for element in try root.child("publications").children("publication") {
            publications.append(FiledContract.Publication(
                side: try element.enumerationAttribute("side", as: Side.self),
                publishedOn: try element.day("publishedOn"), form: try element.string("form")))
        }

        var termination: FiledContract.Termination?
        if let element = root.optionalChild("termination") {
            termination = FiledContract.Termination(terminatedOn: try element.day("terminatedOn"),
                                                    reason: element.optionalString("reason"))
        }

        var contract = FiledContract(
            contractID: try identification.string("contractId"), negotiationID: try identification.string("negotiationId"),
            title: try identification.string("title"), level: try identification.enumeration("level", as: Level.self),
            workflow: WorkflowReference(name: try workflow.attribute("name"), version: try workflow.intAttribute("version"),
                                        digest: try workflow.attribute("digest")),
            district: identification.optionalString("district"), street: identification.optionalString("street"),
            renews: identification.optionalString("renews"),
            employeeParty: try party("employeeParty"), employerParty: try party("employerParty"),
            enterprises: enterprises, startsOn: try term.optionalDay("startsOn"), expiresOn: try term.day("expiresOn"),
            wageTerms: FiledContract.WageTerms(
                adjustmentRate: try wage.amount("adjustmentRate", display: "percent"),
                lowestWage: try wage.amount("lowestWage", display: "yuan"), payDay: try wage.int("payDay"),
                chosenItems: items, averageWageLastYear: try wage.optionalAmount("averageWageLastYear", display: "yuan"),
                employeesCovered: try wage.optionalInt("employeesCovered")),
            delegations: delegations, recorder: representatives.optionalString("recorder"), rounds: rounds,
            congressSessions: sessions, signatures: signatures, filings: filings,
            effectiveOn: try root.optionalDay("effectiveOn"), publications: publications, termination: termination,
            provenance: try readProvenance(try root.child("provenance")))

        let statedEmployees = covered.element.attribute("employees")
        if statedEmployees.map({ ElementReader.integer(ElementReader.collapse($0)) }) != contract.totalEmployees.map({ $0 }) {
            throw covered.fail(
                "employees=\"\(statedEmployees ?? "")\" but the enterprises' employees add up to \(contract.totalEmployees.map(String.init) ?? "an unknown number")")
        }
        try contract.checkDates(root)
        contract.deposit = try readDeposit(root.optionalChild("deposit"), urn: identification, id: contract.contractID)
        return contract
    }

    /// The rule as stated; the Chinese explanation, which depends on the vote, is checked by
    /// ``ElementReader/checkVote``.
    static func readRule(_ element: ElementReader) throws(ImportError) -> CongressRule {
        let fractionText = try element.string("attendance")
        guard let attendance = Fraction(fractionText) else {
            throw element.fail("attendance '\(fractionText)' is not a fraction of at most 1")
        }
        let approval = try element.string("approval")
        guard CongressRule.approvals.contains(approval) else { throw element.fail("approval '\(approval)' is not a known rule") }
        let articleElement = try element.child("article")
        let article = articleElement.element.attribute("citation") ?? articleElement.text
        let rule = CongressRule(article: article, attendance: attendance, approval: approval,
                                explanation: try englishExplanation(element).text)
        guard articleElement.text == rule.chineseCitation else {
            throw articleElement.fail("'\(articleElement.text)' is not the article cited (\(article): \(rule.chineseCitation))")
        }
        return rule
    }

    /// The engine's explanation: the one marked English, else the only one.
    static func englishExplanation(_ rule: ElementReader) throws(ImportError) -> ElementReader {
        let explanations = rule.children("explanation")
        guard let english = explanations.first(where: { $0.language == Spelling.english }) ?? explanations.last else {
            throw rule.fail("missing element explanation")
        }
        return english
    }

    /// `deposit`, whose depositor must be the one the document's `urn` names.
    static func readDeposit(_ element: ElementReader?, urn identification: ElementReader, id: String) throws(ImportError) -> Deposit? {
        let urn = identification.optionalString("urn")
        guard let element else {
            if let urn { throw identification.fail("urn \(urn) is stated, but no deposit names its depositor") }
            return nil
        }
        let depositor = try element.child("depositor")
        let code = try depositor.attribute("creditCode")
        let creditCode: CreditCode
        do { creditCode = try CreditCode(code) } catch { throw depositor.fail("credit code \(code) \(error)") }
        let producer = try element.child("producer")
        let exportedAt = try element.child("exportedAt")
        guard Deposit.isTimestamp(exportedAt.token) else {
            throw exportedAt.fail("'\(exportedAt.token)' is not a UTC time YYYY-MM-DDThh:mm:ssZ")
        }
        let deposit = Deposit(depositor: Policy.Depositor(name: depositor.text, creditCode: creditCode), producer: producer.text,
                              producerVersion: try producer.attribute("version"), exportedAt: exportedAt.token)
        guard urn == deposit.urn(id) else {
            throw identification.fail("urn is \(urn ?? "missing"), but the depositor's credit code and the id make \(deposit.urn(id))")
        }
        return deposit
    }

    static func readReview(_ element: ElementReader) throws(ImportError) -> FiledContract.Review {
        let outcome = try element.string("outcome")
        let decidedOn = try element.optionalDay("decidedOn")
        let opinion = element.optionalString("opinion")
        switch (outcome, decidedOn, opinion) {
        case ("pending", nil, nil): return .pending
        case ("no-objection", let day?, nil): return .noObjection(on: day)
        case ("lapsed", let day?, nil): return .lapsed(on: day)
        case ("objection", let day?, let opinion?): return .objection(on: day, opinion: opinion)
        default:
            throw element.fail("outcome '\(outcome)' needs \(outcome == "pending" ? "no date and no opinion" : outcome == "objection" ? "a date and the opinion" : "a date and no opinion")")
        }
    }

    static func readProvenance(_ element: ElementReader) throws(ImportError) -> Provenance {
        let hash = try element.string("lastEventHash")
        guard Hex.isSHA256(hash) else { throw element.fail("lastEventHash is not a SHA-256 hex digest") }
        return Provenance(eventSequence: try element.int("lastEventSequence"), eventHash: hash)
    }
}

extension CongressXML {
    /// The record a validated `congressRecord` element states.
    static func read(_ root: ElementReader) throws(ImportError) -> CongressRecord {
        let identification = try root.child("identification")
        var enterprises: [CongressRecord.Enterprise] = []
        for element in try root.child("enterprises").children("enterprise") {
            enterprises.append(CongressRecord.Enterprise(creditCode: try element.creditCode("creditCode"),
                                                         name: try element.string("name")))
        }
        let session = try root.child("session")
        let body = try session.child("body")
        let convenedBy = try session.child("convenedBy")
        let attendance = try root.child("attendance")
        let itemElements = try root.child("agenda").children("item")
        try root.checkNumbering(itemElements)
        var items: [CongressRecord.AgendaItem] = []
        for element in itemElements {
            items.append(CongressRecord.AgendaItem(
                title: try element.string("title"), votesFor: try element.int("votesFor"),
                against: try element.int("votesAgainst"), abstain: try element.int("abstentions"),
                outcome: try element.enumeration("outcome", as: CongressVote.Outcome.self),
                rule: try ContractXML.readRule(try element.child("ruleApplied"))))
        }

        var record = CongressRecord(
            recordID: try identification.string("recordId"), negotiationID: identification.optionalString("negotiationId"),
            sessionNumber: try identification.int("sessionNumber"), level: try body.enumerationAttribute("level", as: Level.self),
            enterprises: enterprises, body: body.text, heldOn: try session.day("heldOn"),
            convenedBy: Actor(try convenedBy.enumerationAttribute("role", as: Role.self), convenedBy.text),
            convenedOn: try session.optionalDay("convenedOn"), itemsDeliveredOn: try session.optionalDay("itemsDeliveredOn"),
            recorder: session.optionalString("recorder"), total: try attendance.int("total"),
            present: try attendance.int("present"), managers: try attendance.optionalInt("managers"),
            quorum: try attendance.int("quorum"), items: items,
            provenance: try root.optionalChild("provenance").map { (element: ElementReader) throws(ImportError) in
                try ContractXML.readProvenance(element)
            })

        guard try body.attribute("form") == record.bodyForm else {
            throw body.fail("form=\"\(try body.attribute("form"))\" does not fit the body '\(record.body)' (\(record.bodyForm))")
        }
        guard try attendance.bool("quorumMet") == record.quorumMet else {
            throw attendance.fail("quorumMet does not agree with \(record.present) present against a quorum of \(record.quorum)")
        }
        for item in items where item.rule.attendance.minimumCount(of: record.total) != record.quorum {
            throw attendance.fail("quorum \(record.quorum) is not \(item.rule.attendance) of \(record.total)")
        }
        for (item, element) in zip(items, itemElements) {
            try element.checkVote(total: record.total, present: record.present, votesFor: item.votesFor, against: item.against,
                                  abstain: item.abstain, outcome: item.outcome, rule: item.rule, ruleElement: try element.child("ruleApplied"))
        }
        if let convenedOn = record.convenedOn {
            try session.checkOrder(("convenedOn", convenedOn), before: ("heldOn", record.heldOn))
        }
        if let delivered = record.itemsDeliveredOn {
            try session.checkOrder(("itemsDeliveredOn", delivered), before: ("heldOn", record.heldOn))
        }
        record.deposit = try ContractXML.readDeposit(root.optionalChild("deposit"), urn: identification, id: record.recordID)
        return record
    }
}
