import Bargaining
import BargainingKeys
import BargainingStore
import FoundationEssentials

/// What `bargain export ID` writes and what the server's OAI-PMH interface serves, composed in
/// one place so the two cannot drift: the history is read from the store with its hash chain
/// recomputed first, folded under the negotiation's pinned workflow, then exported.
extension Exporter {
    /// An exporter stamping documents with `policy`'s archive depositor (when it names one) and
    /// the export time `exportedAt`, signing with `signer` when given.
    public init(schemas: ExportSchemas, policy: Policy, signer: SigningKey?, exportedAt: Date) {
        self.init(schemas: schemas,
                  deposit: policy.depositor.map { Deposit(depositor: $0, exportedAt: exportedAt.ISO8601Format()) },
                  signer: signer)
    }

    /// The negotiation's documents in `format` (``documents(for:format:)``) as of `day` (see
    /// ``NegotiationHistory``); for an id negotiated elsewhere, the documents `bargain import`
    /// kept, exported again. `engine` gives the engine of the workflow an opening is pinned to.
    public func documents(negotiation id: String, in store: any EventStore, format: ExportFormat, asOf day: Day?,
                          engine: @Sendable (Opening) throws -> Engine) async throws -> [ExportedDocument] {
        do {
            let history = try await NegotiationHistory.verified(id, in: store, asOf: day, engine: engine)
            return try documents(for: history, format: format)
        } catch StoreError.notFound(let missing) where missing == id {
            let kept = try await (store as? any CoverageStore)?.archivedDocuments(negotiation: id) ?? []
            guard !kept.isEmpty else { throw StoreError.notFound(id: id) }
            return try documents(reexporting: kept.map(\.bytes), format: format)
        }
    }
}

extension NegotiationHistory {
    /// The negotiation's stored events with their chain hashes, folded under its pinned
    /// workflow and brought to `day` (as recorded when nil). The chain is recomputed from the
    /// stored rows first: a broken chain is
    /// ``ExportError/brokenChain(negotiation:sequence:reason:)``, naming the first bad event.
    public static func verified(_ id: String, in store: any EventStore, asOf day: Day?,
                                engine: @Sendable (Opening) throws -> Engine) async throws -> NegotiationHistory {
        try await verified(id, events: store.load(id), in: store, asOf: day, engine: engine)
    }

    /// As ``verified(_:in:engine:)``, for events the caller has already loaded (the OAI
    /// interface reads their recording time too).
    public static func verified(_ id: String, events stored: [StoredEvent], in store: any EventStore, asOf day: Day?,
                                engine: @Sendable (Opening) throws -> Engine) async throws -> NegotiationHistory {
        if let broken = try await store.verify(id).mismatches.first {
            throw ExportError.brokenChain(negotiation: id, sequence: broken.sequence, reason: broken.reason)
        }
        guard case .opened(let opening) = stored.first?.event.body else {
            throw StoreError.corrupt(reason: "negotiation \(id) does not start with its opening; run `bargain verify \(id)`")
        }
        return try NegotiationHistory(engine: try engine(opening), events: stored.map { ChainedEvent(event: $0.event, hash: $0.hash) },
                                      asOf: day)
    }
}
