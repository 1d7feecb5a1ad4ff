extension Engine {
    /// S1 art 38: renewal is asked for in the window before expiry (the workflow's guards judge
    /// that) and is a new negotiation linked to the old one, with the same parties and
    /// enterprises, under the same workflow. `request-renewal` names the new negotiation in its
    /// `renewal` field; the application service fills it in when the chair does not choose one.
    /// Nil for every other act, which opens nothing.
    func linkedOpening(of action: Action, in state: NegotiationState, by actor: Actor, on day: Day) -> Result<LinkedOpening?, RuleViolation> {
        guard action.kind == .requestRenewal else { return .success(nil) }
        guard let id = action.fields.text("renewal"), !id.isEmpty else {
            return .failure(RuleViolation(.fields, "request-renewal: missing renewal (the id of the renewal negotiation)"))
        }
        guard id != state.id else {
            return .failure(RuleViolation(.fields, "request-renewal: the renewal needs an id of its own, not \(id)"))
        }
        var opening = state.opening
        opening.id = id
        opening.renews = state.opening.id
        opening.title = "\(state.opening.title)（续订）"
        return open(opening, by: actor, on: day).map { LinkedOpening(events: $0.events, state: $0.state) }
    }
}
