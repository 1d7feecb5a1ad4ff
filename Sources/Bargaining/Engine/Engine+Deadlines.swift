extension Engine {
    /// Applies, as events, every deadline that passed before `day` while still open and that the
    /// workflow lets lapse (reply overdue → escalation; review silence → effective; expiry →
    /// expired). A lapse takes effect the day after the last day of the deadline.
    func advance(_ state: inout NegotiationState, to day: Day, recording events: inout [Event]) throws(CalendarError) {
        while let due = earliestLapse(in: state, before: day) {
            let lapseDay = due.due.adding(days: 1)
            let next = workflow.lapseStep(ofDeadline: due.name)!
            var fields = Fields()
            if workflow.steps[next].takesEffect {
                fields["effective-on"] = .day(effectiveDay(entering: lapseDay, state: state, fields: fields))
            }
            let opened = try deadlines(workflow.steps[next].opens, on: lapseDay, state: state, fields: fields)
            let event = Event(sequence: state.version + 1, on: lapseDay, actor: .calendar, body: .lapsed(deadline: due.name, fields: fields), opened: opened)
            do { try apply(event, to: &state) } catch { preconditionFailure("a lapse the engine built does not apply: \(error)") }
            events.append(event)
        }
    }

    /// The open deadline that passed first before `day` and moves the negotiation when it does.
    func earliestLapse(in state: NegotiationState, before day: Day) -> OpenDeadline? {
        var earliest: OpenDeadline?
        for deadline in state.deadlines where deadline.due < day && deadline.due < (earliest?.due ?? day) {
            if workflow.lapseStep(ofDeadline: deadline.name) != nil { earliest = deadline }
        }
        return earliest
    }

    /// Due dates of the named deadlines, started by an act on `day`. A deadline anchored on a date
    /// field that is not known yet is not started (there is nothing to count from).
    func deadlines(_ names: [String], on day: Day, state: NegotiationState, fields: Fields) throws(CalendarError) -> [OpenDeadline] {
        // One buffer sized for them all (none for no names), rather than growing it name by name.
        var result: [OpenDeadline] = []
        result.reserveCapacity(names.count)
        for name in names {
            guard let length = workflow.length(ofDeadline: name) else { continue }
            func date(_ field: String) -> Day? { fields.day(field) ?? state.dates[field] ?? state.draft?.day(field) }
            let due: Day?
            switch length {
            case .calendarDays(let n): due = try context.calendar.deadline(after: day, calendarDays: n)
            case .workingDays(let n): due = try context.calendar.deadline(after: day, workingDays: n)
            case .until(let field): due = date(field)
            case .before(let field, let n): due = date(field)?.adding(days: -n)
            case .escalationRung:
                switch fields.text("rung").flatMap(context.policy.rung(named:))?.length {
                case .calendarDays(let n)?: due = try context.calendar.deadline(after: day, calendarDays: n)
                case .workingDays(let n)?: due = try context.calendar.deadline(after: day, workingDays: n)
                default: due = nil
                }
            }
            if let due { result.append(OpenDeadline(name: name, due: due, openedOn: day)) }
        }
        return result
    }
}

/// The facts of a state that applying lapses can change, kept so that a refused act can undo the
/// lapses ``Engine/advance(_:to:recording:)`` applied before it: the deadlines, the dates, the
/// step, and the version and day of the last event. Must name everything that applying a
/// `.lapsed` event writes (``Engine/apply(at:to:)``).
struct LapsedFacts {
    let step: Int
    let version: Int
    let lastDay: Day
    let sidesDoneBits: UInt64
    let takenBits: UInt64
    let reviewLapsedOn: Day?
    let deadlines: [OpenDeadline]
    let dates: SmallMap<Day>

    init(of state: NegotiationState) {
        step = state.step
        version = state.version
        lastDay = state.lastDay
        sidesDoneBits = state.sidesDoneBits
        takenBits = state.takenBits
        reviewLapsedOn = state.reviewLapsedOn
        deadlines = state.deadlines
        dates = state.dates
    }

    func restore(in state: inout NegotiationState) {
        state.step = step
        state.version = version
        state.lastDay = lastDay
        state.sidesDoneBits = sidesDoneBits
        state.takenBits = takenBits
        state.reviewLapsedOn = reviewLapsedOn
        state.deadlines = deadlines
        state.dates = dates
    }
}
