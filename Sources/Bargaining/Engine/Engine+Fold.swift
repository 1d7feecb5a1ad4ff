/// A stored event sequence that this workflow cannot replay: a corrupted or foreign history.
public struct FoldError: Error, Hashable, Sendable, CustomStringConvertible {
    public var sequence: Int
    public var reason: String
    public var description: String { "event \(sequence): \(reason)" }
}

extension Engine {
    /// Rebuilds a negotiation's state from its events. Deterministic: it reads only the events
    /// (due dates included), never the calendar or the rules.
    public func fold(_ events: [Event]) throws(FoldError) -> NegotiationState {
        guard let first = events.first, case .opened(let opening) = first.body, first.sequence == 1 else {
            throw FoldError(sequence: events.first?.sequence ?? 0, reason: "a negotiation's history starts with its opening event")
        }
        guard opening.workflow.name == workflow.name, opening.workflow.version == workflow.version else {
            throw FoldError(sequence: 1, reason: "the negotiation runs \(opening.workflow), not \(workflow.reference)")
        }
        var state = NegotiationState(opening: opening, step: workflow.initialStep, on: first.on)
        state.deadlines = first.opened
        // Through the buffer's addresses: `for event in events` and `events[i]` both copy every
        // event whole (see ``apply(_:to:)``).
        try events.withUnsafeBufferPointer { (buffer) throws(FoldError) in
            guard let base = buffer.baseAddress else { return }
            for index in buffer.indices.dropFirst() { try apply(at: base + index, to: &state) }
        }
        return state
    }

    /// Applies one event. Shared by ``fold(_:)`` and ``decide(_:_:by:on:)`` so a decision and a
    /// replay can never disagree.
    func apply(_ event: Event, to state: inout NegotiationState) throws(FoldError) {
        try withUnsafePointer(to: event) { (event) throws(FoldError) in try apply(at: event, to: &state) }
    }

    /// ``apply(_:to:)`` for the event at `event`, which is read part by part and never copied
    /// whole. The state is a class box: while it is written, the compiler cannot prove an
    /// event held in an array untouched, so an event passed by value across those writes is
    /// copied first (each of its strings and arrays retained, then released), which was a third
    /// of a fold's cost. Copying out only the parts used is cheap.
    @inline(__always)
    func apply(at event: UnsafePointer<Event>, to state: inout NegotiationState) throws(FoldError) {
        let sequence = event.pointee.sequence, day = event.pointee.on
        guard sequence == state.version + 1 else {
            throw FoldError(sequence: sequence, reason: "expected event \(state.version + 1)")
        }
        guard day >= state.lastDay else {
            throw FoldError(sequence: sequence, reason: "dated \(day), before the previous event (\(state.lastDay))")
        }
        switch event.pointee.body {
        case .opened:
            throw FoldError(sequence: sequence, reason: "a negotiation opens only once")
        case .acted(let kind, let fields, let outcome):
            try applyAct(kind, fields, outcome: outcome, explanation: event.pointee.notes.first, by: event.pointee.actor,
                         sequence: sequence, on: day, opened: event.pointee.opened, to: &state)
            if let late = event.pointee.late {
                for lateness in late { state.lateActs.append(LateAct(action: kind, on: day, lateness: lateness)) }
            }
        case .lapsed(let name, let fields):
            try applyLapse(of: name, fields, sequence: sequence, on: day, opened: event.pointee.opened, to: &state)
        }
        state.version = sequence
        state.lastDay = day
    }

    /// ``apply(_:to:)`` for an act.
    private func applyAct(_ kind: ActionKind, _ fields: Fields, outcome: String?, explanation: String?, by actor: Actor,
                          sequence: Int, on day: Day, opened: [OpenDeadline], to state: inout NegotiationState) throws(FoldError) {
        guard let definition = workflow.action(kind), definition.allowed(at: state.step) else {
            throw FoldError(sequence: sequence, reason: "'\(kind.rawValue)' cannot follow step '\(workflow.steps[state.step].name)'")
        }
        record(kind, fields, outcome: outcome, explanation: explanation, by: actor, on: day, in: &state)
        if let side = actor.role.side { state.markDone(kind, by: side) }
        state.takenBits |= 1 << UInt64(kind.ordinal)
        if !definition.eachSide || state.sidesDone(kind).isComplete {
            // Most acts close nothing that is open: look before asking for a unique,
            // rewritten array.
            if !definition.closes.isEmpty, state.deadlines.contains(where: { definition.closes.contains($0.name) }) {
                state.deadlines.removeAll { definition.closes.contains($0.name) }
            }
            if let extended = definition.extends, let days = fields.integer("days"),
               let index = state.deadlines.firstIndex(where: { $0.name == extended }) {
                state.deadlines[index].due = state.deadlines[index].due.adding(days: days)
            }
            open(opened, in: &state)
            if let next = target(of: definition, outcome: outcome) { enter(next, in: &state) }
        }
    }

    /// ``apply(_:to:)`` for a deadline that lapsed.
    private func applyLapse(of name: String, _ fields: Fields, sequence: Int, on day: Day, opened: [OpenDeadline],
                            to state: inout NegotiationState) throws(FoldError) {
        guard let next = workflow.lapseStep(ofDeadline: name) else {
            throw FoldError(sequence: sequence, reason: "deadline '\(name)' does not lapse in this workflow")
        }
        removeDeadlines(named: name, from: &state)
        if name == "review" { state.reviewLapsedOn = day }
        recordDates(fields, in: &state)
        open(opened, in: &state)
        enter(next, in: &state)
    }

    func open(_ deadlines: [OpenDeadline], in state: inout NegotiationState) {
        for deadline in deadlines {
            removeDeadlines(named: deadline.name, from: &state)
            state.deadlines.append(deadline)
        }
    }

    /// Removes every open deadline called `name`. Usually none is open: looking first spares
    /// rewriting the array (and making the state's storage unique) for nothing.
    func removeDeadlines(named name: String, from state: inout NegotiationState) {
        guard state.deadlines.contains(where: { $0.name == name }) else { return }
        state.deadlines.removeAll { $0.name == name }
    }

    func enter(_ step: Int, in state: inout NegotiationState) {
        state.step = step
        state.sidesDoneBits = 0
        state.takenBits = 0
        if workflow.steps[step].terminal && !state.deadlines.isEmpty { state.deadlines.removeAll() }
    }

    func recordDates(_ fields: Fields, in state: inout NegotiationState) {
        for entry in fields.entries { if case .day(let day) = entry.value { state.dates[entry.name] = day } }
    }

    /// What each act means for the negotiation's facts.
    func record(_ kind: ActionKind, _ fields: Fields, outcome: String?, explanation: String?, by actor: Actor, on day: Day, in state: inout NegotiationState) {
        recordDates(fields, in: &state)
        let side = actor.role.side
        switch kind {
        case .sendNotice:
            state.noticeFrom = side
        case .escalate:
            if let rung = fields.text("rung") { state.escalations.append(rung) }
        case .appointRepresentatives:
            if let side {
                state.delegations[side] = Delegation(chief: fields.text("chief") ?? "", members: fields.list("members"), experts: fields.list("experts"))
            }
        case .reportVacancy:
            if let name = fields.text("name") {
                state.vacancies.append(name)
                state.vacanciesReportedOn.append(day)
            }
        case .fillVacancy:
            if let name = fields.text("name"), let replacement = fields.text("replacement") {
                if let index = state.vacancies.firstIndex(of: name) {
                    state.vacancies.remove(at: index)
                    state.vacanciesReportedOn.remove(at: index)
                }
                for (delegationSide, var delegation) in state.delegations.all where delegation.everyone.contains(name) {
                    if delegation.chief == name { delegation.chief = replacement }
                    delegation.members = delegation.members.map { $0 == name ? replacement : $0 }
                    delegation.experts = delegation.experts.map { $0 == name ? replacement : $0 }
                    state.delegations[delegationSide] = delegation
                }
            }
        case .prepare:
            state.recorder = fields.text("recorder")
        case .requestInformation:
            state.informationRequested.append(contentsOf: fields.list("items"))
        case .supplyInformation:
            state.informationSupplied.append(SuppliedInformation(items: fields.list("items"), on: day))
        case .holdRound:
            if let chair = fields.side("chair") {
                state.rounds.append(Round(on: day, chair: chair, minutesSigned: fields.flag("minutes-signed") ?? false, summary: fields.text("summary")), makingRoom: 4)
            }
        case .extendCoordination:
            state.coordinationExtensions += 1
        case .agreeDraft:
            state.draft = fields
            state.signatures.removeAll()
        case .holdCongress:
            state.congressSessions.append(CongressSession(
                on: day, body: state.congressBody ?? "职工代表大会",
                total: fields.integer("total") ?? 0, present: fields.integer("present") ?? 0,
                votesFor: fields.integer("for") ?? 0, against: fields.integer("against") ?? 0, abstain: fields.integer("abstain") ?? 0,
                managers: fields.integer("managers"), recorder: fields.text("recorder"),
                outcome: CongressVote.Outcome.allCases.first { $0.rawValue == outcome } ?? .rejected, explanation: explanation ?? ""),
                makingRoom: 2)
        case .conveneCongress:
            state.congressBody = fields.text("body")
        case .sign, .signDraft:
            if kind == .sign, let side { state.signatures.append(Signature(side: side, name: actor.name, on: day), makingRoom: 2) }
        case .file:
            state.filings.append(Filing(by: actor, on: day, copies: fields.integer("copies") ?? 0, authority: fields.text("authority") ?? ""))
        case .object:
            state.objections.append(fields.text("opinion") ?? "")
        case .noObjection:
            state.noObjectionOn = day
        case .requestRenewal:
            state.renewal = fields.text("renewal")
        case .requestAmendment:
            state.amendment = fields.text("amendment")
        case .terminate:
            state.endReason = fields.text("reason")
            state.dates["terminated-on"] = day
        case .withdraw:
            state.endReason = fields.text("reason")
        case .employeesRequest:
            state.employeesRequest = EmployeesRequest(asking: fields.integer("asking") ?? 0, employees: fields.integer("employees") ?? 0, on: day)
        case .accept, .refuse, .resume, .suspend, .applyCoordination, .acceptCoordination, .concludeCoordination, .reopenTalks, .publish:
            break
        }
    }
}
