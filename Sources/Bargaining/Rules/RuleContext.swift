/// What a rule sees when it judges one proposed act.
struct RuleContext {
    let state: NegotiationState
    let engine: Engine
    let kind: ActionKind
    let actor: Actor
    let fields: Fields
    let day: Day
    /// The action's guards and the one being judged: the only part that changes from rule to
    /// rule, so one context serves all of an act's guards instead of copying the state and
    /// fields into each, and a rule reads its parameters in place instead of a copy of them.
    let guards: [Workflow.Guard]
    var guardIndex: Int

    /// The guard being judged.
    var parameters: Workflow.Guard { guards[guardIndex] }

    /// The date the agreement is expected to take effect: the start it states, or the given day.
    func expectedEffectiveDay(from day: Day) -> Day {
        let stated = fields.day("starts-on") ?? state.draft?.day("starts-on")
        return max(stated ?? day, day)
    }
}

/// A rule's verdict on one act.
enum RuleVerdict {
    case holds
    case violated(String)
    /// Allowed, but the chair should know (S4 art 8: the wage guideline is not binding).
    case warning(String)
    /// A classifying rule chose an outcome; the explanation is recorded with the event.
    case outcome(String, String)
}
