import ArgumentParser
import BargainingClient
import BargainingServer
import Bargaining
import BargainingService
import BargainingStore

/// A command that cannot go on, with the line to print and the documented exit status.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: ExitCode

    init(_ description: String, exitCode: ExitCode) {
        self.description = description
        self.exitCode = exitCode
    }
}

/// Runs a command's body and turns what the library throws into one line on standard error and
/// the exit status from ``ExitCodes``.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw report(error) }
}

func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch { throw report(error) }
}

/// Prints the error and returns the exit status to throw. ArgumentParser's own errors pass
/// through untouched: it prints usage for them and exits with 64.
func report(_ error: any Error) -> any Error {
    switch error {
    case is ExitCode, is CleanExit, is ValidationError:
        return error
    default:
        let (message, exitCode) = explain(error)
        let stderr = Terminal.standardError
        stderr.line(stderr.paint(exitCode == ExitCodes.refused ? "refused:" : "error:", .red) + " " + message)
        return exitCode
    }
}

/// The message and exit status for an error from the library.
func explain(_ error: any Error) -> (String, ExitCode) {
    switch error {
    case let failure as CommandFailure: (failure.description, failure.exitCode)
    // Fields not given are the caller's to fix (64); the engine checks them after the step and
    // the role, so an act at the wrong step hears that first.
    case let violation as RuleViolation: (violation.description, violation.code == .fields ? ExitCodes.usage : ExitCodes.refused)
    case let dataFile as DataFileError: (dataFile.description, ExitCodes.dataError)
    case let cancelled as PromptCancelled: (cancelled.description, ExitCodes.cancelled)
    case let store as StoreError: (store.description, exitCode(for: store))
    case let pinned as PinnedWorkflowError: (pinned.description, ExitCodes.dataError)
    case let account as AccountError: (account.description, account.exitCode)
    case let seat as SeatRefusal: (seat.description, ExitCodes.refused)
    case let connection as ServerConnectionError: (connection.description, ExitCodes.usage)
    case let reused as RequestReused: (reused.description, ExitCodes.usage)
    case let refusal as CheckpointRefusal: (refusal.description, ExitCodes.refused)
    case let checkpoints as CheckpointError: (checkpoints.description, checkpoints.exitCode)
    default: ("internal error: \(error)", ExitCodes.internalError)
    }
}

/// Each store failure has one documented status: a conflict can be retried, an unknown id or a
/// taken id is the caller's to fix, an unknown outcome is retried with its request id, anything
/// else means the store itself cannot be used.
func exitCode(for error: StoreError) -> ExitCode {
    switch error {
    case .conflict: ExitCodes.conflict
    case .notFound: ExitCodes.notFound
    case .alreadyExists: ExitCodes.usage
    case .outcomeUnknown: ExitCodes.outcomeUnknown
    // The service answers a repeated request itself; reaching here is a bug.
    case .requestAlreadyRecorded: ExitCodes.internalError
    case .unavailable, .incompatible, .corrupt: ExitCodes.storeUnavailable
    }
}

extension AccountError {
    /// A name or password the caller must change is a usage error; an unknown account is 66;
    /// a refused sign-in is a refusal.
    var exitCode: ExitCode {
        switch self {
        case .nameTaken, .invalidName, .weakPassword: ExitCodes.usage
        case .noSuchAccount: ExitCodes.notFound
        case .wrongCredentials, .locked, .tokenNotValid: ExitCodes.refused
        }
    }
}

extension CheckpointError {
    /// A checkpoint file that was changed is as serious as a broken chain (1); one that cannot
    /// be read or written is the file's problem (65, 73).
    var exitCode: ExitCode {
        switch self {
        case .malformed, .untrusted, .unlinked: ExitCodes.refused
        case .unreadable: ExitCodes.dataError
        case .unwritable: ExitCodes.cannotWrite
        }
    }
}
