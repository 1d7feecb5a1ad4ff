import Bargaining

extension NegotiationSummary {
    /// The projection row for a negotiation's current state under its engine.
    public init(_ state: NegotiationState, engine: Engine) {
        let opening = state.opening
        let signedOn = state.signatures.map(\.on).max()
        let contract: ContractRecord? = state.effectiveOn.map { effective in
            ContractRecord(contractID: opening.id, level: opening.level, title: opening.title, signedOn: signedOn,
                           effectiveOn: effective, expiresOn: state.expiresOn,
                           terminatedOn: state.terminatedOn,
                           enterprises: opening.enterprises.map(\.creditCode), renews: opening.renews)
        }
        self.init(id: opening.id, level: opening.level, workflow: opening.workflow, title: opening.title,
                  employeeParty: opening.employeeParty, employerParty: opening.employerParty, district: opening.district,
                  street: opening.street, step: engine.workflow.steps[state.step].name, version: state.version,
                  lastDay: state.lastDay, deadlines: state.deadlines, contract: contract, renews: opening.renews,
                  endedOn: engine.workflow.steps[state.step].terminal ? state.lastDay : nil)
    }
}
