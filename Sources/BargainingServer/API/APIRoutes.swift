import Bargaining
import BargainingService
import BargainingStore
import Foundation
import Hummingbird

/// `/api/v1/…`: the JSON API for scripts and for `bargain --server`. Every route needs a bearer
/// token (or a session cookie) and answers errors as problem documents.
struct APIRoutes {
    let seated: SeatedNegotiations
    let today: @Sendable () -> Day

    func add(to router: Router<ServerContext>) {
        let api = router.group("api/v1")
        api.get("me") { _, context in try me(context) }
        api.get("negotiations") { request, context in try await list(request, context) }
        api.get("negotiations/:id") { request, context in try await status(request, context) }
        api.get("negotiations/:id/actions") { request, context in try await actions(request, context) }
        api.get("negotiations/:id/timeline") { request, context in try await timeline(request, context) }
        api.get("negotiations/:id/events") { request, context in try await events(request, context) }
        api.post("negotiations/:id/acts") { request, context in try await act(request, context) }
        api.get("audit") { request, context in try await audit(request, context) }
        api.post("tokens") { request, context in try await token(request, context) }
    }

    func me(_ context: ServerContext) throws -> JSONBody<API.Me> {
        let identity = try context.requireIdentity()
        return JSONBody(API.Me(account: identity.name, seat: identity.seat.description, seatName: identity.seat.chineseDescription,
                               role: identity.seat.role?.rawValue))
    }

    func list(_ request: Request, _ context: ServerContext) async throws -> JSONBody<API.List> {
        let identity = try context.requireIdentity()
        let query = request.uri.queryParameters
        let day = try asOf(request)
        var filter = NegotiationQuery()
        if let level = query.get("level") {
            guard let parsed = Level(rawValue: level) else {
                throw Problem.badRequest("level '\(level)' is not one of \(Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.level = parsed
        }
        filter.step = query.get("step")
        filter.district = query.get("district")
        if let overdue = query.get("overdue") {
            guard let flag = ["1": true, "true": true, "yes": true, "0": false, "false": false, "no": false][overdue] else {
                throw Problem.badRequest("overdue '\(overdue)' is not one of true, false, 1, 0, yes, no")
            }
            if flag { filter.overdueAsOf = day }
        }
        let summaries = try await seated.list(filter, asOf: day, for: identity)
        return JSONBody(API.List(asOf: day.description, negotiations: summaries))
    }

    func status(_ request: Request, _ context: ServerContext) async throws -> JSONBody<StatusDocument> {
        let identity = try context.requireIdentity()
        let id = try context.parameters.require("id")
        let day = try asOf(request)
        let negotiation = try await seated.negotiation(id, for: identity)
        var document = StatusDocument(try negotiation.status(asOf: day), lastRecorded: negotiation.lastRecorded(asOf: day))
        document.brokenChain = try await seated.service.brokenChain(id)
        return JSONBody(document)
    }

    func actions(_ request: Request, _ context: ServerContext) async throws -> JSONBody<API.Actions> {
        let identity = try context.requireIdentity()
        let id = try context.parameters.require("id")
        let day = try asOf(request)
        let negotiation = try await seated.negotiation(id, for: identity)
        let items = try seated.actions(of: negotiation, asOf: day, for: identity).map(API.ActionItem.init)
        return JSONBody(API.Actions(id: id, asOf: day.description, actions: items))
    }

    func timeline(_ request: Request, _ context: ServerContext) async throws -> JSONBody<API.Timeline> {
        let identity = try context.requireIdentity()
        let id = try context.parameters.require("id")
        let negotiation = try await seated.negotiation(id, for: identity)
        let workflow = negotiation.engine.workflow
        return JSONBody(API.Timeline(id: id, events: negotiation.events.map { API.TimelineEntry($0, workflow: workflow) }))
    }

    func events(_ request: Request, _ context: ServerContext) async throws -> JSONBody<API.Events> {
        let identity = try context.requireIdentity()
        let id = try context.parameters.require("id")
        _ = try await seated.negotiation(id, for: identity)
        let log = try await seated.service.log(id)
        return JSONBody(API.Events(id: id, events: log.stored.map { API.Events.Stored(event: $0.event, recordedAt: $0.recordedAt, hash: $0.hash) },
                                    brokenChain: log.brokenChain))
    }

    func act(_ request: Request, _ context: ServerContext) async throws -> JSONBody<API.ActResult> {
        let identity = try context.requireIdentity()
        let id = try context.parameters.require("id")
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let act = try Self.decodeStrictly(API.ActRequest.self, from: body, members: API.ActRequest.members)
        let day = try Self.actDay(act.on, today: today())
        let fields = (act.fields ?? [:]).sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) }
        let recorded = try await seated.act(act.action, fields: fields, on: id, day: day, requestID: act.requestId, for: identity,
                                            remote: context.remote)
        let negotiation = recorded.negotiation
        let workflow = negotiation.engine.workflow
        let status = try negotiation.status(asOf: max(day, negotiation.state.lastDay))
        return JSONBody(API.ActResult(recorded: recorded.events.map { API.TimelineEntry($0, workflow: workflow) }, warnings: recorded.warnings,
                                      explanation: recorded.explanation, opened: recorded.opened?.id, replayed: recorded.replayed,
                                      status: StatusDocument(status, lastRecorded: negotiation.state.lastDay)), status: .created)
    }

    /// `bargain login URL --name NAME`: a password for an API token (30 days), under the same
    /// throttle and audit as the login page.
    func token(_ request: Request, _ context: ServerContext) async throws -> JSONBody<API.Token> {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let asked = try Self.decodeStrictly(API.TokenRequest.self, from: body, members: API.TokenRequest.members)
        let seconds = 30 * 86_400
        let (secret, account) = try await seated.accounts.login(name: asked.name, password: asked.password, remote: context.remote, kind: .api,
                                                                 seconds: seconds)
        return JSONBody(API.Token(token: secret, account: account.name, seat: account.seat.description, expiresIn: seconds), status: .created)
    }

    func audit(_ request: Request, _ context: ServerContext) async throws -> JSONBody<[API.AuditLine]> {
        let identity = try context.requireIdentity()
        guard identity.seat == .administrator else { throw Problem.forbidden("only the administrator reads the audit log") }
        var limit = 200
        if let text = request.uri.queryParameters.get("limit") {
            guard let number = Int(text), (1...10_000).contains(number) else { throw Problem.badRequest("limit '\(text)' is not a whole number from 1 to 10000") }
            limit = number
        }
        let entries = try await seated.accounts.store.auditLog(limit: limit)
        return JSONBody(entries.map { API.AuditLine(at: $0.at, account: $0.account, event: $0.event, detail: $0.detail, remote: $0.remote) })
    }

    // MARK: - Reading the request

    /// `?asOf=YYYY-MM-DD`, today when absent.
    func asOf(_ request: Request) throws -> Day {
        try Self.day(request, "asOf") ?? today()
    }

    /// `?NAME=YYYY-MM-DD`, nil when absent; a 400 naming the parameter when it is not a date.
    static func day(_ request: Request, _ name: String) throws -> Day? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let day = Day(text) else { throw Problem.badRequest("\(name) '\(text)' is not a date YYYY-MM-DD") }
        return day
    }

    /// The day an act was taken: today when not given; a day after today is refused (an act
    /// cannot be recorded before it happens).
    static func actDay(_ text: String?, today now: Day) throws -> Day {
        guard let text else { return now }
        guard let day = Day(text) else { throw Problem.badRequest("on '\(text)' is not a date YYYY-MM-DD") }
        guard day <= now else { throw Problem.badRequest("on \(day) is after today (\(now)); an act is recorded once it has happened") }
        return day
    }

    /// JSON with no members beyond `members` at the top level: a misspelt member is an error,
    /// not silently ignored.
    static func decodeStrictly<T: Decodable>(_ type: T.Type, from body: ByteBuffer, members: Set<String>) throws -> T {
        let data = Data(body.readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Problem.badRequest("the body must be one JSON object")
        }
        let unknown = Set(object.keys).subtracting(members).sorted()
        guard unknown.isEmpty else {
            throw Problem.badRequest("unknown member\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); this endpoint takes \(members.sorted().joined(separator: ", "))")
        }
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// A Codable value answered as JSON with a status (Hummingbird's own encoding sets no charset
/// and no status other than 200).
struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator {
    var value: Value
    var status: HTTPResponse.Status = .ok

    init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
