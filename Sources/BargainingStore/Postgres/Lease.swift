import Foundation
import PostgresNIO

/// Who decides a request's fate first: the request, by getting its connection and later by
/// sending COMMIT, or its watch, by giving up on it. Decided under one lock, so a request given
/// up on never starts its body later, and a transaction given up on before its COMMIT never
/// sends one (an append reported as not recorded must not be recorded after all). Once COMMIT
/// is on its way, giving up can only say that the outcome is unknown.
final class Lease: Sendable {
    private enum State {
        case waiting
        case acquired(PostgresConnection)
        case committing(PostgresConnection)
        case abandoned
    }

    /// How far a request had got when its watch gave up on it.
    enum Abandoned {
        /// It never had a connection: nothing was sent.
        case beforeConnection
        /// It had a connection but had not sent COMMIT: whatever it wrote is rolled back.
        case beforeCommit
        /// COMMIT was sent and not answered: it may or may not have been recorded.
        case duringCommit
    }

    private let lock = NSLock()
    nonisolated(unsafe) private var state = State.waiting

    /// False when the watch has already given up: the request must not run.
    func acquire(_ connection: PostgresConnection) -> Bool {
        lock.withLock {
            guard case .waiting = state else { return false }
            state = .acquired(connection)
            return true
        }
    }

    /// False when the watch has already given up: the transaction must roll back, not commit.
    func startCommit() -> Bool {
        lock.withLock {
            guard case .acquired(let connection) = state else { return false }
            state = .committing(connection)
            return true
        }
    }

    /// Whether the request has its connection (and was not given up on).
    var hasConnection: Bool {
        lock.withLock {
            switch state {
            case .acquired, .committing: return true
            case .waiting, .abandoned: return false
            }
        }
    }

    /// The request's connection, or nil after giving the request up because it has none.
    func connectionOrAbandon() -> PostgresConnection? {
        lock.withLock {
            switch state {
            case .acquired(let connection), .committing(let connection):
                return connection
            case .waiting, .abandoned:
                state = .abandoned
                return nil
            }
        }
    }

    /// Gives the request up, and says how far it had got.
    func abandon() -> Abandoned {
        lock.withLock {
            defer { if case .committing = state {} else { state = .abandoned } }
            switch state {
            case .waiting, .abandoned: return .beforeConnection
            case .acquired: return .beforeCommit
            case .committing: return .duringCommit
            }
        }
    }
}
