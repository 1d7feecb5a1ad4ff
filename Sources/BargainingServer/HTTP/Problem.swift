import Bargaining
import BargainingService
import BargainingStore
import Foundation
import Hummingbird

/// An error as the API answers it: an RFC 9457 problem document (`application/problem+json`).
/// A refusal by the law carries its rule and article, so a client can show the same sentence as
/// the CLI. Pages render the same value as HTML.
public struct Problem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var document: ProblemDocument

    public init(_ status: HTTPResponse.Status, _ kind: String, title: String, detail: String, rule: String? = nil,
                article: String? = nil, problems: [String]? = nil) {
        self.status = status
        document = ProblemDocument(type: "urn:bargain:problem:" + kind, title: title, status: status.code, detail: detail, rule: rule,
                                   article: article, problems: problems)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"bargain\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(document))))
    }

    // MARK: - The problems the server raises itself

    static let unauthenticated = Problem(.unauthorized, "unauthenticated", title: "需要登录 (sign-in required)",
                                         detail: "send Authorization: Bearer TOKEN (bargain accounts token NAME), or sign in at /login")

    static func notFound(_ id: String) -> Problem {
        // The same words whether the negotiation does not exist or lies outside the seat's scope.
        Problem(.notFound, "not-found", title: "没有这个协商 (no such negotiation)", detail: "no negotiation with id \(id)")
    }

    static func forbidden(_ reason: String) -> Problem {
        Problem(.forbidden, "seat-refused", title: "此席位不能办理 (not this seat's act)", detail: reason)
    }

    static func badRequest(_ detail: String, problems: [String]? = nil) -> Problem {
        Problem(.badRequest, "bad-request", title: "请求无效 (bad request)", detail: detail, problems: problems)
    }

    /// Any error a handler threw, as the problem to answer with: the law's refusals 422, a lost
    /// race 409 (the CLI's exit 75), a missing negotiation 404, a store that cannot be reached
    /// 503; anything unforeseen 500 without internals.
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let violation as RuleViolation:
            return Problem(.unprocessableContent, "rule-violation", title: "依法不能办理 (refused by the rules)",
                           detail: violation.message, rule: violation.name, article: violation.article)
        case let fields as ActFieldsError:
            return Problem(.unprocessableContent, "fields", title: "填写有误 (fields not valid)", detail: fields.description,
                           problems: fields.problems)
        case let account as AccountError:
            switch account {
            case .wrongCredentials, .tokenNotValid: return Problem(.unauthorized, "unauthenticated", title: "需要登录 (sign-in required)", detail: account.description)
            case .locked: return Problem(.tooManyRequests, "locked", title: "请稍后再试 (try again later)", detail: account.description)
            case .nameTaken: return Problem(.conflict, "account-exists", title: "账户已存在 (account exists)", detail: account.description)
            case .noSuchAccount: return Problem(.notFound, "no-account", title: "没有这个账户 (no such account)", detail: account.description)
            case .invalidName, .weakPassword: return Problem(.unprocessableContent, "account", title: "账户信息有误 (account not valid)", detail: account.description)
            }
        case let store as StoreError:
            switch store {
            case .notFound(let id): return notFound(id)
            case .conflict(_, let expected, let actual):
                var problem = Problem(.conflict, "conflict", title: "他人刚刚办理 (someone else recorded first)",
                                      detail: "\(store.description); read the negotiation again and decide whether your act still applies")
                problem.document.expectedVersion = expected
                problem.document.actualVersion = actual
                return problem
            case .alreadyExists: return Problem(.conflict, "exists", title: "已存在 (already exists)", detail: store.description)
            case .unavailable: return Problem(.serviceUnavailable, "store-unavailable", title: "存储暂不可用 (store unavailable)", detail: store.description)
            case .incompatible, .corrupt, .requestAlreadyRecorded:
                return Problem(.internalServerError, "store", title: "存储出错 (store error)", detail: store.description)
            case .outcomeUnknown:
                return Problem(.serviceUnavailable, "outcome-unknown", title: "结果未知 (outcome unknown)",
                               detail: "\(store.description); send the same request again with the same requestId")
            }
        case let reused as RequestReused:
            return Problem(.unprocessableContent, "request-id-reused", title: "请求编号已用过 (request id already used)", detail: reused.description)
        case let decoding as DecodingError:
            return badRequest("the body is not the JSON this endpoint takes: \(Self.describe(decoding))")
        case let http as HTTPError:
            return Problem(http.status, "http", title: http.status.reasonPhrase, detail: http.body ?? http.status.reasonPhrase)
        default:
            return Problem(.internalServerError, "internal", title: "服务器出错 (server error)",
                           detail: "the server could not complete the request; it is in the server's log")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): '\(key.stringValue)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// The body of a problem answer (RFC 9457 members, plus the rule, article and field problems of
/// a refusal).
public struct ProblemDocument: Codable, Hashable, Sendable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    /// The rule that refused (a RuleID or the engine's own check), for a refusal by the law.
    public var rule: String?
    public var article: String?
    /// Field problems, one sentence each.
    public var problems: [String]?
    /// On a conflict: the version the act was decided on and the one another writer left, so a
    /// client reports the same sentence as the CLI on a local store.
    public var expectedVersion: Int?
    public var actualVersion: Int?
}
