import Foundation

/// A PostgreSQL server and database, as written in a store URL:
/// `postgres://user:password@host:port/database?schema=NAME&sslmode=MODE`.
///
/// `schema` keeps bargain's tables in their own schema of a shared database (and gives each test
/// its own); `sslmode` follows libpq: `disable`, `prefer`, `require` (encrypted, certificate not
/// checked) or `verify-full` (encrypted, certificate and host checked). Unlike libpq, the default
/// is `verify-full` for every host but this machine's own (`localhost`, `127.0.0.0/8`, `::1`,
/// where it is `prefer`): a city's store is reached over a network, and an unchecked certificate
/// lets anyone in between read the passwords and rewrite what is recorded. `sslrootcert=PATH`
/// (or `PGSSLROOTCERT`) names the CA that signed the server's certificate, when it is not one
/// the system trusts; `PGSSLMODE` sets the mode when the URL does not.
///
/// The password should not be in the URL, where a process list and a shell history show it: it
/// comes from `PGPASSWORD`, else from the password file libpq uses (`PGPASSFILE`, default
/// `~/.pgpass`; see ``PostgresPasswordFile``).
public struct PostgresEndpoint: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require, verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var schema: String?
    public var tls: TLSMode
    /// The CA certificate (PEM) `verify-full` checks the server's certificate against; nil for
    /// the system's trusted roots.
    public var rootCertificate: String?

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String, schema: String? = nil,
                tls: TLSMode = .prefer, rootCertificate: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
        self.rootCertificate = rootCertificate
    }

    /// The mode when neither the URL nor `PGSSLMODE` gives one: checked TLS off this machine.
    public static func defaultTLS(host: String) -> TLSMode {
        isLoopback(host) ? .prefer : .verifyFull
    }

    /// This machine's own addresses, where nobody sits between the tool and the server.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return bare.lowercased() == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// Whether a `--store` value names a PostgreSQL server rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a `postgres://` or `postgresql://` URL.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) {
        let usage = "write it as postgres://user:password@host:port/database"
        guard Self.isURL(text), let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw .unavailable(reason: "cannot read the PostgreSQL URL (no host)", hint: usage)
        }
        guard let user = url.user, !user.isEmpty else {
            throw .unavailable(reason: "the PostgreSQL URL names no user", hint: usage)
        }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw .unavailable(reason: "the PostgreSQL URL names no database", hint: usage)
        }
        var schema: String?
        var tls: TLSMode?
        var rootCertificate = environment["PGSSLROOTCERT"].flatMap { $0.isEmpty ? nil : $0 }
        let options = "options are schema=NAME (lowercase letters, digits, _), sslmode=\(TLSMode.allCases.map(\.rawValue).joined(separator: "|")) and sslrootcert=PATH"
        for item in url.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("schema", let value?) where PostgresEndpoint.isPlainIdentifier(value):
                schema = value
            case ("sslmode", let value?) where TLSMode(rawValue: value) != nil:
                tls = TLSMode(rawValue: value)!
            case ("sslrootcert", let value?) where !value.isEmpty:
                rootCertificate = value
            default:
                throw .unavailable(reason: "the PostgreSQL URL has an unknown or invalid option '\(item.name)=\(item.value ?? "")'", hint: options)
            }
        }
        if tls == nil, let mode = environment["PGSSLMODE"], !mode.isEmpty {
            guard let chosen = TLSMode(rawValue: mode) else {
                throw .unavailable(reason: "PGSSLMODE='\(mode)' is not a TLS mode bargain knows", hint: options)
            }
            tls = chosen
        }
        let name = user.removingPercentEncoding ?? user, base = database.removingPercentEncoding ?? database, port = url.port ?? 5432
        let password = url.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
            ?? PostgresPasswordFile(environment: environment)?.password(host: host, port: port, database: base, user: name)
        self.init(host: host, port: port, user: name, password: password, database: base, schema: schema,
                  tls: tls ?? Self.defaultTLS(host: host), rootCertificate: rootCertificate)
    }

    /// Schema names are put into DDL, so only names that need no quoting are accepted.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, (first == "_" || ("a"..."z").contains(first)), name.utf8.count <= 63 else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The URL without its password, for messages.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }
}
