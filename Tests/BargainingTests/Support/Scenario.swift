import Bargaining
import TestSupport

/// Builders for the rule tests: the sample negotiation taken up to a step, then varied.
enum Scenario {
    static let engine = Repository.engine()
    static let script = SampleNegotiations.enterprise(workflow: engine.workflow.reference)
    static let union = SampleNegotiations.unionChair
    static let employer = SampleNegotiations.employerChief
    static let labour = SampleNegotiations.labourAdministration

    /// The sample negotiation with every act before the first `kind` applied.
    static func before(_ kind: ActionKind, occurrence: Int = 1) throws -> Drive {
        var drive = try Drive(script, engine: engine)
        var seen = 0
        for act in script.acts {
            if act.action.kind == kind {
                seen += 1
                if seen == occurrence { return drive }
            }
            try drive.perform(act.action, by: act.actor, on: act.on)
        }
        return drive
    }

    /// The sample agreement in force: every act of the script applied.
    static func inForce() throws -> Drive {
        var drive = try Drive(script, engine: engine)
        try drive.run(script.acts)
        return drive
    }

    /// The sample act of `kind` (its first occurrence), to vary its fields.
    static func act(_ kind: ActionKind, occurrence: Int = 1) -> SampleNegotiations.Act {
        script.acts.filter { $0.action.kind == kind }[occurrence - 1]
    }

    static func fields(_ kind: ActionKind, occurrence: Int = 1, _ changes: [String: FieldValue?]) -> Action {
        var fields = act(kind, occurrence: occurrence).action.fields
        for (name, value) in changes { fields[name] = value }
        return Action(kind, fields)
    }

    static func day(_ text: String) -> Day { Day(text)! }

    /// The sample negotiation moved by whole years, every act and every date field with it: the
    /// same story told in another year, to check the year's wage data (2016, 2018…).
    static func shifted(years: Int) -> SampleNegotiations.Script {
        var script = script
        script.openedOn = script.openedOn.adding(years: years)
        script.acts = script.acts.map { act in
            var act = act
            act.on = act.on.adding(years: years)
            for entry in act.action.fields.entries {
                if case .day(let day) = entry.value { act.action.fields[entry.name] = .day(day.adding(years: years)) }
            }
            return act
        }
        return script
    }

    /// The shifted sample, driven up to (not including) its first act of `kind`.
    static func shifted(years: Int, before kind: ActionKind) throws -> Drive {
        let script = shifted(years: years)
        var drive = try Drive(script, engine: engine)
        try drive.run(script.acts, until: kind)
        return drive
    }
}
