import Foundation

/// A PostgreSQL server and database, as written in a store URL:
/// `postgres://user:password@host:port/database?schema=NAME&sslmode=MODE`.
///
/// `schema` keeps bargain's tables in their own schema of a shared database (and gives each test
/// its own); `sslmode` follows libpq: `disable`, `prefer` (the default), `require` (encrypted,
/// certificate not checked) or `verify-full` (encrypted, certificate and host checked). The
/// password may also come from `PGPASSWORD`, so it need not appear in a process list.
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

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String, schema: String? = nil, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
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
        var tls = TLSMode.prefer
        for item in url.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("schema", let value?) where PostgresEndpoint.isPlainIdentifier(value):
                schema = value
            case ("sslmode", let value?) where TLSMode(rawValue: value) != nil:
                tls = TLSMode(rawValue: value)!
            default:
                throw .unavailable(reason: "the PostgreSQL URL has an unknown or invalid option '\(item.name)=\(item.value ?? "")'",
                                   hint: "options are schema=NAME (lowercase letters, digits, _) and sslmode=\(TLSMode.allCases.map(\.rawValue).joined(separator: "|"))")
            }
        }
        self.init(host: host, port: url.port ?? 5432, user: user.removingPercentEncoding ?? user,
                  password: url.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"],
                  database: database.removingPercentEncoding ?? database, schema: schema, tls: tls)
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
