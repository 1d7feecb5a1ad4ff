import Bargaining
import Foundation

/// The negotiations a long-running caller (a server, the stress writer) last read or recorded,
/// by id. The next read or act on one reads only the events recorded since (one short query,
/// usually empty) instead of loading and folding the whole history again. Every read still
/// catches up with the store first, so what an act decides on is never older than what is stored.
///
/// Bounded for a city's server: negotiations are kept in two generations of up to `capacity / 2`
/// each; when the newer one fills, the older is dropped and the newer takes its place, so what
/// was used recently stays (a recalled negotiation moves to the newer generation) and memory
/// never holds more than `capacity` negotiations.
public final class NegotiationMemory: @unchecked Sendable {
    private let lock = NSLock()
    private let generationSize: Int
    private var newer: [String: Negotiation] = [:]
    private var older: [String: Negotiation] = [:]

    public init(capacity: Int = 10_000) {
        generationSize = max(1, capacity / 2)
    }

    func recall(_ id: String) -> Negotiation? {
        lock.lock()
        defer { lock.unlock() }
        if let negotiation = newer[id] { return negotiation }
        guard let negotiation = older.removeValue(forKey: id) else { return nil }
        store(negotiation)
        return negotiation
    }

    func keep(_ negotiation: Negotiation) {
        lock.lock()
        defer { lock.unlock() }
        store(negotiation)
    }

    /// How many negotiations are kept (for the test of the bound).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return newer.count + older.count
    }

    private func store(_ negotiation: Negotiation) {
        if newer[negotiation.id] == nil, newer.count >= generationSize {
            older = newer
            newer = [:]
        }
        older[negotiation.id] = nil
        newer[negotiation.id] = negotiation
    }
}
