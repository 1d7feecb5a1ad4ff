import Hummingbird
import NIOCore

/// The request context of the city server: Hummingbird's core storage (logger with the request
/// id, route parameters), the client's address for the audit log, and the identity the
/// authentication middleware established, if any.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    /// The peer's IP address (behind a reverse proxy: the proxy's; see the README).
    public var remote: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remote = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies decoded by Hummingbird (JSON, forms) are read up to this size; larger ones are
    /// answered 413 (``ServerLimits/bodyBytes`` is the same figure, checked first on the header).
    public var maxUploadSize: Int { ServerLimits.defaultBodyBytes }

    /// The signed-in identity, or a 401 problem.
    func requireIdentity() throws -> Identity {
        guard let identity else { throw Problem.unauthenticated }
        return identity
    }
}
