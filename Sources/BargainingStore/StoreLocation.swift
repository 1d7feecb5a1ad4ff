import Foundation

/// Which store a command uses, from `--store VALUE` or `BARGAIN_STORE`: a `postgres://` URL
/// names a server, anything else is a SQLite file, and nothing means the per-user default file.
///
/// ## Topics
/// - ``init(_:environment:)`` resolves an option value (or its absence).
/// - ``openStore(_:)`` opens what it names.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite file; `createsDirectory` only for the default location, so a mistyped
    /// `--store` path is reported instead of silently creating directories.
    case sqlite(path: String, createsDirectory: Bool)
    case postgres(PostgresEndpoint)

    /// `option` is the `--store` value if given; else `BARGAIN_STORE` from `environment`; else
    /// the default SQLite path.
    public init(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) {
        let value = option ?? environment["BARGAIN_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        guard let value else {
            self = .sqlite(path: try SQLiteEventStore.defaultPath(environment: environment), createsDirectory: true)
            return
        }
        if PostgresEndpoint.isURL(value) {
            self = .postgres(try PostgresEndpoint(url: value, environment: environment))
        } else {
            self = .sqlite(path: value, createsDirectory: false)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path, _): path
        case .postgres(let endpoint): endpoint.description
        }
    }
}

/// Opens the store `location` names: the one entry point the CLI needs. With `creating` false
/// (a command that only reads), a store that does not exist yet is an error, not a new one.
public func openStore(_ location: StoreLocation, creating: Bool = true) async throws(StoreError) -> any EventStore {
    switch location {
    case .sqlite(let path, let createsDirectory):
        try SQLiteEventStore(path: path, createDirectory: createsDirectory, creating: creating)
    case .postgres(let endpoint):
        try await PostgresEventStore.open(endpoint, creating: creating)
    }
}
