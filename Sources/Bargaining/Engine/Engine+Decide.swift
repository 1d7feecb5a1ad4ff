extension Engine {
    /// Judges one act by `actor` on `day`. Deadlines that passed before `day` are applied first
    /// (and returned as events), then the act must be allowed from the current step, by the
    /// actor's role, with valid fields, and every guard of the workflow must hold.
    public func decide(_ state: NegotiationState, _ action: Action, by actor: Actor, on day: Day) -> Result<Decision, RuleViolation> {
        var next = state
        return decide(&next, action, by: actor, on: day).map {
            Decision(events: $0.events, state: next, warnings: $0.warnings, explanation: $0.explanation, opens: $0.opens)
        }
    }

    /// The same judgement, applied to `state` in place: a server that has just folded a
    /// negotiation need not copy it. On a refusal `state` is left exactly as it was.
    public func decide(_ state: inout NegotiationState, _ action: Action, by actor: Actor, on day: Day) -> Result<Decision.Effects, RuleViolation> {
        var events: [Event] = []
        return decide(&state, action, by: actor, on: day, appendingTo: &events).map {
            Decision.Effects(events: events, warnings: $0.warnings, explanation: $0.explanation, opens: $0.opens)
        }
    }

    /// The same judgement, applied to `state` in place, with its events (lapses first, then the
    /// act) appended to `events`: a caller collecting a negotiation's history builds no array of
    /// its own per act, and no event is copied from one array into another. On a refusal `state`
    /// and `events` are left exactly as they were.
    public func decide(_ state: inout NegotiationState, _ action: Action, by actor: Actor, on day: Day,
                       appendingTo events: inout [Event]) -> Result<Decision.Remarks, RuleViolation> {
        guard day >= state.lastDay else {
            return .failure(RuleViolation(.dateBeforeLastEvent, "\(day) is before the last recorded event (\(state.lastDay)); acts are recorded in date order"))
        }
        guard earliestLapse(in: state, before: day) != nil else { return judgeAndApply(&state, action, by: actor, on: day, appendingTo: &events) }
        // Deadlines passed: apply them in place, and on a refusal put back what they changed and
        // take their events out again. Copying the whole state to throw it away costs more.
        let before = LapsedFacts(of: state)
        let recorded = events.count
        let result: Result<Decision.Remarks, RuleViolation>
        do {
            try advance(&state, to: day, recording: &events)
            result = judgeAndApply(&state, action, by: actor, on: day, appendingTo: &events)
        } catch {
            result = .failure(RuleViolation(.calendar, error.description))
        }
        if case .failure = result {
            before.restore(in: &state)
            events.removeSubrange(recorded...)
        }
        return result
    }

    /// Checks the act against `state` (already advanced to `day`) and, if it is allowed, applies
    /// it and appends its event to `events`. Mutates `state` and `events` only on success.
    func judgeAndApply(_ state: inout NegotiationState, _ action: Action, by actor: Actor, on day: Day,
                       appendingTo events: inout [Event]) -> Result<Decision.Remarks, RuleViolation> {
        guard let definition = workflow.action(action.kind) else {
            return .failure(RuleViolation(.unknownAction, "'\(action.kind.rawValue)' is not part of workflow \(workflow.name)"))
        }
        guard definition.allowed(at: state.step) else {
            let step = workflow.steps[state.step]
            let allowed = allowedActions(in: state).map { "\($0.kind.rawValue) (\($0.roles.map(\.rawValue).joined(separator: ", ")))" }
            return .failure(RuleViolation(.notAllowedNow, article: definition.article, "'\(action.kind.rawValue)' is not possible at step '\(step.name)' (\(step.title)); allowed now: \(allowed.isEmpty ? "nothing, the negotiation has ended" : allowed.joined(separator: "; "))"))
        }
        guard definition.roles.contains(actor.role) else {
            return .failure(RuleViolation(.roleNotAllowed, article: definition.article, "\(actor.role.rawValue) may not \(action.kind.rawValue); only \(definition.roles.map(\.rawValue).joined(separator: " or ")) may"))
        }
        if definition.eachSide, let side = actor.role.side, state.sidesDone(action.kind).contains(side) {
            return .failure(RuleViolation(.alreadyTaken, article: definition.article, "the \(side.rawValue) side has already taken '\(action.kind.rawValue)' at this step; waiting for the \(side.other.rawValue) side"))
        }
        if definition.once, state.taken(action.kind) {
            return .failure(RuleViolation(.alreadyTaken, article: definition.article, "'\(action.kind.rawValue)' (\(action.kind.title)) was already taken at step '\(workflow.steps[state.step].name)'; it is taken once"))
        }
        if var violation = validate(action.fields, for: action.kind) ?? impossibleDate(in: action.fields, for: action.kind, on: day) {
            violation.article = definition.article
            return .failure(violation)
        }

        let late: [Lateness]?
        switch lateness(of: definition, in: state, fields: action.fields, on: day) {
        case .success(let found): late = found
        case .failure(let violation): return .failure(violation)
        }

        var warnings: [String] = []
        var outcome: (name: String, explanation: String)?
        if !definition.guards.isEmpty {
            // One context for all the guards; it holds a reference to the state's storage, so it
            // must be gone before the state is changed below (or the change would copy it).
            var context = RuleContext(state: state, engine: self, kind: action.kind, actor: actor, fields: action.fields,
                                      day: day, guards: definition.guards, guardIndex: 0)
            for index in definition.guards.indices {
                context.guardIndex = index
                let rule = definition.guards[index].rule
                switch rule.evaluate(context) {
                case .holds: break
                case .violated(let message): return .failure(RuleViolation(rule, message))
                case .warning(let message): warnings.append("\(message) (\(rule.article))")
                case .outcome(let name, let explanation): outcome = (name, "\(explanation) (\(rule.article))")
                }
            }
        }

        let opens: LinkedOpening?
        switch linkedOpening(of: action, in: state, by: actor, on: day) {
        case .success(let linked): opens = linked
        case .failure(let violation): return .failure(violation)
        }

        var fields = action.fields
        var sides = state.sidesDone(action.kind)
        if let side = actor.role.side { sides.insert(side) }
        let completes = !definition.eachSide || sides.isComplete
        var opened: [OpenDeadline] = []
        if completes {
            let target = self.target(of: definition, outcome: outcome?.name) ?? state.step
            var names = vacancyClock(action.kind, names: definition.opens, in: state)
            if target != state.step || definition.target != .stay {
                // Most actions open nothing themselves: take the step's list as it is rather
                // than building a new one.
                names = names.isEmpty ? workflow.steps[target].opens : names + workflow.steps[target].opens
                if workflow.steps[target].takesEffect {
                    fields["effective-on"] = .day(effectiveDay(entering: day, state: state, fields: fields))
                }
            }
            do {
                opened = try deadlines(names, on: day, state: state, fields: fields)
                if let reopened = try vacancyReopened(action.kind, fields: fields, in: state) { opened.append(reopened) }
            } catch {
                return .failure(RuleViolation(.calendar, error.description))
            }
        }
        var notes = warnings
        if let outcome { notes.insert(outcome.explanation, at: 0) }
        let event = Event(sequence: state.version + 1, on: day, actor: actor,
                          body: .acted(action: action.kind, fields: fields, outcome: outcome?.name), opened: opened, notes: notes, late: late)
        do { try apply(event, to: &state) } catch {
            preconditionFailure("an event the engine built does not apply: \(error)")
        }
        events.append(event)
        return .success(Decision.Remarks(warnings: warnings + (late ?? []).map(\.description), explanation: outcome?.explanation, opens: opens))
    }

    /// The running deadlines this act ends after their last day: nil when none (the usual case,
    /// found without allocating), a refusal where the workflow refuses late acts for one.
    func lateness(of definition: Workflow.ActionDefinition, in state: NegotiationState, fields: Fields, on day: Day) -> Result<[Lateness]?, RuleViolation> {
        guard !definition.closes.isEmpty, state.deadlines.contains(where: { $0.due < day && definition.closes.contains($0.name) }) else {
            return .success(nil)
        }
        var found: [Lateness] = []
        for var open in state.deadlines where open.due < day && definition.closes.contains(open.name) {
            // A seat filled is late against its own 15 days, not the oldest vacant seat's.
            if definition.kind == .fillVacancy, open.name == Self.vacancyDeadline {
                guard let own = vacancyDue(of: fields, in: state), own < day else { continue }
                open.due = own
            }
            let deadline = workflow.deadline(named: open.name)
            let late = Lateness(deadline: open.name, title: deadline?.title ?? open.name, due: open.due,
                                days: open.due.days(until: day), article: deadline?.article ?? definition.article)
            if deadline?.refusesLate == true {
                return .failure(RuleViolation(.late, article: late.article,
                                              "\(definition.kind.rawValue) on \(day) is \(late.days) day\(late.days == 1 ? "" : "s") after \(late.title) ended on \(late.due); this workflow does not take it late"))
            }
            found.append(late)
        }
        return .success(found.isEmpty ? nil : found)
    }

    /// The step an action leads to when it completes, or nil when it stays.
    func target(of definition: Workflow.ActionDefinition, outcome: String?) -> Int? {
        switch definition.target {
        case .stay: nil
        case .step(let step): step
        case .outcomes(let map): outcome.flatMap { map[$0] }
        }
    }

    /// S1 art 47 [policy]: the contract takes effect on entering the step, or on the later start
    /// date the agreement itself states.
    func effectiveDay(entering day: Day, state: NegotiationState, fields: Fields) -> Day {
        max(day, state.draft?.day("starts-on") ?? day)
    }

    /// Missing, unknown or mistyped fields, all named at once so a script can fix them in one go.
    func validate(_ fields: Fields, for kind: ActionKind) -> RuleViolation? {
        // The common case first, without allocating or searching: both lists are sorted by name,
        // so walking them side by side pairs each given field with its spec. Every field paired
        // and well typed and no required spec skipped means the fields are clean; anything else
        // (an unknown field breaks the pairing) is sorted out by the full check below.
        let entries = fields.entries
        var next = 0
        var clean = true
        for spec in kind.fieldsByName {
            if next < entries.count, entries[next].name == spec.name {
                if !spec.type.accepts(entries[next].value) { clean = false; break }
                next += 1
            } else if spec.required {
                clean = false
                break
            }
        }
        if clean && next == entries.count { return nil }
        let specs = kind.fields
        var problems: [String] = []
        let missing = specs.filter { $0.required && fields[$0.name] == nil }
        if !missing.isEmpty {
            let list = missing.map { "\($0.name) (\($0.type.hint): \($0.help))" }.joined(separator: "; ")
            problems.append("needs \(missing.count == 1 ? "a field" : "fields") not given: \(list)")
        }
        for name in fields.sortedNames {
            guard let spec = specs.first(where: { $0.name == name }) else {
                problems.append("unknown field '\(name)'; \(kind.rawValue) takes: \(specs.isEmpty ? "no fields" : specs.map(\.name).joined(separator: ", "))")
                continue
            }
            if !spec.type.accepts(fields[name]!) { problems.append("\(name) must be \(spec.type.hint)") }
        }
        guard !problems.isEmpty else { return nil }
        return RuleViolation(.fields, "\(kind.rawValue): \(problems.joined(separator: "; "))")
    }

    /// A date field before a date it cannot precede (a first meeting before the act that fixes
    /// it, an expiry before the start): refused with both dates.
    func impossibleDate(in fields: Fields, for kind: ActionKind, on day: Day) -> RuleViolation? {
        for spec in kind.fields where !spec.notBefore.isEmpty {
            guard let date = fields.day(spec.name) else { continue }
            for bound in spec.notBefore {
                switch bound {
                case .actDay where date < day:
                    return RuleViolation(.impossibleDate, "\(kind.rawValue): \(spec.name) \(date) is before the day of this act, \(day)")
                case .field(let other):
                    if let earlier = fields.day(other), date < earlier {
                        return RuleViolation(.impossibleDate, "\(kind.rawValue): \(spec.name) \(date) is before \(other) \(earlier)")
                    }
                default:
                    continue
                }
            }
        }
        return nil
    }
}
