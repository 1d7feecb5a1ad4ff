import ArgumentParser
import Bargaining
import BargainingKeys
import BargainingServer
import BargainingService
import BargainingStore
import BargainingXML
import Foundation
import Logging

extension Bargain {
    /// `bargain serve`: the city server over the store, until SIGTERM or SIGINT.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the city server: every party acts from its own seat, in the browser or through the API.",
            discussion: """
                Pages at /, the JSON API at /api/v1 (described at /openapi.json), /healthz for \
                monitors. Accounts come from `bargain accounts add` on the same store. Listen on \
                127.0.0.1 and put a TLS-terminating reverse proxy in front (then give \
                --secure-cookies); see the README, "Running it for a district or a city".

                Logs go to standard error, one line per request with its id (also sent as \
                X-Request-Id). SIGTERM or SIGINT stops it gracefully: requests in flight finish.

                /oai is OAI-PMH 2.0 for archives (public; filed contracts and congress records                 only, each exactly as `bargain export` writes it, signed with --sign-key FILE or                 $BARGAIN_SIGN_KEY when given). It needs the export schemas (--schemas DIR,                 $BARGAIN_SCHEMAS or exports/schema; the akn format also the OASIS schema,                 --akn-schema FILE or $BARGAIN_AKN_SCHEMA); without them /oai is not served.
                """)

        @Option(help: ArgumentHelp("Address and port to listen on.", valueName: "host:port"))
        var listen = "127.0.0.1:8080"
        @Flag(help: "Mark the session cookie Secure (the server is reached through HTTPS).")
        var secureCookies = false
        @Option(help: "Largest request body in bytes.") var maxBody = ServerLimits.defaultBodyBytes
        @Option(help: "Largest file uploaded to the district page, in bytes.") var maxUpload = ServerLimits.defaultUploadBytes
        @Option(name: .customLong("data-dir"),
                help: ArgumentHelp("Where the server keeps uploads waiting for their confirm (default: a new directory under the system's temporary directory).",
                                   valueName: "dir"),
                completion: .directory)
        var dataDirectory: String?
        @Option(help: "Seconds a request may take before it is answered 503.") var requestTimeout = 30
        @Option(help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error, critical.", valueName: "level"))
        var logLevel = "info"
        @Option(name: .customLong("sign-key"),
                help: ArgumentHelp("Sign every document /oai serves with this ECDSA P-256 private key (default: $BARGAIN_SIGN_KEY).", valueName: "file"),
                completion: .file(extensions: ["pem"]))
        var signKey: String?
        @Option(help: ArgumentHelp("The address /oai's Identify gives archives (default: $BARGAIN_ADMIN_EMAIL, else archive@bargain.invalid).", valueName: "address"))
        var adminEmail: String?
        @Option(help: ArgumentHelp("Directory holding the export schemas, for /oai.", valueName: "dir"), completion: .directory)
        var schemas: String?
        @Option(name: .customLong("akn-schema"), help: ArgumentHelp("The OASIS akomantoso30.xsd, for /oai's akn format.", valueName: "file"),
                completion: .file(extensions: ["xsd"]))
        var aknSchema: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var workflows: WorkflowsOptions

        func run() async throws {
            try await reportingFailures {
                guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
                    throw CommandFailure("--listen '\(listen)': write HOST:PORT, e.g. 127.0.0.1:8080", exitCode: ExitCodes.usage)
                }
                guard let level = Logger.Level(rawValue: logLevel) else {
                    throw CommandFailure("--log-level '\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical", exitCode: ExitCodes.usage)
                }
                let host = String(listen[..<colon])
                let catalog = WorkflowCatalog(path: try workflows.path())
                var logger = Logger(label: "bargain.server")
                logger.logLevel = level
                try await store.withStore { store in
                    guard let accountStore = store as? any CoverageStore & AccountStore else {
                        throw CommandFailure("this store keeps no accounts", exitCode: ExitCodes.usage)
                    }
                    let server = CityServer(
                        store: accountStore, workflows: catalog, accounts: AccountService(store: accountStore),
                        configuration: .init(host: host, port: port, limits: ServerLimits(bodyBytes: maxBody, uploadBytes: maxUpload, requestSeconds: requestTimeout),
                                             secureCookies: secureCookies, today: { Day.today() }, oai: try oai(logger), dataDirectory: dataDirectory),
                        version: Producer.version)
                    let serverLogger = logger
                    let app = server.application(logger: logger) { port in
                        serverLogger.notice("bargain serve: listening on http://\(host):\(port)")
                    }
                    try await app.runService()
                }
            }
        }

        /// /oai's configuration, or nil (logged) when the export schemas are nowhere to be found.
        private func oai(_ logger: Logger) throws -> OAIConfiguration? {
            let environment = ProcessInfo.processInfo.environment
            let located = ExportSchemas.locate()
            guard let directory = schemas ?? located.directory else {
                logger.warning("bargain serve: no export schemas (give --schemas DIR or set BARGAIN_SCHEMAS); /oai is not served")
                return nil
            }
            let signer = try (signKey ?? environment["BARGAIN_SIGN_KEY"]).map(KeyFiles.signingKey)
            let email = adminEmail ?? environment["BARGAIN_ADMIN_EMAIL"] ?? "archive@bargain.invalid"
            // OAI-PMH's emailType: \S+@(\S+\.)+\S+.
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !email.contains(where: \.isWhitespace),
                  let dot = parts[1].lastIndex(of: "."), dot != parts[1].startIndex, parts[1].index(after: dot) != parts[1].endIndex else {
                throw CommandFailure("--admin-email '\(email)' is not an e-mail address (name@host.domain)", exitCode: ExitCodes.usage)
            }
            return OAIConfiguration(schemaDirectory: directory, aknSchema: aknSchema ?? located.aknSchema, signer: signer, adminEmail: email)
        }
    }
}
