import ArgumentParser
import Foundation
import Bargaining
import BargainingService
import BargainingStore

/// `--store PATH|postgres://…`, shared by every command that reads or records negotiations.
/// Without it: `$BARGAIN_STORE`, else the per-user SQLite file. The store is always closed, also
/// when the command fails, so a PostgreSQL connection never outlives the command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "Where negotiations are kept: a SQLite file, or postgres://user@host:port/db for a shared server.",
            discussion: "Without it: $BARGAIN_STORE, else $XDG_DATA_HOME/bargain/bargain.sqlite (~/.local/share/bargain/bargain.sqlite). A file path must be in an existing directory.",
            valueName: "path-or-url"),
        completion: .file(extensions: ["sqlite"]))
    var store: String?

    @Option(
        name: .customLong("server"),
        help: ArgumentHelp(
            "Act through the city server at URL under your own seat (status, next, do, list, log).",
            discussion: "Or $BARGAIN_SERVER. Sign in first with `bargain login URL`; the token is read from ~/.config/bargain/server.json.",
            valueName: "url"))
    var server: String?

    static let help = "--store PATH|postgres://user@host:port/db, else $BARGAIN_STORE, else ~/.local/share/bargain/bargain.sqlite"

    func location() throws(StoreError) -> StoreLocation { try StoreLocation(store) }

    /// Opens the store, runs `body` with it, and closes it whatever happens. Commands that work
    /// on the store itself refuse `--server`; those that only read pass `creating: false`, so a
    /// mistyped store is reported instead of created empty.
    func withStore<T>(creating: Bool = true, _ body: (any EventStore) async throws -> T) async throws -> T {
        if let server {
            throw CommandFailure("--server \(server): this command works on a store (--store); status, next, do, list and log act through a server",
                                 exitCode: ExitCodes.usage)
        }
        return try await withOpenStore(try location(), creating: creating, body)
    }

    /// The application service the negotiation commands use, deciding with the engine each
    /// negotiation is pinned to: the city server's API under the signed-in seat when `--server`
    /// or `$BARGAIN_SERVER` is given, else the store on this machine. The workflows directory is
    /// found first (a missing one is reported before the store is touched). Commands that only
    /// read pass `creating: false`, as for ``withStore(creating:_:)``.
    func withService<T>(_ workflows: WorkflowsOptions, creating: Bool = true, _ body: (any NegotiationService) async throws -> T) async throws -> T {
        let catalog = WorkflowCatalog(path: try workflows.path())
        if let url = serverURL {
            return try await RemoteSession.with(url: url, workflows: catalog, body)
        }
        return try await withStore(creating: creating) { store in try await body(LocalNegotiationService(store: store, workflows: catalog)) }
    }

    /// The city server the negotiation commands act through: `--server`, else `$BARGAIN_SERVER`.
    var serverURL: String? {
        server ?? ProcessInfo.processInfo.environment["BARGAIN_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// ``withService(_:_:)`` on this machine's store only (opening a negotiation).
    func withLocalService<T>(_ workflows: WorkflowsOptions, _ body: (LocalNegotiationService) async throws -> T) async throws -> T {
        let catalog = WorkflowCatalog(path: try workflows.path())
        return try await withStore { store in try await body(LocalNegotiationService(store: store, workflows: catalog)) }
    }
}

/// `--as-of DATE` on the commands that read where negotiations stand.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("The date to look from, YYYY-MM-DD (default: today). Deadlines count their days from it.", valueName: "date"),
            transform: ActOptions.day)
    var asOf: Day?

    var day: Day { asOf ?? Day.today() }
}

extension Level: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
