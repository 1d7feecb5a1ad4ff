import PostgresNIO

extension PostgresEventStore {
    /// Connects and prepares the schema. The first connection is made directly, under
    /// `timeout`, so an unreachable server, wrong credentials or a missing database fail at once
    /// with a reason, instead of leaving the command waiting on a pool that keeps retrying.
    /// Checking (or creating) the tables is bounded too, and fails within a second of the
    /// connection closing under it (a backend terminated just after it authenticated).
    /// With `creating` false, a database without bargain's tables is refused, not set up.
    public static func open(_ endpoint: PostgresEndpoint, timeout: Duration = .seconds(5), creating: Bool = true) async throws(StoreError) -> PostgresEventStore {
        let limits = Deadline.Limits(timeout: timeout)
        do {
            let configuration = try connectionConfiguration(endpoint, limits: limits)
            let server = "PostgreSQL at \(endpoint.host):\(endpoint.port)"
            let connection = try await Deadline.run(timeout, or: { _ in
                StoreError.unavailable(reason: "\(server) did not answer within \(timeout.components.seconds) s",
                                       hint: "check that the server is running and reachable, and the host and port in the store URL")
            }, orphaned: { connection in await PostgresEventStore.close(connection) }) {
                try await PostgresConnection.connect(configuration: configuration, id: 0, logger: silentLogger)
            }
            do {
                // Longer: a first open may wait for another process creating the same schema.
                try await Deadline.run(limits.transaction, watching: connection, or: { closed in
                    closed ? StoreError.unavailable(reason: "the connection to \(server) closed while bargain was checking its tables",
                                                    hint: "check the server (was the session terminated?) and try again; nothing was recorded")
                        : StoreError.unavailable(reason: "\(server) did not finish checking bargain's tables within \(limits.transaction.components.seconds) s",
                                                 hint: "another bargain may be creating them, or the server is overloaded; try again")
                }) {
                    try await PostgresSchema.prepare(connection, endpoint: endpoint, creating: creating, logger: silentLogger)
                }
            } catch {
                await close(connection)
                throw error
            }
            await close(connection)
        } catch {
            throw StoreError(postgres: error, endpoint: endpoint)
        }
        var configuration = PostgresClient.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.user,
                                                         password: endpoint.password, database: endpoint.database,
                                                         tls: clientTLS(endpoint))
        configuration.options.connectTimeout = timeout
        configuration.options.additionalStartupParameters = startupParameters(endpoint, limits: limits)
        return PostgresEventStore(endpoint: endpoint, client: PostgresClient(configuration: configuration), limits: limits)
    }

    /// Closes a connection, waiting a second at most: a close that gets no answer from a server
    /// that went away must not keep the command from ending.
    static func close(_ connection: PostgresConnection) async {
        _ = try? await Deadline.run(.seconds(1), or: { _ in CancellationError() }) { try await connection.close() }
    }

    static func connectionConfiguration(_ endpoint: PostgresEndpoint, limits: Deadline.Limits) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch (endpoint.tls, tlsConfiguration(endpoint)) {
        case (.disable, _), (_, nil): tls = .disable
        case (.prefer, let configuration?): tls = .prefer(try NIOSSLContext(configuration: configuration))
        case (_, let configuration?): tls = .require(try NIOSSLContext(configuration: configuration))
        }
        var configuration = PostgresConnection.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.user,
                                                             password: endpoint.password, database: endpoint.database, tls: tls)
        configuration.options.connectTimeout = .seconds(max(1, limits.connect.components.seconds))
        configuration.options.additionalStartupParameters = startupParameters(endpoint, limits: limits)
        return configuration
    }

    static func clientTLS(_ endpoint: PostgresEndpoint) -> PostgresClient.Configuration.TLS {
        switch (endpoint.tls, tlsConfiguration(endpoint)) {
        case (.disable, _), (_, nil): .disable
        case (.prefer, let configuration?): .prefer(configuration)
        case (_, let configuration?): .require(configuration)
        }
    }

    /// libpq's meaning of the modes: `prefer` and `require` encrypt without checking the
    /// certificate (Debian's own server ships a self-signed one); `verify-full` checks the chain
    /// up to the system's roots, or to `sslrootcert`'s CA when one is named, and the host name.
    static func tlsConfiguration(_ endpoint: PostgresEndpoint) -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch endpoint.tls {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
            if let root = endpoint.rootCertificate { configuration.trustRoots = .file(root) }
        }
        return configuration
    }

    /// The schema goes in `search_path`, so every statement stays unqualified. The server keeps
    /// its own deadlines too, so a session its client has given up on (a hung or killed writer)
    /// cannot hold a row lock or a statement running for ever: no statement runs longer than a
    /// read may, no transaction sits idle or waits for a lock longer than a write may.
    static func startupParameters(_ endpoint: PostgresEndpoint, limits: Deadline.Limits) -> [(String, String)] {
        [("application_name", "bargain"),
         ("statement_timeout", "\(limits.read.milliseconds)"),
         ("lock_timeout", "\(limits.transaction.milliseconds)"),
         ("idle_in_transaction_session_timeout", "\(limits.transaction.milliseconds)")]
            + (endpoint.schema.map { [("search_path", $0)] } ?? [])
    }
}
