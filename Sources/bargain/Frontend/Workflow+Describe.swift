import Bargaining

/// Words for the parts of a workflow, shared by `workflow show` (text and JSON) and `workflow
/// graph`, so all three say the same thing about the same file.
extension Workflow {
    func stepName(_ index: Int) -> String { steps[index].name }

    /// Deadlines in the order the file declares them.
    var deadlinesInFileOrder: [DeadlineDefinition] { deadlines.values.sorted { $0.line < $1.line } }

    /// Where an action leads, as (outcome, step) pairs; the outcome is nil for a plain `to:` and
    /// the list is empty for an action that stays in its step.
    func destinations(of action: ActionDefinition) -> [(outcome: String?, step: Int)] {
        switch action.target {
        case .stay: []
        case .step(let step): [(nil, step)]
        case .outcomes(let map): map.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }
}

extension Workflow.DeadlineLength {
    var text: String {
        switch self {
        case .calendarDays(let n): "\(n) \(n == 1 ? "day" : "days")"
        case .workingDays(let n): "\(n) working \(n == 1 ? "day" : "days")"
        case .until(let field): "until \(field)"
        case .before(let field, let n): "\(n) \(n == 1 ? "day" : "days") before \(field)"
        case .escalationRung: "the escalation rung's time (policy)"
        }
    }
}

extension Workflow.Guard {
    /// `delegation-size {min: 3}`, as the workflow file writes it.
    var text: String {
        guard !parameters.isEmpty else { return rule.rawValue }
        let pairs = parameters.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.text)" }
        return "\(rule.rawValue) {\(pairs.joined(separator: ", "))}"
    }
}

extension RuleParameter {
    var text: String {
        switch self {
        case .integer(let n): String(n)
        case .fraction(let fraction): fraction.description
        case .text(let text): text
        case .list(let items): "[\(items.joined(separator: ", "))]"
        }
    }
}
