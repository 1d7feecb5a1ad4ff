import Bargaining
import Foundation

/// One row of the `events` table, the same in both stores. `onDay` and `sequence` repeat what
/// the body says so the database can index them; `verify` checks they still agree.
struct EventRow: Sendable, Hashable {
    var negotiationID: String
    var sequence: Int
    var onDay: String
    var recordedAt: String
    var body: String
    var hash: String
    var previousHash: String

    /// The rows for one append: sealed in order (``HashChain/seal``), each chaining from the one before.
    /// `bodies` are the events' canonical JSON, encoded before the transaction to keep it short.
    static func chain(_ events: [Event], bodies: [String], of negotiationID: String, after previousHash: String,
                      recordedAt: String) -> [EventRow] {
        var previous = previousHash
        return zip(events, bodies).map { event, body in
            let hash = HashChain.seal(previous: previous, canonicalJSON: body, negotiation: negotiationID, recordedAt: recordedAt)
            defer { previous = hash }
            return EventRow(negotiationID: negotiationID, sequence: event.sequence, onDay: event.on.description,
                            recordedAt: recordedAt, body: body, hash: hash, previousHash: previous)
        }
    }

    /// Wall-clock time of an append, UTC with milliseconds: when it was typed in, as opposed to
    /// the legal date the event carries.
    static func now() -> String {
        Date.now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    func stored() throws(StoreError) -> StoredEvent {
        let event: Event
        do { event = try Event(canonicalJSON: body) } catch {
            throw .corrupt(reason: "event \(sequence) of negotiation \(negotiationID) does not decode; run `bargain verify \(negotiationID)`")
        }
        return StoredEvent(event: event, recordedAt: recordedAt, hash: hash)
    }
}
