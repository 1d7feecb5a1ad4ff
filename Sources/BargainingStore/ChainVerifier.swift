import Bargaining

/// Recomputes hash chains from rows streamed in (negotiation, sequence) order, keeping only the
/// first break of each negotiation: after one bad row every later hash differs too, and the
/// first is the one worth looking at.
struct ChainVerifier {
    private(set) var report = VerificationReport(negotiationsChecked: 0, eventsChecked: 0, mismatches: [])
    private var walk: Walk?

    private struct Walk {
        var negotiation: String
        var version: Int
        var next = 1
        var previousHash = HashChain.origin
        var broken = false
        /// The first sealed event of the chain (``HashChain/seal``): every event after it is sealed too.
        var sealedFrom: Int?
    }

    /// One row of `negotiations LEFT JOIN events`: a negotiation's projected version and one of
    /// its events (nil for a negotiation with no events at all).
    mutating func check(negotiation: String, version: Int, row: EventRow?) {
        if walk?.negotiation != negotiation {
            finishNegotiation()
            walk = Walk(negotiation: negotiation, version: version)
            report.negotiationsChecked += 1
        }
        guard let row else { return }
        report.eventsChecked += 1
        guard var current = walk, !current.broken else { return }
        defer { walk = current }
        let sealed = HashChain.seal(previous: current.previousHash, canonicalJSON: row.body, negotiation: row.negotiationID,
                                    recordedAt: row.recordedAt) == row.hash
        if let reason = problem(with: row, sealed: sealed, in: current) {
            report.mismatches.append(.init(negotiation: negotiation, sequence: min(row.sequence, current.next), reason: reason))
            current.broken = true
            return
        }
        if sealed {
            current.sealedFrom = current.sealedFrom ?? row.sequence
        } else {
            report.unsealedEvents += 1
        }
        current.previousHash = row.hash
        current.next += 1
    }

    mutating func finish() -> VerificationReport {
        finishNegotiation()
        return report
    }

    private func problem(with row: EventRow, sealed: Bool, in walk: Walk) -> String? {
        if row.sequence != walk.next {
            return "event \(walk.next) is missing: the next stored event is \(row.sequence)"
        }
        if row.previousHash != walk.previousHash {
            return "prev_hash is not the hash of event \(walk.next - 1): a row was edited, inserted or deleted"
        }
        if !sealed {
            // Not sealed: valid only as a row stored before sealing, before any sealed one.
            if HashChain.link(previous: walk.previousHash, canonicalJSON: row.body) != row.hash {
                return "the stored hash does not match the event's body, negotiation or recorded time (\(row.recordedAt)): the row was edited"
            }
            if let sealedFrom = walk.sealedFrom {
                return "the hash leaves out the negotiation and recorded time, though event \(sealedFrom) before it covers them: the row was edited and its hash recomputed"
            }
        }
        guard let event = try? Event(canonicalJSON: row.body) else {
            return "the body does not decode as an event"
        }
        if event.sequence != row.sequence || event.on.description != row.onDay {
            return "the sequence or on_day column disagrees with the body (\(event.sequence), \(event.on))"
        }
        return nil
    }

    /// A chain that verifies but is shorter or longer than the projection says lost or gained
    /// whole rows at its end, which hashes alone cannot see.
    private mutating func finishNegotiation() {
        guard let walk, !walk.broken else { return }
        let last = walk.next - 1
        if last != walk.version {
            report.mismatches.append(.init(negotiation: walk.negotiation, sequence: min(last, walk.version) + 1,
                                           reason: "the negotiation is at version \(walk.version) but its chain ends at event \(last)"))
        }
    }
}
