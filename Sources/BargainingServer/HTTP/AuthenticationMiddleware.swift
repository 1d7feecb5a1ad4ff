import Hummingbird

/// Establishes who is asking: the API (`/api/…`) by a bearer token (`bargain accounts token`,
/// `bargain login`), the pages by the session cookie a login sets. A token that is presented but
/// unknown, expired or revoked is a 401 at once; no credentials leave the identity empty, and a
/// route that needs one answers 401 (API) or sends the browser to the login page.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let accounts: AccountService
    static let sessionCookie = "bargain_session"

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path.hasPrefix("/api/") {
            if let header = request.headers[.authorization] {
                guard header.hasPrefix("Bearer "), let identity = try await accounts.identity(secret: String(header.dropFirst(7))),
                      identity.via == .api else {
                    throw Problem.from(AccountError.tokenNotValid)
                }
                context.identity = identity
                // The token's use is written while the request is served, not before it; the
                // answer still waits until the line is stored.
                async let used: Void = accounts.recordUse(of: identity, remote: context.remote)
                let response: Response
                do {
                    response = try await next(request, context)
                } catch {
                    try await used
                    throw error
                }
                try await used
                return response
            }
        } else if let secret = request.cookies[Self.sessionCookie]?.value,
                  let identity = try await accounts.identity(secret: secret), identity.via == .session {
            context.identity = identity
        }
        return try await next(request, context)
    }
}
