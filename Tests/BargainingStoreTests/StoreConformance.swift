import Bargaining
import BargainingStore
import Testing

/// What every store must do, written once and run against each backend (SQLiteStoreTests,
/// PostgresStoreTests). Each check gets a fresh, empty store of its own.
enum StoreConformance {
    struct Check: Sendable, CustomTestStringConvertible {
        let name: String
        let run: @Sendable (StoreUnderTest) async throws -> Void
        var testDescription: String { name }
    }

    static let all: [Check] = [
        Check(name: "round trip of the sample negotiation", run: roundTrip),
        Check(name: "load after a version returns only the newer events", run: loadAfter),
        Check(name: "a stale expected version is a conflict and writes nothing", run: staleVersionConflicts),
        Check(name: "creating an existing negotiation is refused", run: alreadyExists),
        Check(name: "an unknown negotiation is not found", run: notFound),
        Check(name: "list filters by level, step, district, overdue and due dates", run: listFilters),
        Check(name: "contract records once the sample is in force", run: contractRecords),
        Check(name: "a contract covering 12,000 enterprises is stored whole and in order", run: wideContract),
        Check(name: "a renewal is one commit: a refused part writes neither negotiation", run: renewalCommit),
        Check(name: "verify passes on an untouched store", run: verifyPasses),
        Check(name: "chain heads are each negotiation's last event and hash, by id", run: chainHeads),
        Check(name: "verify names an edited body", run: verifyDetectsEditedBody),
        Check(name: "verify names an edited hash", run: verifyDetectsEditedHash),
        Check(name: "verify names a deleted event", run: verifyDetectsGap),
        Check(name: "verify names a body that does not decode", run: verifyDetectsGarbage),
        Check(name: "verify names a chain shorter than the negotiation's version", run: verifyDetectsTruncation),
        Check(name: "a failed append leaves nothing half-written", run: failedAppendWritesNothing),
        Check(name: "a request id is recorded once: a second commit under it writes nothing", run: requestRecordedOnce),
    ] + SealingConformance.all + RandomWalkConformance.all

    static func roundTrip(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            // Given the whole enterprise sample, recorded decision by decision
            let history = try Samples.enterprise()
            try await history.record(in: store)

            // When it is loaded back
            let stored = try await store.load(history.id)

            // Then the events are the decided ones, chained, and fold to the decided state
            #expect(stored.map(\.event) == history.events)
            #expect(try history.engine.fold(stored.map(\.event)) == history.state)
            var previous = HashChain.origin
            for event in stored {
                #expect(event.hash == HashChain.seal(previous: previous, canonicalJSON: event.event.canonicalJSON, negotiation: history.id,
                                                     recordedAt: event.recordedAt))
                #expect(event.recordedAt.hasSuffix("Z"))
                previous = event.hash
            }
            #expect(history.decisions.contains { $0.events.count > 1 }, "the sample has a decision with a lapse")
            #expect(try await store.list(NegotiationQuery()) == [history.summary])
        }
    }

    static func loadAfter(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            let history = try Samples.enterprise()
            try await history.record(in: store)
            let tail = try await store.load(history.id, after: 10)
            #expect(tail.map(\.event) == Array(history.events.dropFirst(10)))
            #expect(try await store.load(history.id, after: history.state.version).isEmpty)
        }
    }

    static func staleVersionConflicts(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            // Given two writers who both loaded the negotiation at version v
            var first = try Samples.inTalks(id: "ENT-RACE")
            try await first.record(in: store)
            var second = first
            let version = first.state.version
            try first.requestInformation(["工资总额"])
            try second.requestInformation(["津贴补贴"])

            // When the first appends, then the second at the same version
            let winner = first.decisions.last!, loser = second.decisions.last!
            try await store.append(winner.events, to: first.id, expectedVersion: version, summary: first.summary)
            let error = await #expect(throws: StoreError.self) {
                try await store.append(loser.events, to: second.id, expectedVersion: version, summary: second.summary)
            }

            // Then the second is told who won, and nothing of its decision is stored
            #expect(error == .conflict(id: first.id, expected: version, actual: version + 1))
            #expect(try await store.load(first.id).map(\.event) == first.events)
            #expect(try await store.list(NegotiationQuery()) == [first.summary])
            #expect(try await store.verify(nil).isIntact)
        }
    }

    static func alreadyExists(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            let history = try Samples.enterprise(until: .accept)
            try await history.record(in: store)
            let again = try Samples.enterprise(until: .sendNotice)
            await #expect(throws: StoreError.alreadyExists(id: history.id)) {
                try await store.create(again.opening, summary: again.openingSummary)
            }
            #expect(try await store.load(history.id).map(\.event) == history.events)
        }
    }

    static func notFound(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            let history = try Samples.enterprise(id: "ENT-ELSEWHERE", until: .accept)
            await #expect(throws: StoreError.notFound(id: "ENT-NOBODY")) { try await store.load("ENT-NOBODY") }
            await #expect(throws: StoreError.notFound(id: "ENT-NOBODY")) { try await store.verify("ENT-NOBODY") }
            await #expect(throws: StoreError.notFound(id: "ENT-ELSEWHERE")) {
                try await store.append(history.decisions[0].events, to: history.id, expectedVersion: 1,
                                       summary: NegotiationSummary(history.decisions[0].state, engine: history.engine))
            }
            #expect(try await store.list(NegotiationQuery()).isEmpty)
        }
    }

    static func listFilters(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            // Given negotiations at several steps, levels and districts
            let histories = [
                try Samples.enterprise(id: "ENT-A", district: "朝阳区", until: .accept),
                try Samples.enterprise(id: "ENT-B", district: "朝阳区", until: .requestInformation),
                try Samples.enterprise(id: "ENT-C", district: "北京经济技术开发区", until: .supplyInformation),
                try Samples.enterprise(id: "ENT-D", district: "海淀区", until: .holdCongress),
                try Samples.enterprise(id: "ENT-E", district: "海淀区"),
                try Samples.industry(id: "IND-A", district: "朝阳区"),
            ]
            for history in histories { try await history.record(in: store) }
            let all = histories.map(\.summary).sorted { $0.id < $1.id }
            #expect(try await store.list(NegotiationQuery()) == all)

            // Then each filter returns exactly what the same rule applied in memory returns,
            // on dates chosen between the deadlines the sample opened
            let dues = all.flatMap { $0.deadlines.map(\.due) }.sorted()
            let overdue = dues[0].adding(days: 1), due = dues[dues.count / 2]
            let queries: [(NegotiationQuery, (NegotiationSummary) -> Bool)] = [
                (NegotiationQuery(level: .industry), { $0.level == .industry }),
                (NegotiationQuery(step: "talks"), { $0.step == "talks" }),
                (NegotiationQuery(district: "朝阳区"), { $0.district == "朝阳区" }),
                (NegotiationQuery(level: .enterprise, district: "朝阳区"), { $0.level == .enterprise && $0.district == "朝阳区" }),
                (NegotiationQuery(overdueAsOf: overdue), { $0.deadlines.contains { $0.due < overdue } }),
                (NegotiationQuery(dueBy: due), { $0.deadlines.contains { $0.due <= due } }),
                (NegotiationQuery(step: "talks", dueBy: Day("2030-01-01")!), { $0.step == "talks" && !$0.deadlines.isEmpty }),
            ]
            for (query, rule) in queries {
                let expected = all.filter(rule)
                #expect(!expected.isEmpty && expected.count < all.count, "the data exercises \(query)")
                #expect(try await store.list(query) == expected, "\(query)")
            }
        }
    }

    static func contractRecords(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            let inForce = try Samples.enterprise(id: "ENT-IN-FORCE")
            let talking = try Samples.inTalks(id: "ENT-TALKING")
            try await inForce.record(in: store)
            try await talking.record(in: store)
            #expect(inForce.summary.step == "in-force")
            let records = try await store.contractRecords()
            #expect(records == [inForce.summary.contract!])
            #expect(records.first?.enterprises == [SampleNegotiations.precisionWorks.creditCode])
            #expect(records.first?.effectiveOn != nil)
        }
    }

    static func wideContract(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            // Given a regional agreement for more enterprises than either database takes as
            // separate bound values in one statement (SQLite 32,766; PostgreSQL 65,535 ÷ 3 columns)
            let codes = (1...12_000).map { CreditCode.makeValid(prefix17: "91110302MA" + String(100_000_0 + $0).suffix(7)) }
            let history = try Samples.regional(id: "REG-WIDE", enterprises: codes.map { CoveredEnterprise(creditCode: $0, name: "企业\($0)", employees: 10) })
            try #require(history.summary.contract != nil, "the sample takes effect")

            // When it is recorded decision by decision
            try await history.record(in: store)

            // Then the contract index lists every enterprise, in the order the opening gave them
            let records = try await store.contractRecords()
            #expect(records.count == 1)
            #expect(records.first?.enterprises == codes)
        }
    }

    static func renewalCommit(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            // Given a negotiation in force, and another that already holds the renewal's id
            let history = try Samples.enterprise(id: "ENT-OLD")
            try await history.record(in: store)
            try await Samples.inTalks(id: "ENT-TAKEN").record(in: store)
            func renewal(as id: String) throws -> (decision: Decision, writes: [NegotiationWrite]) {
                let decision = try history.engine.decide(history.state, Action(.requestRenewal, ["renewal": .text(id)]),
                                                         by: SampleNegotiations.unionChair, on: history.state.expiresOn!.adding(days: -30)).get()
                let opened = decision.opens!
                return (decision, [
                    NegotiationWrite(decision.events, after: history.state.version, summary: NegotiationSummary(decision.state, engine: history.engine)),
                    NegotiationWrite(opened.events, after: 0, summary: NegotiationSummary(opened.state, engine: history.engine)),
                ])
            }

            // When the request and the opening are committed together, the opening refused
            let error = await #expect(throws: StoreError.self) { try await store.commit(try renewal(as: "ENT-TAKEN").writes) }
            #expect(error == .alreadyExists(id: "ENT-TAKEN"))

            // Then the request was not recorded either
            #expect(try await store.load("ENT-OLD").map(\.event) == history.events)
            #expect(try await store.list(NegotiationQuery()).first { $0.id == "ENT-OLD" } == history.summary)

            // And with a free id both are, in one commit
            let free = try renewal(as: "ENT-NEW")
            try await store.commit(free.writes)
            #expect(try await store.load("ENT-NEW").map(\.event) == free.decision.opens!.events)
            #expect(try await store.load("ENT-OLD", after: history.state.version).map(\.event) == free.decision.events)
            #expect(try await store.verify(nil).isIntact)
        }
    }

    static func requestRecordedOnce(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            // Given a negotiation in force, opened under a request id, and its renewal under another
            let history = try Samples.enterprise(id: "ENT-OLD")
            try await store.commit([NegotiationWrite(history.opening, after: 0, summary: history.openingSummary)], request: "open-1")
            for decision in history.decisions {
                try await store.commit([NegotiationWrite(decision.events, after: decision.expectedVersion,
                                                         summary: NegotiationSummary(decision.state, engine: history.engine))])
            }
            let decision = try history.engine.decide(history.state, Action(.requestRenewal, ["renewal": .text("ENT-NEW")]),
                                                     by: SampleNegotiations.unionChair, on: history.state.expiresOn!.adding(days: -30)).get()
            let writes = [
                NegotiationWrite(decision.events, after: history.state.version, summary: NegotiationSummary(decision.state, engine: history.engine)),
                NegotiationWrite(decision.opens!.events, after: 0, summary: NegotiationSummary(decision.opens!.state, engine: history.engine)),
            ]
            #expect(try await store.recordedRequest("renew-1") == nil)
            try await store.commit(writes, request: "renew-1")

            // Then each request id says what it recorded
            #expect(try await store.recordedRequest("open-1") == RecordedRequest(requestID: "open-1", negotiationID: "ENT-OLD", versionBefore: 0,
                                                                                 version: history.opening.count, opened: nil))
            let renewal = RecordedRequest(requestID: "renew-1", negotiationID: "ENT-OLD", versionBefore: history.state.version,
                                          version: history.state.version + decision.events.count, opened: "ENT-NEW")
            #expect(try await store.recordedRequest("renew-1") == renewal)

            // And a commit under a recorded id writes nothing, even one that would otherwise succeed
            let again = try Samples.inTalks(id: "ENT-OTHER")
            let error = await #expect(throws: StoreError.self) {
                try await store.commit([NegotiationWrite(again.opening, after: 0, summary: again.openingSummary)], request: "renew-1")
            }
            #expect(error == .requestAlreadyRecorded(id: "renew-1"))
            #expect(try await store.exists("ENT-OTHER") == false)
            #expect(try await store.recordedRequest("renew-1") == renewal)
            #expect(try await store.verify(nil).isIntact)
        }
    }

    static func verifyPasses(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            let histories = [try Samples.enterprise(id: "ENT-1"), try Samples.inTalks(id: "ENT-2")]
            for history in histories { try await history.record(in: store) }
            let report = try await store.verify(nil)
            #expect(report.isIntact)
            #expect(report.negotiationsChecked == 2)
            #expect(report.eventsChecked == histories.map(\.events.count).reduce(0, +))
            #expect(try await store.verify("ENT-2").eventsChecked == histories[1].events.count)
        }
    }

    static func chainHeads(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            #expect(try await store.chainHeads().isEmpty)
            let histories = [try Samples.inTalks(id: "ENT-2"), try Samples.enterprise(id: "ENT-1")]
            for history in histories { try await history.record(in: store) }
            var expected: [ChainHead] = []
            for id in ["ENT-1", "ENT-2"] {
                let last = try await store.load(id).last!
                expected.append(ChainHead(negotiation: id, version: last.event.sequence, hash: last.hash))
            }
            #expect(try await store.chainHeads() == expected)
        }
    }

    static func verifyDetectsEditedBody(_ subject: StoreUnderTest) async throws {
        try await tampered(subject) { store, victim in
            // When someone changes who led the employer's side in event 5, leaving its hash alone
            let body = try await store.load(victim)[4].event.canonicalJSON
            #expect(body.contains("李强"))
            return Tampering(negotiation: victim, sequence: 5, body: body.replacingOccurrences(of: "李强", with: "李四"))
        } expect: { report in
            #expect(report.mismatches.map(\.negotiation) == ["ENT-VICTIM"])
            #expect(report.mismatches.first?.sequence == 5)
            #expect(report.mismatches.first?.reason.contains("edited") == true)
        }
    }

    static func verifyDetectsEditedHash(_ subject: StoreUnderTest) async throws {
        try await tampered(subject) { _, victim in
            Tampering(negotiation: victim, sequence: 7, hash: String(repeating: "0", count: 64))
        } expect: { report in
            #expect(report.mismatches.map(\.negotiation) == ["ENT-VICTIM"])
            #expect(report.mismatches.first?.sequence == 7)
        }
    }

    static func verifyDetectsGap(_ subject: StoreUnderTest) async throws {
        try await tampered(subject) { _, victim in
            Tampering(negotiation: victim, sequence: 3, deletes: true)
        } expect: { report in
            #expect(report.mismatches.map(\.sequence) == [3])
            #expect(report.mismatches.first?.reason.contains("missing") == true)
        }
    }

    /// Valid JSON but no event, with its hash recomputed to match: only decoding catches it.
    static func verifyDetectsGarbage(_ subject: StoreUnderTest) async throws {
        try await tampered(subject) { store, victim in
            let events = try await store.load(victim)
            let garbage = #"{"not":"an event"}"#
            let hash = HashChain.seal(previous: events[5].hash, canonicalJSON: garbage, negotiation: victim, recordedAt: events[6].recordedAt)
            return Tampering(negotiation: victim, sequence: 7, body: garbage, hash: hash)
        } expect: { report in
            #expect(report.mismatches.map(\.sequence) == [7])
            #expect(report.mismatches.first?.reason.contains("does not decode") == true)
        }
    }

    static func verifyDetectsTruncation(_ subject: StoreUnderTest) async throws {
        try await tampered(subject) { store, victim in
            let last = try await store.load(victim).count
            return Tampering(negotiation: victim, sequence: last, deletes: true)
        } expect: { report in
            #expect(report.mismatches.count == 1)
            #expect(report.mismatches.first?.reason.contains("chain ends") == true)
        }
    }

    static func failedAppendWritesNothing(_ subject: StoreUnderTest) async throws {
        try await subject.with { store in
            // Given a negotiation about to take effect
            var history = try Samples.enterprise(id: "ENT-HALF", until: .publish)
            try await history.record(in: store)
            let before = try await store.load(history.id)
            let version = history.state.version
            try history.decide(Action(.publish, ["form": .text("公告栏")]), by: SampleNegotiations.unionChair, on: Day("2025-06-03")!)
            let decision = history.decisions.removeLast()
            history.state = try history.engine.fold(before.map(\.event))
            #expect(decision.events.count > 1, "a lapse and the act: the events are inserted before the projection fails")

            // When the append fails after its events are inserted (a contract row that breaks a key)
            var broken = NegotiationSummary(decision.state, engine: history.engine)
            broken.contract!.enterprises += broken.contract!.enterprises
            await #expect(throws: StoreError.self) {
                try await store.append(decision.events, to: history.id, expectedVersion: version, summary: broken)
            }

            // Then nothing of it is stored, and the right append still goes through at the same version
            #expect(try await store.load(history.id) == before)
            #expect(try await store.list(NegotiationQuery()) == [history.summary])
            #expect(try await store.contractRecords().isEmpty)
            try await store.append(decision.events, to: history.id, expectedVersion: version,
                                   summary: NegotiationSummary(decision.state, engine: history.engine))
            #expect(try await store.load(history.id).count == before.count + decision.events.count)
            #expect(try await store.verify(nil).isIntact)
        }
    }

    /// Records a victim and a bystander, tampers with the victim's rows, and checks what verify says.
    static func tampered(_ subject: StoreUnderTest, _ edit: (any EventStore, String) async throws -> Tampering,
                         expect: (VerificationReport) throws -> Void) async throws {
        try await subject.with { store in
            try await Samples.enterprise(id: "ENT-VICTIM").record(in: store)
            try await Samples.enterprise(id: "ENT-BYSTANDER").record(in: store)
            try await subject.tamper(try await edit(store, "ENT-VICTIM"))
            let report = try await store.verify(nil)
            #expect(report.negotiationsChecked == 2)
            try expect(report)
            #expect(try await store.verify("ENT-BYSTANDER").isIntact)
        }
    }
}
