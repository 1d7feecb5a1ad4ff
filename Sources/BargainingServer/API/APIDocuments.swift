import Bargaining
import BargainingService
import BargainingStore

/// The JSON the API takes and returns, besides ``StatusDocument`` (shared with `bargain status
/// --json`) and ``ProblemDocument``. Described in ``OpenAPIDocument``; change both together.
enum API {
    /// `GET /api/v1/me`.
    struct Me: Codable {
        var account: String
        var seat: String
        var seatName: String
        /// The role recorded for this seat's acts; absent for seats that only read.
        var role: String?
    }

    /// `GET /api/v1/negotiations`: the negotiations in the seat's scope as `bargain list` reads
    /// them from a store (their summaries), so the CLI against a server prints the same list.
    struct List: Codable {
        var asOf: String
        var negotiations: [NegotiationSummary]
    }

    /// `GET /api/v1/negotiations/{id}/events`: the history as stored, each event with when it was
    /// recorded and its hash in the chain, for `bargain log` and `status` against a server (the
    /// client folds it with its own copy of the pinned workflow).
    struct Events: Codable {
        struct Stored: Codable {
            var event: Event
            var recordedAt: String
            var hash: String
        }

        var id: String
        var events: [Stored]
        /// Present when the chain does not match the rows: the first bad event and why.
        var brokenChain: ChainBreak?
    }

    /// One act possible now (`GET /api/v1/negotiations/{id}/actions`), with its fields as the
    /// workflow defines them and whether the caller's seat may take it.
    struct ActionItem: Codable {
        struct Field: Codable {
            var name: String
            var type: String
            var required: Bool
            var help: String
            var hint: String
        }

        var action: String
        var title: String
        var article: String
        var roles: [String]
        var waitingFor: [String]
        var mine: Bool
        var refusal: String?
        var fields: [Field]

        init(_ item: SeatAction) {
            action = item.allowed.kind.rawValue
            title = item.allowed.kind.title
            article = item.article
            roles = item.allowed.roles.map(\.rawValue)
            waitingFor = item.allowed.waitingFor.map(\.rawValue)
            mine = item.mine
            refusal = item.refusal
            fields = item.allowed.kind.fields.map {
                Field(name: $0.name, type: "\($0.type)", required: $0.required, help: $0.help, hint: $0.type.hint)
            }
        }
    }

    struct Actions: Codable {
        var id: String
        var asOf: String
        var actions: [ActionItem]
    }

    /// `POST /api/v1/negotiations/{id}/acts`. Unknown members are refused, so a misspelt field
    /// name is not silently dropped.
    struct ActRequest: Codable {
        var action: String
        /// The day the act was taken, YYYY-MM-DD; today when absent. Not after today.
        var on: String?
        /// Field values as a person types them (`--set` spellings): "2540.50", "5%", "是".
        var fields: [String: String]?
        /// The client's idempotency key: the same act sent again with it is recorded once.
        var requestId: String?

        static let members: Set<String> = ["action", "on", "fields", "requestId"]
    }

    struct ActResult: Codable {
        var recorded: [TimelineEntry]
        var warnings: [String]
        var explanation: String?
        /// The id of the negotiation the act opened beside this one (a renewal).
        var opened: String?
        /// The request id was already recorded: this is its first outcome again, nothing new.
        var replayed: Bool
        var status: StatusDocument
    }

    /// One event of `GET /api/v1/negotiations/{id}/timeline`.
    struct TimelineEntry: Codable {
        var sequence: Int
        var on: String
        var role: String
        var roleName: String
        var actor: String
        var kind: String
        var action: String?
        var title: String
        /// The act's fields as written (`name: value`), in the order the action lists them.
        var fields: [String]
        var notes: [String]

        init(_ event: Event, workflow: Workflow) {
            sequence = event.sequence
            on = event.on.description
            role = event.actor.role.rawValue
            roleName = event.actor.role.chineseName
            actor = event.actor.name
            notes = event.notes + (event.late ?? []).map(\.description)
            let order = event.action?.fields.map(\.name) ?? []
            let names = order.filter { event.fields[$0] != nil } + event.fields.sortedNames.filter { !order.contains($0) }
            fields = names.map { "\($0): \(event.fields[$0]!)" }
            switch event.body {
            case .opened(let opening):
                kind = "opened"
                title = "开启协商 (negotiation opened): \(opening.title)"
            case .acted(let kind, _, _):
                self.kind = "acted"
                action = kind.rawValue
                title = kind.title
            case .lapsed(let name, _):
                kind = "lapsed"
                title = "\(workflow.deadlines[name]?.title ?? name) — 期限已过 (passed)"
            }
        }
    }

    struct Timeline: Codable {
        var id: String
        var events: [TimelineEntry]
    }

    /// `POST /api/v1/tokens`.
    struct TokenRequest: Codable {
        var name: String
        var password: String
        static let members: Set<String> = ["name", "password"]
    }

    struct Token: Codable {
        var token: String
        var account: String
        var seat: String
        /// Seconds.
        var expiresIn: Int
    }

    struct Health: Codable {
        var status: String
        var version: String
    }

    struct AuditLine: Codable {
        var at: Int
        var account: String
        var event: String
        var detail: String
        var remote: String?
    }
}
