import AsyncHTTPClient
import Bargaining
import BargainingService
import BargainingStore
import Foundation
import NIOCore
import NIOHTTP1

/// ``NegotiationService`` through the city server's API, under the seat of the token's account:
/// what `bargain status|next|do|list|log --server URL` use, so the CLI's commands are the same
/// code on a local store and against a server. Histories are read as stored and folded with this
/// machine's copy of the pinned workflow (a changed copy is refused as locally). The actor given
/// to ``act(_:on:by:on:requestID:)`` is not sent: the server records the account at its seat.
///
/// Errors come back as the local ones: a refusal by the law as ``RuleViolation``, a lost race,
/// a missing negotiation or an unreachable server as ``StoreError``, a seat's refusal as
/// ``SeatRefusal``.
public struct RemoteNegotiationService: NegotiationService {
    public let connection: ServerConnection
    public let workflows: WorkflowCatalog
    let http: HTTPClient

    public init(connection: ServerConnection, workflows: WorkflowCatalog, http: HTTPClient) {
        self.connection = connection
        self.workflows = workflows
        self.http = http
    }

    public func open(_ opening: Opening, by actor: Actor, on day: Day, requestID: String?) async throws -> Recorded {
        throw SeatRefusal(detail: "negotiations are opened on the server's pages or on a local store; `bargain open` does not run against a server")
    }

    public func act(_ action: Action, on id: String, by actor: Actor, on day: Day, requestID: String?) async throws -> Recorded {
        var fields: [String: String] = [:]
        for name in action.fields.sortedNames { fields[name] = action.fields[name]!.description }
        var body: [String: Any] = ["action": action.kind.rawValue, "on": day.description, "fields": fields]
        if let requestID { body["requestId"] = requestID }
        let result = try await send("/api/v1/negotiations/\(escaped(id))/acts", method: .POST,
                                    body: try JSONSerialization.data(withJSONObject: body), about: id, as: ActResult.self)
        let negotiation = try await self.negotiation(id)
        let opened = try await result.opened.asyncMap { try await self.negotiation($0) }
        var recorded = Recorded(negotiation: negotiation, added: result.recorded.count, warnings: result.warnings,
                                explanation: result.explanation, opened: opened)
        recorded.replayed = result.replayed ?? false
        return recorded
    }

    public func negotiation(_ id: String) async throws -> Negotiation {
        try await log(id).negotiation
    }

    public func status(_ id: String, asOf day: Day) async throws -> NegotiationStatus {
        try await negotiation(id).status(asOf: day)
    }

    public func list(_ query: NegotiationQuery, asOf day: Day) async throws -> [NegotiationSummary] {
        var parameters = ["asOf=\(day)"]
        if let level = query.level { parameters.append("level=\(level.rawValue)") }
        if let step = query.step { parameters.append("step=\(escaped(step))") }
        if let district = query.district { parameters.append("district=\(escaped(district))") }
        if query.overdueAsOf != nil { parameters.append("overdue=true") }
        var summaries = try await send("/api/v1/negotiations?" + parameters.joined(separator: "&"), as: ListResult.self).negotiations
        if let due = query.dueBy { summaries.removeAll { summary in !summary.deadlines.contains { $0.due <= due } } }
        return summaries
    }

    public func log(_ id: String) async throws -> NegotiationLog {
        let result = try await send("/api/v1/negotiations/\(escaped(id))/events", as: EventsResult.self)
        let events = result.events
        let stored = events.map { StoredEvent(event: $0.event, recordedAt: $0.recordedAt, hash: $0.hash) }
        guard case .opened(let opening) = stored.first?.event.body else {
            throw StoreError.corrupt(reason: "the server sent a history of \(id) that does not start with its opening")
        }
        let engine = try workflows.engine(for: opening.workflow, level: opening.level)
        let all = stored.map(\.event)
        return NegotiationLog(negotiation: Negotiation(engine: engine, events: all, state: try engine.fold(all)), stored: stored,
                              brokenChain: result.brokenChain)
    }

    public func brokenChain(_ id: String) async throws -> ChainBreak? {
        try await log(id).brokenChain
    }

    // MARK: - HTTP

    func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=?/+"))) ?? text
    }

    func send<T: Decodable>(_ path: String, method: HTTPMethod = .GET, body: Data? = nil, about id: String? = nil,
                            as type: T.Type) async throws -> T {
        try await ServerExchange(server: connection.url, token: connection.token, http: http)
            .send(path, method: method, body: body, about: id, as: type)
    }

    struct ActResult: Decodable {
        struct Entry: Decodable { var sequence: Int }
        var recorded: [Entry]
        var warnings: [String]
        var explanation: String?
        var opened: String?
        /// True when the request id was already recorded and this is the first outcome again.
        var replayed: Bool?
    }

    struct ListResult: Decodable {
        var negotiations: [NegotiationSummary]
    }

    struct EventsResult: Decodable {
        struct Stored: Decodable {
            var event: Event
            var recordedAt: String
            var hash: String
        }
        var events: [Stored]
        var brokenChain: ChainBreak?
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
