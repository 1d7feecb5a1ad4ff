import Foundation
import PostgresNIO

/// Who decides a request's fate first: the request, by getting its connection, or its watch,
/// by giving up on it. Decided under one lock, so a request given up on never starts its body
/// later (an append reported as failed must not be recorded after all).
final class Lease: Sendable {
    private enum State {
        case waiting
        case acquired(PostgresConnection)
        case abandoned
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

    /// The request's connection, or nil after giving the request up because it has none.
    func connectionOrAbandon() -> PostgresConnection? {
        lock.withLock {
            switch state {
            case .acquired(let connection):
                return connection
            case .waiting, .abandoned:
                state = .abandoned
                return nil
            }
        }
    }
}
