import Bargaining
import BargainingService
import BargainingStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The city server: the JSON API, the pages, OAI-PMH harvesting and `/healthz` over one store, with every party
/// acting from its own seat. `bargain serve` runs it; the tests run it on a free port.
public struct CityServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var limits: ServerLimits
        /// Set the `Secure` flag on the session cookie (the server is behind TLS).
        public var secureCookies: Bool
        /// Today's date, for acts without a date and for statuses (injected for tests).
        public var today: @Sendable () -> Day
        /// OAI-PMH harvesting at `/oai`; nil serves none (no export schemas were found).
        public var oai: OAIConfiguration?
        /// Where the server keeps files of its own: uploads waiting for their confirm.
        public var dataDirectory: String

        public init(host: String = "127.0.0.1", port: Int = 8080, limits: ServerLimits = ServerLimits(), secureCookies: Bool = false,
                    today: @escaping @Sendable () -> Day, oai: OAIConfiguration? = nil, dataDirectory: String? = nil) {
            self.host = host
            self.port = port
            self.limits = limits
            self.secureCookies = secureCookies
            self.today = today
            self.oai = oai
            self.dataDirectory = dataDirectory ?? Self.temporaryDirectory()
        }

        /// A directory of this process's own under the system's temporary directory.
        static func temporaryDirectory() -> String {
            (NSTemporaryDirectory() as NSString).appendingPathComponent("bargain-server-\(UUID().uuidString)")
        }
    }

    public let seated: SeatedNegotiations
    public let coverage: SeatedCoverage
    public let configuration: Configuration
    /// For `/healthz`: reads the store's schema, so a dead database is reported as 503.
    let store: any EventStore
    let version: String

    public init(store: any CoverageStore & AccountStore, workflows: WorkflowCatalog, accounts: AccountService,
                configuration: Configuration, version: String) {
        var service = LocalNegotiationService(store: store, workflows: workflows)
        // A negotiation read for the seat check is not read again for the act, nor on the next request.
        service.memory = NegotiationMemory()
        seated = SeatedNegotiations(service: service, accounts: accounts)
        coverage = SeatedCoverage(sources: CoverageSources(store: store, workflows: workflows), workflows: workflows)
        self.configuration = configuration
        self.store = store
        self.version = version
    }

    /// The routes and middleware, for ``application(logger:onServerRunning:)`` and the tests.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.addMiddleware {
            ResponseHeadersMiddleware()
            ProblemMiddleware()
            BodyLimitMiddleware(limits: configuration.limits)
            AuthenticationMiddleware(accounts: seated.accounts)
        }
        router.get("healthz") { _, _ in try await health() }
        router.get("openapi.json") { _, _ in OpenAPIDocument.response }
        APIRoutes(seated: seated, today: configuration.today).add(to: router)
        CoverageAPI(coverage: coverage, today: configuration.today).add(to: router)
        let pages = Pages(seated: seated, today: configuration.today, secureCookies: configuration.secureCookies)
        pages.add(to: router)
        DistrictPages(pages: pages, coverage: coverage).add(to: router)
        let shelf = UploadShelf(directory: (configuration.dataDirectory as NSString).appendingPathComponent("uploads"))
        UploadPages(pages: pages, store: coverage.sources.store, shelf: shelf, maximumBytes: configuration.limits.uploadBytes).add(to: router)
        LetterPages(pages: pages, coverage: coverage, shelf: shelf).add(to: router)
        if let oai = configuration.oai { OAIRoutes(store: store, workflows: seated.service.workflows, configuration: oai, today: configuration.today).add(to: router) }
        return router
    }

    /// The server as a service: graceful shutdown on SIGTERM and SIGINT (requests in flight
    /// finish, new connections are refused), request and idle time limits.
    public func application(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        Application(
            responder: DeadlineResponder(inner: router().buildResponder(), seconds: configuration.limits.requestSeconds),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.limits.idleSeconds)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "bargain"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    func health() async throws -> JSONBody<API.Health> {
        do {
            _ = try await store.list(NegotiationQuery(level: .enterprise, step: "-"))
        } catch {
            throw Problem(.serviceUnavailable, "store-unavailable", title: "存储不可用 (store unavailable)", detail: "\(error)")
        }
        return JSONBody(API.Health(status: "ok", version: version))
    }
}
