import Bargaining
import Foundation

/// The negotiations a long-running caller (a server, the stress writer) last read or recorded,
/// by id. The next act on one reads only the events recorded since (one short query, usually
/// empty) instead of loading and folding the whole history again. Every act still catches up
/// with the store first, so what it decides on is never older than what is stored.
public final class NegotiationMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var negotiations: [String: Negotiation] = [:]

    public init() {}

    func recall(_ id: String) -> Negotiation? {
        lock.lock()
        defer { lock.unlock() }
        return negotiations[id]
    }

    func keep(_ negotiation: Negotiation) {
        lock.lock()
        defer { lock.unlock() }
        negotiations[negotiation.id] = negotiation
    }
}
