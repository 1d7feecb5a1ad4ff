import Bargaining

extension FiledContract {
    /// The filed contract of a negotiation, from its recorded history.
    ///
    /// Refused before filing, and when the terms agreed last have not been filed (talks were
    /// reopened after an objection): an archive receives what the labour administration received.
    public init(_ history: NegotiationHistory) throws(ExportError) {
        let state = history.state
        let opening = state.opening
        let events = history.described
        func incomplete(_ reason: String) -> ExportError { .incomplete(negotiation: opening.id, reason: reason) }

        let lastFiling = events.last { $0.action == .file }
        guard let lastFiling else {
            let step = history.workflow.steps[state.step]
            throw .notFiled(negotiation: opening.id, reason: "it is at step '\(step.name)' (\(step.title)) and nothing has been filed")
        }
        if let lastDraft = events.last(where: { $0.action == .agreeDraft }), lastDraft.sequence > lastFiling.sequence {
            throw .notFiled(negotiation: opening.id, reason: "the terms agreed on \(lastDraft.on) have not been filed yet (the last filing was on \(lastFiling.on))")
        }
        guard let draft = state.draft else { throw incomplete("no draft was agreed") }
        guard let expiresOn = draft.day("expires-on") ?? state.expiresOn else { throw incomplete("the draft states no expiry date") }
        guard let adjustmentRate = draft.rate("adjustment-rate") else { throw incomplete("the draft states no wage adjustment rate (3+N core item 1)") }
        guard let lowestWage = draft.money("lowest-wage") else { throw incomplete("the draft states no lowest wage (3+N core item 2)") }
        guard let payDay = draft.integer("pay-day") else { throw incomplete("the draft states no pay day (3+N core item 3)") }
        guard let employeeSide = state.delegations[.employee], let employerSide = state.delegations[.employer] else {
            throw incomplete("both sides' representatives must be on record")
        }
        guard let last = history.events.last else { throw .history(reason: "the negotiation has no recorded events") }

        self.init(
            contractID: opening.id, negotiationID: opening.id, title: opening.title, level: opening.level,
            workflow: opening.workflow, district: opening.district, street: opening.street, renews: opening.renews,
            employeeParty: Party(name: opening.employeeParty, chiefRepresentative: employeeSide.chief),
            employerParty: Party(name: opening.employerParty, chiefRepresentative: employerSide.chief),
            enterprises: opening.enterprises.sorted { $0.creditCode < $1.creditCode },
            startsOn: draft.day("starts-on"), expiresOn: expiresOn,
            wageTerms: WageTerms(
                adjustmentRate: adjustmentRate, lowestWage: lowestWage, payDay: payDay,
                chosenItems: draft.list("other-items"), averageWageLastYear: draft.money("average-wage-last-year"),
                employeesCovered: draft.integer("employees-covered")),
            delegations: [(Side.employee, employeeSide), (.employer, employerSide)].map { side, delegation in
                Delegation(side: side, chief: delegation.chief, members: delegation.members, experts: delegation.experts)
            },
            recorder: state.recorder,
            rounds: state.rounds.map { Round(heldOn: $0.on, chair: $0.chair, minutesSigned: $0.minutesSigned, summary: $0.summary) },
            congressSessions: try CongressRecord.records(of: history).map(\.summary),
            signatures: state.signatures.map { Signature(side: $0.side, name: $0.name, signedOn: $0.on) },
            filings: Self.filings(in: events),
            effectiveOn: state.effectiveOn,
            publications: events.compactMap { event in
                guard event.action == .publish, let side = event.actor.role.side else { return nil }
                return Publication(side: side, publishedOn: event.on, form: event.fields.text("form") ?? "")
            },
            termination: state.terminatedOn.map { Termination(terminatedOn: $0, reason: state.endReason) },
            provenance: Provenance(eventSequence: last.event.sequence, eventHash: last.hash))
        if congressSessions.isEmpty { throw incomplete("no workers' congress session is on record") }
    }

    /// Every filing, each with the review that followed it before the next filing.
    static func filings(in events: [Event]) -> [Filing] {
        var filings: [Filing] = []
        for event in events {
            switch event.body {
            case .acted(.file, let fields, _):
                filings.append(Filing(filedBy: event.actor, filedOn: event.on, copies: fields.integer("copies") ?? 0,
                                      authority: fields.text("authority") ?? "", review: .pending,
                                      filingNumber: fields.text("filing-number")))
            case .acted(.object, let fields, _) where filings.last?.review == .pending:
                filings[filings.count - 1].review = .objection(on: event.on, opinion: fields.text("opinion") ?? "")
            case .acted(.noObjection, _, _) where filings.last?.review == .pending:
                filings[filings.count - 1].review = .noObjection(on: event.on)
            case .lapsed(deadline: "review", _) where filings.last?.review == .pending:
                filings[filings.count - 1].review = .lapsed(on: event.on)
            default:
                break
            }
        }
        return filings
    }

    /// What the contract index records for coverage statistics (SPEC §6).
    public var indexEntry: ContractRecord {
        ContractRecord(
            contractID: contractID, level: level, title: title, signedOn: signedOn, effectiveOn: effectiveOn,
            expiresOn: expiresOn, terminatedOn: termination?.terminatedOn,
            enterprises: enterprises.map(\.creditCode), renews: renews)
    }
}
