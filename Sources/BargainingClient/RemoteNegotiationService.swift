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
                                    body: try JSONSerialization.data(withJSONObject: body), as: ActResult.self)
        let negotiation = try await self.negotiation(id)
        let opened = try await result.opened.asyncMap { try await self.negotiation($0) }
        return Recorded(negotiation: negotiation, added: result.recorded.count, warnings: result.warnings, explanation: result.explanation,
                        opened: opened)
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
        let events = try await send("/api/v1/negotiations/\(escaped(id))/events", as: EventsResult.self).events
        let stored = events.map { StoredEvent(event: $0.event, recordedAt: $0.recordedAt, hash: $0.hash) }
        guard case .opened(let opening) = stored.first?.event.body else {
            throw StoreError.corrupt(reason: "the server sent a history of \(id) that does not start with its opening")
        }
        let engine = try workflows.engine(for: opening.workflow, level: opening.level)
        let all = stored.map(\.event)
        return NegotiationLog(negotiation: Negotiation(engine: engine, events: all, state: try engine.fold(all)), stored: stored)
    }

    // MARK: - HTTP

    func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=?/+"))) ?? text
    }

    /// One request; a problem document becomes the matching local error.
    func send<T: Decodable>(_ path: String, method: HTTPMethod = .GET, body: Data? = nil, as type: T.Type) async throws -> T {
        var request = HTTPClientRequest(url: connection.url + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(connection.token)")
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await http.execute(request, timeout: .seconds(30))
            bytes = try await response.body.collect(upTo: 64 << 20)
        } catch {
            throw StoreError.unavailable(reason: "the server \(connection.url) cannot be reached (\(error))",
                                         hint: "check the address and the network, or work on a local store with --store")
        }
        let data = Data(bytes.readableBytesView)
        guard (200..<300).contains(Int(response.status.code)) else {
            throw RemoteProblem.error(for: (try? JSONDecoder().decode(RemoteProblem.self, from: data)), status: Int(response.status.code),
                                      server: connection.url)
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw StoreError.incompatible(reason: "the server \(connection.url) answered \(path) in a shape this bargain does not read (\(error)); use the same version on both")
        }
    }

    struct ActResult: Decodable {
        struct Entry: Decodable { var sequence: Int }
        var recorded: [Entry]
        var warnings: [String]
        var explanation: String?
        var opened: String?
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
    }
}

/// The server refused an act for the seat (403): the reason names who takes it.
public struct SeatRefusal: Error, CustomStringConvertible, Sendable {
    public var detail: String
    public var description: String { detail }
}

/// A problem document (RFC 9457) as the server sends it, turned back into the local error.
struct RemoteProblem: Decodable {
    var title: String
    var detail: String
    var rule: String?
    var article: String?

    static func error(for problem: RemoteProblem?, status: Int, server: String) -> any Error {
        let detail = problem?.detail ?? "HTTP \(status)"
        switch status {
        case 401:
            return StoreError.unavailable(reason: "the server \(server) did not accept the token: \(detail)",
                                          hint: "sign in again with `bargain login \(server)`")
        case 403:
            return SeatRefusal(detail: detail)
        case 404:
            return StoreError.notFound(id: detail.components(separatedBy: "id ").last ?? detail)
        case 409:
            return StoreError.conflict(id: "", expected: 0, actual: 0)
        case 422:
            if let name = problem?.rule, let rule = RuleID(rawValue: name) { return RuleViolation(rule, detail) }
            let code = problem?.rule.flatMap(RuleViolation.Code.init(rawValue:)) ?? .fields
            return RuleViolation(code, article: problem?.article, detail)
        case 500...:
            return StoreError.unavailable(reason: "the server \(server) failed: \(detail)", hint: "try again later; its log has the request id")
        default:
            return SeatRefusal(detail: detail)
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
