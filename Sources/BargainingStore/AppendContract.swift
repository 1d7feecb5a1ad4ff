import Bargaining

/// What every caller of `commit` promises: the engine's events, numbered on from the expected
/// version, the summary of the state they lead to, and each negotiation written once. Breaking it
/// is a bug in the caller, not bad input, so it stops the program instead of being stored.
enum AppendContract {
    static func check(_ writes: [NegotiationWrite]) {
        precondition(!writes.isEmpty, "a commit writes at least one negotiation")
        precondition(Set(writes.map(\.id)).count == writes.count, "a commit writes each negotiation once")
        for write in writes { check(write.events, of: write.id, after: write.expectedVersion, summary: write.summary) }
    }

    static func check(_ events: [Event], of id: String, after version: Int, summary: NegotiationSummary) {
        precondition(!events.isEmpty, "an append records at least one event")
        for (offset, event) in events.enumerated() {
            precondition(event.sequence == version + 1 + offset,
                         "event \(offset) of the append to \(id) is numbered \(event.sequence), not \(version + 1 + offset)")
        }
        precondition(summary.id == id, "the summary is of \(summary.id), not \(id)")
        precondition(summary.version == events.last!.sequence,
                     "the summary of \(id) is at version \(summary.version), but the last event is \(events.last!.sequence)")
    }
}
