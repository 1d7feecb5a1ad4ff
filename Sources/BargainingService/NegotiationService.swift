import Bargaining
import BargainingStore

/// The application layer every front end calls: it decides acts with the engine each
/// negotiation is pinned to and records what they do, in one transaction each. No front end
/// calls `decide` or `append` itself.
///
/// Inputs and outputs are plain values, so that a remote implementation (an HTTP client of the
/// server) can stand where ``LocalNegotiationService`` stands today. A refusal is thrown as a
/// ``RuleViolation`` and nothing is recorded; store failures as ``StoreError``.
///
/// `requestID` is the caller's idempotency key: the same request sent twice (a retry after a
/// lost answer, ``StoreError/outcomeUnknown(reason:)``) is recorded once. The store keeps what
/// each key recorded, under a unique key, in the same transaction as the events; a repeat
/// returns the first outcome (``Recorded/replayed``), and a key reused for a different request
/// is refused with ``RequestReused``.
public protocol NegotiationService: Sendable {
    /// Opens a negotiation under the current workflow of its level. An empty `opening.id` asks
    /// the service to choose one (level, year and six random characters); a chosen id that is
    /// taken is refused with ``StoreError/alreadyExists``.
    func open(_ opening: Opening, by actor: Actor, on day: Day, requestID: String?) async throws -> Recorded

    /// Decides one act on negotiation `id` and records it together with what it opens (a
    /// `request-renewal` without a `renewal` id gets one chosen by the service). When another
    /// writer recorded first, the act is decided again on what they recorded.
    func act(_ action: Action, on id: String, by actor: Actor, on day: Day, requestID: String?) async throws -> Recorded

    /// The negotiation's history, state and engine.
    func negotiation(_ id: String) async throws -> Negotiation

    /// Where negotiation `id` stands on `day`; before its last event, as it stood then.
    func status(_ id: String, asOf day: Day) async throws -> NegotiationStatus

    /// The negotiations matching `query` as they stand on `day`, ordered by id: a deadline that
    /// passed before `day` and moved a negotiation on by itself (an agreement expired, review
    /// silence made it effective) is applied, and a `day` before later events looks back, so
    /// each step and deadline is what ``status(_:asOf:)`` says for the same day; a negotiation
    /// not yet opened on `day` is left out. Version and last day stay as recorded.
    func list(_ query: NegotiationQuery, asOf day: Day) async throws -> [NegotiationSummary]

    /// The negotiation's history as stored, with the hash chain and where it breaks.
    func log(_ id: String) async throws -> NegotiationLog

    /// The first event of negotiation `id` whose hash does not match its row, or nil when the
    /// chain is intact: what `status` warns about before it shows a history.
    func brokenChain(_ id: String) async throws -> ChainBreak?
}
