import ArgumentParser
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

    static let help = "--store PATH|postgres://user@host:port/db, else $BARGAIN_STORE, else ~/.local/share/bargain/bargain.sqlite"

    func location() throws(StoreError) -> StoreLocation { try StoreLocation(store) }

    /// Opens the store, runs `body` with it, and closes it whatever happens.
    func withStore<T>(_ body: (any EventStore) async throws -> T) async throws -> T {
        try await withOpenStore(try location(), body)
    }

    /// The application service over the store, deciding with the engine each negotiation is
    /// pinned to. The workflows directory is found first (a missing one is reported before the
    /// store is touched); its files are read when a negotiation of their level is.
    func withService<T>(_ workflows: WorkflowsOptions, _ body: (LocalNegotiationService) async throws -> T) async throws -> T {
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
