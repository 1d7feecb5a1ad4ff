import Bargaining

/// `bargain workflow show --json`: the workflow as data. Steps, actions and deadlines are each
/// listed in file order; actions name the steps they start from instead of being nested in
/// them, because one action (withdraw) often starts from many steps.
struct WorkflowDocument: Encodable {
    var workflow: String
    var version: Int
    var level: String
    var title: String
    var digest: String
    var file: String
    var initial: String
    var steps: [Step]
    var actions: [Action]
    var deadlines: [Deadline]

    struct Step: Encodable {
        var name: String
        var title: String
        var about: String
        var terminal: Bool
        var takesEffect: Bool
        /// Deadlines started on entering the step.
        var opens: [String]
    }

    struct Action: Encodable {
        var action: String
        var title: String
        /// Where the act comes from; every refusal of it cites this.
        var article: String
        var from: [String]
        /// The step it leads to; absent when it stays or when `outcomes` decides.
        var to: String?
        /// Outcome name → step, for actions a classifying rule decides (hold-congress).
        var outcomes: [String: String]?
        var roles: [String]
        /// Each negotiating side takes it once; the step changes when both have.
        var eachSide: Bool
        /// Taken at most once each time the negotiation is in one of its steps.
        var once: Bool
        var fields: [Field]
        var guards: [Guard]
        var opens: [String]
        var closes: [String]
        var extends: String?
    }

    struct Field: Encodable {
        var name: String
        /// text, integer, day, flag, money, rate, list or side.
        var type: String
        /// How to write it, e.g. "a date YYYY-MM-DD".
        var form: String
        var required: Bool
        var help: String
    }

    struct Guard: Encodable {
        var rule: String
        var article: String
        var summary: String
        /// Numbers as numbers, fractions as "2/3", lists as arrays.
        var parameters: [String: Parameter]
    }

    enum Parameter: Encodable {
        case integer(Int), text(String), list([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .integer(let n): try container.encode(n)
            case .text(let text): try container.encode(text)
            case .list(let items): try container.encode(items)
            }
        }
    }

    struct Deadline: Encodable {
        var name: String
        var title: String
        var length: Length
        var article: String
        /// The step the negotiation moves to by itself when the deadline passes while open.
        var lapse: String?
    }

    /// `kind` is calendar-days, working-days, until (a date field), before (days before a date
    /// field) or ladder (the policy's escalation rung).
    struct Length: Encodable {
        var kind: String
        var days: Int?
        var field: String?
        var text: String
    }
}

extension WorkflowDocument {
    init(_ workflow: Workflow, file: String) {
        self.init(
            workflow: workflow.name, version: workflow.version, level: workflow.level.rawValue, title: workflow.title,
            digest: workflow.digest, file: file, initial: workflow.stepName(workflow.initialStep),
            steps: workflow.steps.map {
                Step(name: $0.name, title: $0.title, about: $0.about, terminal: $0.terminal, takesEffect: $0.takesEffect, opens: $0.opens)
            },
            actions: workflow.actions.map { Action($0, in: workflow) },
            deadlines: workflow.deadlinesInFileOrder.map {
                Deadline(name: $0.name, title: $0.title, length: Length($0.length), article: $0.article, lapse: $0.lapse.map(workflow.stepName))
            })
    }
}

extension WorkflowDocument.Action {
    init(_ action: Workflow.ActionDefinition, in workflow: Workflow) {
        var to: String?
        var outcomes: [String: String]?
        switch action.target {
        case .stay: break
        case .step(let step): to = workflow.stepName(step)
        case .outcomes(let map): outcomes = map.mapValues(workflow.stepName)
        }
        self.init(action: action.kind.rawValue, title: action.kind.title, article: action.article, from: action.from.sorted().map(workflow.stepName),
                  to: to, outcomes: outcomes, roles: action.roles.map(\.rawValue), eachSide: action.eachSide, once: action.once,
                  fields: action.kind.fields.map { WorkflowDocument.Field(name: $0.name, type: $0.type.rawValue, form: $0.type.hint, required: $0.required, help: $0.help) },
                  guards: action.guards.map(WorkflowDocument.Guard.init), opens: action.opens, closes: action.closes,
                  extends: action.extends)
    }
}

extension WorkflowDocument.Guard {
    init(_ rule: Workflow.Guard) {
        self.init(rule: rule.rule.rawValue, article: rule.rule.article, summary: rule.rule.summary,
                  parameters: rule.parameters.mapValues { value in
                      switch value {
                      case .integer(let n): .integer(n)
                      case .fraction(let fraction): .text(fraction.description)
                      case .text(let text): .text(text)
                      case .list(let items): .list(items)
                      }
                  })
    }
}

extension WorkflowDocument.Length {
    init(_ length: Workflow.DeadlineLength) {
        switch length {
        case .calendarDays(let n): self.init(kind: "calendar-days", days: n, text: length.text)
        case .workingDays(let n): self.init(kind: "working-days", days: n, text: length.text)
        case .until(let field): self.init(kind: "until", field: field, text: length.text)
        case .before(let field, let n): self.init(kind: "before", days: n, field: field, text: length.text)
        case .escalationRung: self.init(kind: "ladder", text: length.text)
        }
    }
}
