extension Engine {
    /// The name of the workflows' deadline for filling a vacant seat (S1 art 31: 15 days).
    static let vacancyDeadline = "vacancy"

    /// S1 art 31 gives each vacant seat its own 15 days from the day it was reported. The
    /// workflow declares one `vacancy` deadline, so that deadline always runs for the seat
    /// vacant longest:
    /// - reporting a second seat while one is vacant opens nothing (the older seat's clock runs
    ///   on, and is not pushed back by the newer report);
    /// - filling a seat while others stay vacant opens the clock again for the oldest of them,
    ///   from the day *it* was reported.
    /// The deadlines an act opens are recorded in its event, so a history folds the same later.
    func vacancyClock(_ kind: ActionKind, names: [String], in state: NegotiationState) -> [String] {
        guard kind == .reportVacancy, state.deadlines.contains(where: { $0.name == Self.vacancyDeadline }) else { return names }
        return names.filter { $0 != Self.vacancyDeadline }
    }

    /// The clock of the oldest seat still vacant after `fields`' seat is filled, or nil when
    /// none stays vacant (or the act fills nothing).
    func vacancyReopened(_ kind: ActionKind, fields: Fields, in state: NegotiationState) throws(CalendarError) -> OpenDeadline? {
        guard kind == .fillVacancy, let filled = fields.text("name") else { return nil }
        var remaining = Array(zip(state.vacancies, state.vacanciesReportedOn))
        if let index = remaining.firstIndex(where: { $0.0.isSameText(as: filled) }) { remaining.remove(at: index) }
        guard let oldest = remaining.map(\.1).min() else { return nil }
        return try deadlines([Self.vacancyDeadline], on: oldest, state: state, fields: fields).first
    }

    /// When the seat `fields` fills had to be filled by: its own 15 days, not the running
    /// clock's (which may be an older seat's). Nil when it is not a reported seat.
    func vacancyDue(of fields: Fields, in state: NegotiationState) -> Day? {
        guard let filled = fields.text("name"),
              let index = state.vacancies.firstIndex(where: { $0.isSameText(as: filled) }),
              index < state.vacanciesReportedOn.count else { return nil }
        return try? deadlines([Self.vacancyDeadline], on: state.vacanciesReportedOn[index], state: state, fields: fields).first?.due
    }
}
