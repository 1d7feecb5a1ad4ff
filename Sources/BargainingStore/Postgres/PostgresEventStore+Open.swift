import PostgresNIO

extension PostgresEventStore {
    /// Connects and prepares the schema. The first connection is made directly, under
    /// `timeout`, so an unreachable server, wrong credentials or a missing database fail at once
    /// with a reason, instead of leaving the command waiting on a pool that keeps retrying.
    public static func open(_ endpoint: PostgresEndpoint, timeout: Duration = .seconds(5)) async throws(StoreError) -> PostgresEventStore {
        do {
            let configuration = try connectionConfiguration(endpoint, timeout: timeout)
            let server = "PostgreSQL at \(endpoint.host):\(endpoint.port)"
            let connection = try await withTimeout(timeout, or: .unavailable(
                reason: "\(server) did not answer within \(timeout.components.seconds) s",
                hint: "check that the server is running and reachable, and the host and port in the store URL")) {
                try await PostgresConnection.connect(configuration: configuration, id: 0, logger: silentLogger)
            }
            do {
                // Longer: a first open may wait for another process creating the same schema.
                let preparing = timeout * 6
                try await withTimeout(preparing, or: .unavailable(
                    reason: "\(server) did not finish checking bargain's tables within \(preparing.components.seconds) s",
                    hint: "another bargain may be creating them, or the server is overloaded; try again")) {
                    try await PostgresSchema.prepare(connection, endpoint: endpoint, logger: silentLogger)
                }
            } catch {
                try? await connection.close()
                throw error
            }
            try? await connection.close()
        } catch {
            throw StoreError(postgres: error, endpoint: endpoint)
        }
        var configuration = PostgresClient.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.user,
                                                         password: endpoint.password, database: endpoint.database,
                                                         tls: clientTLS(endpoint))
        configuration.options.connectTimeout = timeout
        configuration.options.additionalStartupParameters = startupParameters(endpoint)
        return PostgresEventStore(endpoint: endpoint, client: PostgresClient(configuration: configuration), timeout: timeout)
    }

    static func connectionConfiguration(_ endpoint: PostgresEndpoint, timeout: Duration) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch (endpoint.tls, tlsConfiguration(endpoint)) {
        case (.disable, _), (_, nil): tls = .disable
        case (.prefer, let configuration?): tls = .prefer(try NIOSSLContext(configuration: configuration))
        case (_, let configuration?): tls = .require(try NIOSSLContext(configuration: configuration))
        }
        var configuration = PostgresConnection.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.user,
                                                             password: endpoint.password, database: endpoint.database, tls: tls)
        configuration.options.connectTimeout = .seconds(max(1, timeout.components.seconds))
        configuration.options.additionalStartupParameters = startupParameters(endpoint)
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
    /// certificate (Debian's own server ships a self-signed one); `verify-full` checks it.
    static func tlsConfiguration(_ endpoint: PostgresEndpoint) -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch endpoint.tls {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyFull: break
        }
        return configuration
    }

    /// The schema goes in `search_path`, so every statement stays unqualified.
    static func startupParameters(_ endpoint: PostgresEndpoint) -> [(String, String)] {
        [("application_name", "bargain")] + (endpoint.schema.map { [("search_path", $0)] } ?? [])
    }

    /// `body`'s result, or `failure` once `limit` has passed: a server that accepts the
    /// connection and then says nothing must not hang the command.
    static func withTimeout<T: Sendable>(_ limit: Duration, or failure: StoreError,
                                         _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw failure
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
