extension Engine {
    /// S1 art 38: renewal is asked for in the window before expiry and is a new negotiation linked
    /// to the old one. Decides `request-renewal` on the old negotiation and opens the new one with
    /// the same parties and enterprises; the caller stores both or neither.
    public func renew(_ state: NegotiationState, id: String, by actor: Actor, on day: Day) -> Result<(old: Decision, new: Decision), RuleViolation> {
        decide(state, Action(.requestRenewal, ["renewal": .text(id)]), by: actor, on: day).flatMap { old in
            var opening = state.opening
            opening.id = id
            opening.renews = state.opening.id
            opening.title = "\(state.opening.title)（续订）"
            return open(opening, by: actor, on: day).map { (old, $0) }
        }
    }
}
