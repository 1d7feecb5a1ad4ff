import Foundation
import Hummingbird

/// Sets the request id (Hummingbird's, also in every log line of the request) as `X-Request-Id`
/// on the answer, and the headers every answer carries: no sniffing, no framing, no referrer
/// leaving the site, and a content security policy that allows this site's own pages only.
struct ResponseHeadersMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.init("X-Request-Id")!] = context.id
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Every error a handler throws becomes a problem document (RFC 9457) for the API, so no
/// request ends in an empty 500; unforeseen errors are logged with the request id.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error)
            if problem.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return try problem.response(from: request, context: context)
        }
    }
}

/// Refuses a body declared larger than the limit before reading it (413). The body is also
/// read with a bound (``ServerContext/maxUploadSize``), for senders that do not declare it.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let limits: ServerLimits

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let limit = limits.bodyBytes(path: request.uri.path)
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw Problem(.contentTooLarge, "too-large", title: "请求过大 (request too large)",
                          detail: "the body has \(declared) bytes; this server takes at most \(limit)")
        }
        return try await next(request, context)
    }
}
