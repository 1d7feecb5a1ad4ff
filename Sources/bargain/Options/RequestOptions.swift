import ArgumentParser
import BargainingStore
import Foundation

/// `--request-id KEY` on the commands that record: the request's idempotency key. Without it a
/// fresh key is made for each run. When the store's answer is lost (exit 3, outcome unknown),
/// the key is printed, and running the same command again with it records the act at most once.
struct RequestOptions: ParsableArguments {
    @Option(name: .customLong("request-id"),
            help: ArgumentHelp("The request's idempotency key (default: a new one). Repeating a command with the same key records it at most once.",
                               valueName: "key"))
    var requestID: String?

    func validate() throws {
        if let requestID, !RecordedRequest.isValid(requestID) {
            throw ValidationError("--request-id '\(requestID)': use 1 to 128 printable ASCII characters, no spaces")
        }
    }

    /// The key to record under: the one given, else a new one.
    func key() -> String { requestID ?? "cli-" + UUID().uuidString.lowercased() }

    /// Runs `body` with the key; an unknown outcome is reported with the command to find out.
    func recording<T>(_ body: (String) async throws -> T) async throws -> T {
        let key = key()
        do {
            return try await body(key)
        } catch StoreError.outcomeUnknown(let reason) {
            throw CommandFailure("outcome unknown: \(reason), so it may or may not have been recorded. Run the same command again with --request-id \(key): it is recorded at most once, and if it already was, that is what you will see",
                                 exitCode: ExitCodes.outcomeUnknown)
        }
    }
}
