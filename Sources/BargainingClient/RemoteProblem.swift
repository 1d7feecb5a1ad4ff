import Bargaining
import BargainingStore

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
    var expectedVersion: Int?
    var actualVersion: Int?

    /// - Parameters:
    ///   - signedIn: a token was sent; without one a 401 is a wrong name or password.
    ///   - id: the negotiation the request was about, for a conflict.
    static func error(for problem: RemoteProblem?, status: Int, server: String, signedIn: Bool, about id: String?) -> any Error {
        let detail = problem?.detail ?? "HTTP \(status)"
        switch status {
        case 401 where !signedIn:
            return SeatRefusal(detail: detail)
        case 401:
            return StoreError.unavailable(reason: "the server \(server) did not accept the token: \(detail)",
                                          hint: "sign in again with `bargain login \(server)`")
        case 403:
            return SeatRefusal(detail: detail)
        case 404:
            return StoreError.notFound(id: detail.components(separatedBy: "id ").last ?? detail)
        case 409:
            return StoreError.conflict(id: id ?? "", expected: problem?.expectedVersion ?? 0, actual: problem?.actualVersion ?? 0)
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
