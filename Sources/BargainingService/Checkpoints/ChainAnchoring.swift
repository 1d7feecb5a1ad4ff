import BargainingKeys
import BargainingStore
import Foundation

/// Signed checkpoints of the hash chains (issue 18 item 4). The chain alone is unkeyed: whoever
/// can write the database can rewrite an event and recompute every later hash, cut the tail
/// off, or delete a negotiation, and `verify` still finds every chain intact. A checkpoint
/// signs each negotiation's last hash with the organisation's key and keeps it outside the
/// database; ``check(_:against:only:)`` then names each of those three forgeries.
public enum ChainAnchoring {
    /// What a checkpoint said last about one negotiation, and when.
    struct Anchor {
        var head: ChainHead
        var at: String
    }

    /// The newest anchored head of every negotiation the checkpoints name.
    static func anchors(_ checkpoints: [Checkpoint]) -> [String: Anchor] {
        var anchors: [String: Anchor] = [:]
        for checkpoint in checkpoints {
            for head in checkpoint.payload.heads { anchors[head.negotiation] = Anchor(head: head, at: checkpoint.payload.at) }
        }
        return anchors
    }

    /// Compares the store's chains with the signed heads; one finding per negotiation that
    /// disagrees (all of them, or only `id`'s).
    public static func check(_ store: any EventStore, against checkpoints: [Checkpoint], only id: String? = nil) async throws -> [AnchorFinding] {
        let anchors = anchors(checkpoints)
        let current = Dictionary(uniqueKeysWithValues: try await store.chainHeads().map { ($0.negotiation, $0) })
        var findings: [AnchorFinding] = []
        for (negotiation, anchor) in anchors.sorted(by: { $0.key < $1.key }) where id == nil || negotiation == id {
            let signed = anchor.head
            guard let head = current[negotiation] else {
                findings.append(AnchorFinding(negotiation: negotiation, kind: .deleted,
                                              detail: "the checkpoint of \(anchor.at) signed it at \(signed.version) events; the store has none"))
                continue
            }
            if head.version < signed.version {
                findings.append(AnchorFinding(negotiation: negotiation, kind: .truncated,
                                              detail: "the checkpoint of \(anchor.at) signed \(signed.version) events; the store has \(head.version)"))
                continue
            }
            let hash = head.version == signed.version ? head.hash : try await store.load(negotiation, after: signed.version - 1).first?.hash
            if hash != signed.hash {
                findings.append(AnchorFinding(negotiation: negotiation, kind: .rewritten,
                                              detail: "event \(signed.version) does not have the hash the checkpoint of \(anchor.at) signed: an event at or before it was changed"))
            }
        }
        return findings
    }

    /// Takes a checkpoint: refuses when the store already disagrees with the signed heads (it
    /// would sign a forgery) or a changed chain does not verify; otherwise appends the heads new
    /// or changed since the last checkpoint, signed with `key`, to `file`.
    public static func checkpoint(_ store: any EventStore, file: CheckpointFile, key: SigningKey, trusting trusted: [TrustedKey],
                                  now: Date = Date()) async throws -> (checkpoint: Checkpoint, changed: Int) {
        let earlier = try file.read(trusting: trusted + [key.publicKey])
        let findings = try await check(store, against: earlier)
        guard findings.isEmpty else { throw CheckpointRefusal(findings: findings, report: nil) }
        let anchors = anchors(earlier)
        let heads = try await store.chainHeads()
        let changed = heads.filter { anchors[$0.negotiation]?.head != $0 }
        for head in changed {
            let report = try await store.verify(head.negotiation)
            guard report.isIntact else { throw CheckpointRefusal(findings: [], report: report) }
        }
        let payload = Checkpoint.Payload(format: Checkpoint.format, at: ISO8601DateFormatter().string(from: now),
                                         previous: earlier.last?.digest ?? "",
                                         negotiations: heads.count, heads: changed, key: key.publicKey.fingerprint)
        let checkpoint = try Checkpoint.signed(payload, with: key)
        try file.append(checkpoint)
        return (checkpoint, changed.count)
    }
}

/// A negotiation whose stored chain disagrees with the last signed checkpoint.
public struct AnchorFinding: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// Events up to the signed head were changed (and later hashes recomputed).
        case rewritten
        /// Events after some point were deleted.
        case truncated
        /// The whole negotiation is gone.
        case deleted
    }

    public var negotiation: String
    public var kind: Kind
    public var detail: String

    /// "history rewritten", "tail deleted", "negotiation deleted".
    public var title: String {
        switch kind {
        case .rewritten: "history rewritten"
        case .truncated: "tail deleted"
        case .deleted: "negotiation deleted"
        }
    }
}

/// A checkpoint not taken: the store disagrees with the signed heads, or a changed chain does
/// not verify.
public struct CheckpointRefusal: Error, CustomStringConvertible, Sendable {
    public var findings: [AnchorFinding]
    public var report: VerificationReport?

    public var description: String {
        if let mismatch = report?.mismatches.first {
            return "not signed: the chain of \(mismatch.negotiation) is broken at event \(mismatch.sequence) (\(mismatch.reason)); run `bargain verify`"
        }
        let named = findings.prefix(3).map { "\($0.negotiation): \($0.title)" }.joined(separator: "; ")
        return "not signed: the store disagrees with the signed checkpoints (\(named)\(findings.count > 3 ? "; …" : "")); run `bargain verify --checkpoints`"
    }
}
