import Bargaining
import BargainingStore
import Testing

/// Every column of an event row is under its hash (issue 14 item 6): the body holds the
/// sequence and legal date, `prev_hash` is the chain, and the seal adds the negotiation id and
/// the recorded time. Rows stored before sealing still verify, counted, but never after a
/// sealed row of the same chain.
enum SealingConformance {
    static let all: [StoreConformance.Check] = [
        .init(name: "verify names an edited recorded time (the hash covers recorded_at)", run: editedRecordedTime),
        .init(name: "a chain stored before sealing verifies and is counted as unsealed", run: legacyChainVerifies),
        .init(name: "an unsealed event after a sealed one is named as recomputed", run: downgradeRefused),
    ]

    static func editedRecordedTime(_ subject: StoreUnderTest) async throws {
        try await StoreConformance.tampered(subject) { store, victim in
            // When someone back-dates when event 4 was typed in, leaving its hash alone
            let stored = try await store.load(victim)[3]
            #expect(stored.recordedAt != "2020-01-01T00:00:00.000Z")
            return Tampering(negotiation: victim, sequence: 4, recordedAt: "2020-01-01T00:00:00.000Z")
        } expect: { report in
            #expect(report.mismatches.map(\.negotiation) == ["ENT-VICTIM"])
            #expect(report.mismatches.first?.sequence == 4)
            #expect(report.mismatches.first?.reason.contains("2020-01-01T00:00:00.000Z") == true)
            #expect(report.unsealedEvents == 0)
        }
    }

    static func legacyChainVerifies(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            // Given a negotiation whose rows carry hashes over their bodies only, as stored before sealing
            let history = try Samples.enterprise(id: "ENT-OLD")
            try await history.record(in: store)
            let stored = try await store.load(history.id)
            var previous = HashChain.origin
            for event in stored {
                let hash = HashChain.link(previous: previous, canonicalJSON: event.event.canonicalJSON)
                try await subject.tamper(Tampering(negotiation: history.id, sequence: event.event.sequence, hash: hash, previousHash: previous))
                previous = hash
            }

            // Then verify finds the chain intact and says how many events it could not seal
            let report = try await store.verify(nil)
            #expect(report.isIntact, "\(report.mismatches)")
            #expect(report.unsealedEvents == stored.count)
            #expect(report.eventsChecked == stored.count)
        }
    }

    static func downgradeRefused(_ subject: StoreUnderTest) async throws {
        try await StoreConformance.tampered(subject) { store, victim in
            // When the last event's time is changed and its hash recomputed the old way, to pass as a row stored before sealing
            let stored = try await store.load(victim)
            let last = stored.count
            let hash = HashChain.link(previous: stored[last - 2].hash, canonicalJSON: stored[last - 1].event.canonicalJSON)
            return Tampering(negotiation: victim, sequence: last, hash: hash, recordedAt: "2020-01-01T00:00:00.000Z")
        } expect: { report in
            #expect(report.mismatches.map(\.negotiation) == ["ENT-VICTIM"])
            #expect(report.mismatches.first?.reason.contains("recomputed") == true)
        }
    }
}
