/// Rules on the conduct of talks (S1 arts 33–35, 49–54; S4 art 18).
enum TalksRules {
    /// S4 art 18: information the other side asked for is supplied at least N days before the
    /// first meeting. Checked when the first round is held.
    static func informationLeadTime(_ c: RuleContext) -> RuleVerdict {
        guard c.kind == .holdRound, c.state.rounds.isEmpty, !c.state.informationRequested.isEmpty,
              let days = c.parameters.integer("days") else { return .holds }
        let latest = c.day.adding(days: -days)
        // A handful of items each: a scan beats hashing (and normalizing) every Chinese title.
        let supplied = c.state.informationSupplied.filter { $0.on <= latest }
        let missing = c.state.informationRequested.filter { item in
            !supplied.contains { $0.items.contains { $0.isSameText(as: item) } }
        }
        guard missing.isEmpty else {
            return .violated("requested information not supplied by \(latest) (\(days) days before this first meeting on \(c.day)): \(missing.joined(separator: ", "))")
        }
        return .holds
    }

    /// S1 art 34: the chief representatives chair in turn.
    static func chairsRotate(_ c: RuleContext) -> RuleVerdict {
        guard let chair = c.fields.side("chair"), let last = c.state.rounds.last else { return .holds }
        guard chair != last.chair else {
            return .violated("the \(last.chair.rawValue) side's chief chaired the last round (\(last.on)); this round is chaired by the \(last.chair.other.rawValue) side")
        }
        return .holds
    }

    /// [policy] S1 art 35: each round's minutes are signed by both chiefs.
    static func minutesSigned(_ c: RuleContext) -> RuleVerdict {
        c.fields.flag("minutes-signed") == true ? .holds
            : .violated("the minutes of this round are not signed by both chief representatives; record the round once they are")
    }

    /// S1 art 35: a suspension agrees when talks resume, which must be later.
    static func resumeDateAfter(_ c: RuleContext) -> RuleVerdict {
        guard let resume = c.fields.day("resume-on"), resume <= c.day else { return .holds }
        return .violated("talks suspended on \(c.day) cannot resume on \(resume); agree a later date")
    }

    /// S1 art 52: 30 days from acceptance, extended at most once by at most 15 days. Only a
    /// running time limit can be extended: before the application is accepted there is none.
    static func extensionLimit(_ c: RuleContext) -> RuleVerdict {
        if let extended = c.engine.workflow.action(c.kind)?.extends {
            let title = c.engine.workflow.deadline(named: extended)?.title ?? extended
            guard let running = c.state.deadlines.first(where: { $0.name == extended }) else {
                return .violated("there is no running \(title) to extend: the coordination application has not been accepted yet (the 30 days run from acceptance)")
            }
            if running.due < c.day {
                return .violated("\(title) ended on \(running.due); a time limit that has run out cannot be extended")
            }
        }
        let days = c.fields.integer("days") ?? 0
        let maxDays = c.parameters.integer("max-days") ?? 15
        let times = c.parameters.integer("times") ?? 1
        if days <= 0 { return .violated("an extension must add at least one day") }
        if days > maxDays { return .violated("an extension of \(days) days exceeds the \(maxDays) days allowed") }
        if c.state.coordinationExtensions >= times {
            return .violated("coordination was already extended \(c.state.coordinationExtensions) time\(c.state.coordinationExtensions == 1 ? "" : "s"); at most \(times) allowed")
        }
        return .holds
    }
}
