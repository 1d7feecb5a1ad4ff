import Bargaining
import BargainingService

/// What the templates render: plain values with the booleans Mustache sections test (stored,
/// not computed: Mustache reads values through `Mirror`, which sees stored properties only).
enum PageModels {
    struct User {
        var name: String
        var seat: String
        var csrf: String
        var reviewer: Bool
        /// The seat reads coverage figures: the nav links the district's page.
        var coverage: Bool
    }

    struct Login {
        var user: User? = nil
        var csrf: String
        var name: String
        var error: String?
    }

    struct HomeRow {
        var id: String
        var title: String
        var step: String
        var mine: [String]
        var others: [String]
        var due: String?
        var daysText: String
        var overdue: Bool
        var sortKey: Int
    }

    struct Home {
        var user: User
        var asOf: String
        var rows: [HomeRow]
        var hasRows: Bool
    }

    struct Choice {
        var value: String
        var label: String
    }

    struct Field {
        var name: String
        var help: String
        var hint: String
        var required: Bool
        var inputType: String
        var choices: [Choice]
        var hasChoices = false

        init(_ spec: FieldSpec) {
            name = spec.name
            help = spec.help
            hint = spec.type.hint
            required = spec.required
            choices = []
            switch spec.type {
            case .day: inputType = "date"
            case .integer: inputType = "number"
            case .flag:
                inputType = "text"
                choices = [Choice(value: "yes", label: "是 (yes)"), Choice(value: "no", label: "否 (no)")]
                hasChoices = true
            case .side:
                inputType = "text"
                choices = [Choice(value: "employee", label: "职工方 (employee side)"), Choice(value: "employer", label: "企业方 (employer side)")]
                hasChoices = true
            case .text, .money, .rate, .list: inputType = "text"
            }
        }
    }

    struct Form {
        var id: String
        var csrf: String
        /// The form's idempotency key: posting the same form twice records the act once.
        var requestId: String
        var today: String
        var action: String
        var title: String
        var article: String
        var fields: [Field]
    }

    struct Other {
        var title: String
        var who: String
    }

    struct Problem {
        var title: String
        var detail: String
        var rule: String?
        var article: String?
        var problems: [String]
        var hasProblems: Bool
    }

    struct Negotiation {
        var user: User
        var id: String
        var title: String
        var level: String
        var employeeSide: String
        var employerSide: String
        var district: String?
        var asOf: String
        var stepTitle: String
        var stepAbout: String
        var deadlines: [StatusDocument.Deadline]
        var hasDeadlines: Bool
        var forms: [Form]
        var others: [Other]
        var hasOthers: Bool
        var timeline: [API.TimelineEntry]
        var done: String?
        var problem: Problem?
        /// ``ChainBreak/warning(for:)`` when the history shown does not match its hash chain.
        var brokenChain: String?
    }

    struct ReviewRow {
        var id: String
        var title: String
        var due: String
        var daysLeft: Int
        var overdue: Bool
    }

    struct Review {
        var user: User
        var asOf: String
        var rows: [ReviewRow]
        var hasRows: Bool
    }

    struct ProblemPage {
        var user: User?
        var title: String
        var detail: String
        /// Each problem of a refused file or form, one line each.
        var problems: [String] = []
        var hasProblems = false
    }
}
