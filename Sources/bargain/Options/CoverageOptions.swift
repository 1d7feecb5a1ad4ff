import ArgumentParser
import Bargaining
import BargainingFiles
import BargainingCoverage
import BargainingStore
import Foundation

/// `--policy FILE` on the coverage commands: the targets, the renewal grace, the reminder
/// window. Without it, the workflows directory's `policy/beijing.yaml`.
struct PolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The policy file: targets, renewal grace, reminder window, escalation ladder (default: policy/beijing.yaml in the workflows directory).",
                               valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var policy: String?

    @OptionGroup var workflows: WorkflowsOptions

    /// The policy, or a data error (65) naming the file and line.
    func load() throws -> Policy { try PolicyLoader.load(contentsOf: try file()) }

    /// The policy file's path: --policy, else the workflows directory's.
    func file() throws -> String {
        try policy ?? (workflows.path() as NSString).appendingPathComponent("policy/beijing.yaml")
    }
}

/// `--as-of DATE`, required: a coverage figure means nothing without its day.
struct CoverageDayOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day D the figures are as of, YYYY-MM-DD.", valueName: "date"),
            transform: ActOptions.day)
    var asOf: Day
}

extension StoreOptions {
    /// Opens the store for the coverage commands, runs `body` with it, and closes it whatever
    /// happens. Both kinds of store keep coverage data. Reports pass `creating: false`; imports
    /// create the store.
    func withCoverageStore<T>(creating: Bool = true, _ body: (any CoverageStore) async throws -> T) async throws -> T {
        try await withStore(creating: creating) { store in
            guard let store = store as? any CoverageStore else {
                throw CommandFailure("internal error: a \(type(of: store)) keeps no coverage data", exitCode: ExitCodes.internalError)
            }
            return try await body(store)
        }
    }
}
