import Bargaining
import BargainingCoverage
@testable import BargainingStore
import GRDB
import Testing

/// What every store must do for coverage statistics (``CoverageStore``), written once and run
/// against each backend (CoverageConformanceTests). Each check gets a fresh, empty store.
enum CoverageConformance {
    static let all: [StoreConformance.Check] = [
        .init(name: "registry: upsert adds, then updates by credit code", run: registryUpsert),
        .init(name: "registry: a failing batch leaves the previous registry intact", run: registryAllOrNothing),
        .init(name: "external contracts round-trip with their enterprises and are replaced by id", run: externalContracts),
        .init(name: "external contracts: a failing batch stores nothing", run: externalAllOrNothing),
        .init(name: "the contract index: a negotiation's record wins over an external one with its id", run: contractIndex),
        .init(name: "congress sessions: votes that met their quorum, and imported records that did", run: congressSessions),
        .init(name: "congress sessions from a ledger: added once, then unchanged; counted with the others", run: ledgerSessions),
        .init(name: "a dry run gives the import's counts and stores nothing", run: dryRun),
        .init(name: "open renewals as of a day: from the opening, until withdrawn (S1 art 38)", run: openRenewals),
        .init(name: "a v4 store is migrated: renewals and ended negotiations are found from the stored events", run: migratesV4),
        .init(name: "reminder ledger round trip; an entry recorded twice is kept once", run: ledger),
        .init(name: "a v1 store is migrated to the current schema without losing negotiations", run: migratesV1),
        .init(name: "imported documents are kept whole; an identical one is unchanged; the batch is all or nothing", run: archivedDocuments),
    ] + AsOfCoverage.all

    static func archivedDocuments(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            let contract = ArchivedDocument(kind: .contract, id: "ENT-1", negotiationID: "ENT-1", bytes: Array("<filedContract/>\u{0}ä".utf8))
            let record = ArchivedDocument(kind: .congressRecord, id: "ENT-1-congress-1", negotiationID: "ENT-1", bytes: Array("<congressRecord/>".utf8))
            let other = ArchivedDocument(kind: .congressRecord, id: "CR-9", negotiationID: nil, bytes: [0xFF, 0x00, 0x01])
            // Given a first import of three documents
            let first = try await store.recordImport(contracts: [enterpriseContract], congressRecords: [], documents: [contract, record, other])
            #expect(first == ImportCounts(contracts: UpsertCounts(added: 1, updated: 0), congressRecords: UpsertCounts(added: 2, updated: 0)))
            #expect(try await store.archivedDocuments(negotiation: "ENT-1") == [record, contract])
            #expect(try await store.externalContracts() == [enterpriseContract])

            // When the same documents come again, and then one changed
            let again = try await store.recordImport(contracts: [enterpriseContract], congressRecords: [], documents: [contract, record])
            #expect(again == ImportCounts(contracts: UpsertCounts(added: 0, updated: 0, unchanged: 1),
                                          congressRecords: UpsertCounts(added: 0, updated: 0, unchanged: 1)))
            var changed = contract
            changed.bytes += [0x0A]
            let replaced = try await store.recordImport(contracts: [], congressRecords: [], documents: [changed])
            #expect(replaced.contracts == UpsertCounts(added: 0, updated: 1))
            #expect(try await store.archivedDocuments(negotiation: "ENT-1") == [record, changed])

            // A batch that fails on its contracts keeps none of its documents
            var twice = regionalContract
            twice.enterprises = [codes[1], codes[1]]
            let lost = ArchivedDocument(kind: .contract, id: "REG-1", negotiationID: "REG-1", bytes: [1])
            await #expect(throws: StoreError.self) {
                try await store.recordImport(contracts: [twice], congressRecords: [], documents: [lost])
            }
            #expect(try await store.archivedDocuments(negotiation: "REG-1").isEmpty)
        }
    }

    static func code(_ prefix: String) -> CreditCode { CreditCode.makeValid(prefix17: prefix) }

    static let codes = (1...5).map { code("91110115MA00000\($0)X") }

    static func enterprise(_ index: Int, name: String? = nil, employees: Int = 100, chamber: Bool = false) -> RegistryEnterprise {
        RegistryEnterprise(uscc: codes[index], name: name ?? "企业\(index)", district: "大兴区", street: index % 2 == 0 ? "旧宫镇" : "亦庄镇",
                           industry: "制造业", employees: employees, unionFoundedOn: Day("2020-01-0\(index + 1)"), chamberMember: chamber,
                           closedOn: index == 4 ? Day("2024-06-30") : nil)
    }

    static func registryUpsert(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            // Given three enterprises imported
            let first = [enterprise(0), enterprise(1), enterprise(2)]
            #expect(try await store.upsertRegistry(first) == UpsertCounts(added: 3, updated: 0, unchanged: 0))
            #expect(try await store.registry() == first)

            // When a second file changes one, repeats one as it was and adds one
            let second = [enterprise(1, name: "企业1（更名）", employees: 120, chamber: true), enterprise(2), enterprise(3)]
            let counts = try await store.upsertRegistry(second)

            // Then the changed one is updated by its code, the rest kept, the new one added
            #expect(counts == UpsertCounts(added: 1, updated: 1, unchanged: 1))
            let expected = RegistryEnterprise.merge(first, updates: second).sorted { $0.uscc < $1.uscc }
            #expect(try await store.registry() == expected)
            #expect(try await store.registry().first { $0.uscc == codes[1] }?.employees == 120)
        }
    }

    static func registryAllOrNothing(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            let before = [enterprise(0), enterprise(1)]
            try await store.upsertRegistry(before)
            // A batch whose last row breaks a constraint after the others were written
            var broken = enterprise(3)
            broken.employees = -1
            await #expect(throws: StoreError.self) {
                try await store.upsertRegistry([enterprise(1, name: "改了", employees: 7), enterprise(2), broken])
            }
            #expect(try await store.registry() == before)
        }
    }

    static let enterpriseContract = CoverageContract(
        id: "HT-2023-001", level: .enterprise, title: "2023年度工资专项集体合同", signedOn: Day("2023-03-01"),
        effectiveOn: Day("2023-03-20")!, expiresOn: Day("2024-03-19")!, terminatedOn: nil, enterprises: [codes[0]])
    static let regionalContract = CoverageContract(
        id: "QY-2024-007", level: .regional, title: "亦庄镇区域性工资专项集体合同", signedOn: nil,
        effectiveOn: Day("2024-01-01")!, expiresOn: Day("2026-12-31")!, terminatedOn: Day("2025-06-30"), enterprises: [codes[3], codes[1], codes[2]])

    static func externalContracts(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            let counts = try await store.recordExternal(contracts: [regionalContract, enterpriseContract], congressRecords: [])
            #expect(counts == UpsertCounts(added: 2, updated: 0))
            #expect(try await store.externalContracts() == [enterpriseContract, regionalContract], "by id, enterprises in their order")

            var narrower = regionalContract
            narrower.enterprises = [codes[2]]
            narrower.terminatedOn = nil
            #expect(try await store.recordExternal(contracts: [narrower], congressRecords: []) == UpsertCounts(added: 0, updated: 1))
            #expect(try await store.externalContracts() == [enterpriseContract, narrower])

            // Issue 12 item 8: the same rows again are unchanged; the same enterprises in another order are not
            #expect(try await store.recordExternal(contracts: [enterpriseContract, narrower], congressRecords: [])
                == UpsertCounts(added: 0, updated: 0, unchanged: 2))
            var reordered = regionalContract
            reordered.enterprises = [codes[1], codes[3], codes[2]]
            #expect(try await store.recordExternal(contracts: [regionalContract, reordered, enterpriseContract], congressRecords: [])
                == UpsertCounts(added: 0, updated: 1, unchanged: 1), "an id given twice: the last one wins, and is compared")
            #expect(try await store.externalContracts() == [enterpriseContract, reordered])
        }
    }

    static func externalAllOrNothing(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            try await store.recordExternal(contracts: [enterpriseContract], congressRecords: [])
            var twice = regionalContract
            twice.enterprises = [codes[1], codes[1]]
            var changed = enterpriseContract
            changed.title = "改了"
            let record = ExternalCongressRecord(recordID: "CR-1", heldOn: Day("2025-01-10")!, enterprises: [codes[0]], quorumMet: true)
            await #expect(throws: StoreError.self) {
                try await store.recordExternal(contracts: [changed, twice], congressRecords: [record])
            }
            #expect(try await store.externalContracts() == [enterpriseContract])
            #expect(try await store.congressSessions().isEmpty)
        }
    }

    static func contractIndex(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            let inForce = try Samples.enterprise(id: "ENT-IN-FORCE")
            try await inForce.record(in: store)
            var copy = CoverageContract(record: inForce.summary.contract!)!
            copy.expiresOn = copy.expiresOn.adding(days: 365)
            try await store.recordExternal(contracts: [copy, enterpriseContract], congressRecords: [])

            let index = try await store.coverageContracts()
            #expect(index == [CoverageContract(record: inForce.summary.contract!)!, enterpriseContract])
            #expect(try await store.externalContracts().count == 2, "the imported copy is kept, only not counted")
        }
    }

    static func congressSessions(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            // The sample's first congress misses its quorum (41 of 65); the reconvened one votes.
            try await Samples.enterprise(id: "ENT-CONGRESS").record(in: store)
            try await Samples.inTalks(id: "ENT-NO-CONGRESS-YET").record(in: store)
            let precision = SampleNegotiations.precisionWorks.creditCode
            #expect(try await store.congressSessions() == [CoverageCongressSession(enterprise: precision, heldOn: Day("2025-04-29")!)])

            let met = ExternalCongressRecord(recordID: "CR-2024-1", heldOn: Day("2024-11-20")!, enterprises: [codes[0], codes[1]], quorumMet: true)
            let missed = ExternalCongressRecord(recordID: "CR-2024-2", heldOn: Day("2024-12-01")!, enterprises: [codes[2]], quorumMet: false)
            try await store.recordExternal(contracts: [], congressRecords: [met, missed])
            #expect(Set(try await store.congressSessions()) == [
                CoverageCongressSession(enterprise: precision, heldOn: Day("2025-04-29")!),
                CoverageCongressSession(enterprise: codes[0], heldOn: Day("2024-11-20")!),
                CoverageCongressSession(enterprise: codes[1], heldOn: Day("2024-11-20")!),
            ])

            // A record imported again, corrected to a missed quorum, no longer counts
            var corrected = met
            corrected.quorumMet = false
            try await store.recordExternal(contracts: [], congressRecords: [corrected])
            #expect(try await store.congressSessions() == [CoverageCongressSession(enterprise: precision, heldOn: Day("2025-04-29")!)])
        }
    }

    static func dryRun(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            try await store.upsertRegistry([enterprise(0)])
            try await store.recordExternal(contracts: [enterpriseContract], congressRecords: [])
            let session = CoverageCongressSession(enterprise: codes[0], heldOn: Day("2025-03-02")!)
            var renamed = enterprise(0)
            renamed.name = "改名"
            #expect(try await store.upsertRegistry([renamed, enterprise(1), enterprise(2)], dryRun: true)
                == UpsertCounts(added: 2, updated: 1, unchanged: 0))
            #expect(try await store.recordExternal(contracts: [enterpriseContract, regionalContract], congressRecords: [], dryRun: true)
                == UpsertCounts(added: 1, updated: 0, unchanged: 1))
            #expect(try await store.recordCongressSessions([session], dryRun: true) == UpsertCounts(added: 1, updated: 0, unchanged: 0))
            #expect(try await store.registry() == [enterprise(0)], "nothing stored")
            #expect(try await store.externalContracts() == [enterpriseContract])
            #expect(try await store.congressSessions().isEmpty)
            // A dry run that fails fails as the import would
            var twice = regionalContract
            twice.enterprises = [codes[1], codes[1]]
            await #expect(throws: StoreError.self) {
                try await store.recordExternal(contracts: [twice], congressRecords: [], dryRun: true)
            }
            // And the real import gives the counts the dry run did
            #expect(try await store.upsertRegistry([renamed, enterprise(1), enterprise(2)]) == UpsertCounts(added: 2, updated: 1, unchanged: 0))
            #expect(try await store.recordCongressSessions([session]) == UpsertCounts(added: 1, updated: 0, unchanged: 0))
        }
    }

    static func ledgerSessions(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            let first = CoverageCongressSession(enterprise: codes[0], heldOn: Day("2025-03-02")!)
            let second = CoverageCongressSession(enterprise: codes[1], heldOn: Day("2025-04-18")!)
            let earlier = CoverageCongressSession(enterprise: codes[0], heldOn: Day("2024-03-01")!)
            #expect(try await store.recordCongressSessions([first, second, first]) == UpsertCounts(added: 2, updated: 0, unchanged: 0),
                    "a session given twice is written once")
            #expect(try await store.recordCongressSessions([first, second, earlier]) == UpsertCounts(added: 1, updated: 0, unchanged: 2))
            // A congress record imported as XML for the same enterprise and day is a separate record
            let record = ExternalCongressRecord(recordID: "CR-1", heldOn: Day("2025-03-02")!, enterprises: [codes[0]], quorumMet: true)
            try await store.recordExternal(contracts: [], congressRecords: [record])
            #expect(try await store.congressSessions().sorted { ($0.enterprise.description, $0.heldOn) < ($1.enterprise.description, $1.heldOn) }
                == [first, first, earlier, second].sorted { ($0.enterprise.description, $0.heldOn) < ($1.enterprise.description, $1.heldOn) })
            #expect(try await store.recordCongressSessions([]) == UpsertCounts(added: 0, updated: 0, unchanged: 0))
        }
    }

    /// The enterprise sample in force, its renewal asked for 50 days before expiry (S1 art 38)
    /// and, with `withdrawnAfter`, withdrawn that many days later: the two histories.
    static func renewal(withdrawnAfter days: Int? = nil) throws -> (old: History, new: History) {
        var old = try Samples.enterprise(id: "ENT-OLD")
        let asked = old.state.expiresOn!.adding(days: -50)
        let decision = try old.engine.decide(old.state, Action(.requestRenewal, ["renewal": .text("ENT-NEW")]),
                                             by: SampleNegotiations.unionChair, on: asked).get()
        let opens = try #require(decision.opens)
        old.decisions.append((decision.events, old.state.version, decision.state))
        old.state = decision.state
        var new = History(engine: old.engine, opening: opens.events, state: opens.state)
        if let days { try new.decide(Action(.withdraw, ["reason": .text("双方同意不再续订")]), by: SampleNegotiations.unionChair, on: asked.adding(days: days)) }
        return (old, new)
    }

    static func openRenewals(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            let (old, new) = try renewal(withdrawnAfter: 20)
            let asked = try #require(new.opening.first?.on)
            try await Samples.inTalks(id: "ENT-OTHER").record(in: store)
            // Given the old negotiation in force, before its renewal
            try await Samples.enterprise(id: "ENT-OLD").record(in: store)
            #expect(try await store.openRenewals(asOf: asked).isEmpty)

            // When the renewal is asked for, both negotiations written in one commit
            try await store.commit([
                NegotiationWrite(Array(old.decisions.last!.events), after: old.decisions.last!.expectedVersion, summary: old.summary),
                NegotiationWrite(new.opening, after: 0, summary: new.openingSummary),
            ])
            let open = OpenRenewal(negotiationID: "ENT-NEW", renews: "ENT-OLD", enterprises: [SampleNegotiations.precisionWorks.creditCode])
            #expect(try await store.openRenewals(asOf: asked) == [open])
            #expect(try await store.openRenewals(asOf: asked.adding(days: -1)).isEmpty, "not open before it was opened")
            #expect(try await store.list(NegotiationQuery()).first { $0.id == "ENT-NEW" }?.renews == "ENT-OLD")

            // And withdrawn 20 days later: open until the day before, not from that day on
            let withdrawal = try #require(new.decisions.first)
            try await store.commit([NegotiationWrite(withdrawal.events, after: withdrawal.expectedVersion, summary: new.summary)])
            let withdrawn = asked.adding(days: 20)
            #expect(try await store.list(NegotiationQuery()).first { $0.id == "ENT-NEW" }?.endedOn == withdrawn)
            #expect(try await store.openRenewals(asOf: withdrawn.adding(days: -1)) == [open])
            #expect(try await store.openRenewals(asOf: withdrawn).isEmpty)
        }
    }

    static func ledger(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            #expect(try await store.reminderLedger().entries.isEmpty)
            let first = [ReminderLedger.Entry(enterprise: codes[1], sentOn: Day("2025-12-01")!, rung: ReminderLetter.rung),
                         ReminderLedger.Entry(enterprise: codes[0], sentOn: Day("2025-12-01")!, rung: ReminderLetter.rung)]
            try await store.recordReminders(first)
            let later = ReminderLedger.Entry(enterprise: codes[1], sentOn: Day("2025-12-02")!, rung: ReminderLetter.rung)
            try await store.recordReminders([first[0], later])
            #expect(try await store.reminderLedger().entries == [first[1], first[0], later], "by day, then credit code")
        }
    }

    static func migratesV1(_ subject: StoreUnderTest) async throws {
        // Given a store of schema 1 holding negotiations (v1's tables are frozen: a current store
        // without v2's tables and with its version set back is exactly what bargain 0.2 wrote)
        let histories = [try Samples.enterprise(id: "ENT-V1"), try Samples.inTalks(id: "ENT-V1-TALKS")]
        let store = try await subject.open()
        for history in histories { try await history.record(in: store) }
        await store.close()
        try await subject.execute(subject.backend == "SQLite" ? """
            DROP TABLE registry_enterprises; DROP TABLE external_contract_enterprises; DROP TABLE external_contracts;
            DROP TABLE external_congress_sessions; DROP TABLE reminder_ledger; DROP TABLE archived_documents;
            DROP TABLE audit_log; DROP TABLE access_tokens; DROP TABLE accounts; DROP TABLE requests;
            DROP INDEX negotiations_renews; ALTER TABLE negotiations DROP COLUMN renews; ALTER TABLE negotiations DROP COLUMN ended_on;
            DELETE FROM grdb_migrations WHERE identifier IN ('v2', 'v3', 'v4', 'v5', 'v6');
            UPDATE bargain_meta SET value = '1' WHERE key = 'schema_version'; PRAGMA user_version = 1;
            """ : """
            DROP TABLE registry_enterprises, external_contract_enterprises, external_contracts, external_congress_sessions, reminder_ledger,
                archived_documents, audit_log, access_tokens, accounts, requests;
            ALTER TABLE negotiations DROP COLUMN renews, DROP COLUMN ended_on;
            UPDATE bargain_meta SET value = '1' WHERE key = 'schema_version';
            """)

        // When a current bargain opens it
        try await subject.withCoverage { store in
            // Then its negotiations are all there, chains intact, and the coverage tables work
            #expect(try await store.list(NegotiationQuery()) == histories.map(\.summary))
            for history in histories { #expect(try await store.load(history.id).map(\.event) == history.events) }
            #expect(try await store.verify(nil).isIntact)
            try await store.upsertRegistry([enterprise(0)])
            #expect(try await store.registry() == [enterprise(0)])
            #expect(try await store.congressSessions().count == 1, "sessions come from the events v1 already holds")
            try await subject.assertCurrentSchema()
        }
    }

    static func migratesV4(_ subject: StoreUnderTest) async throws {
        // Given a store of schema 4 holding a renewal that was withdrawn and one still open
        let (old, withdrawn) = try renewal(withdrawnAfter: 20)
        var second = try Samples.enterprise(id: "ENT-OLD-2")
        let asked = second.state.expiresOn!.adding(days: -50)
        let decision = try second.engine.decide(second.state, Action(.requestRenewal, ["renewal": .text("ENT-NEW-2")]),
                                                by: SampleNegotiations.unionChair, on: asked).get()
        second.decisions.append((decision.events, second.state.version, decision.state))
        second.state = decision.state
        let open = History(engine: second.engine, opening: try #require(decision.opens).events, state: try #require(decision.opens).state)
        let histories = [old, withdrawn, second, open]
        let store = try await subject.open()
        for history in histories { try await history.record(in: store) }
        await store.close()
        try await subject.execute(subject.backend == "SQLite" ? """
            DROP INDEX negotiations_renews; ALTER TABLE negotiations DROP COLUMN renews; ALTER TABLE negotiations DROP COLUMN ended_on;
            DROP TABLE requests; DELETE FROM grdb_migrations WHERE identifier IN ('v5', 'v6');
            UPDATE bargain_meta SET value = '4' WHERE key = 'schema_version'; PRAGMA user_version = 4;
            """ : """
            ALTER TABLE negotiations DROP COLUMN renews, DROP COLUMN ended_on; DROP TABLE requests;
            UPDATE bargain_meta SET value = '4' WHERE key = 'schema_version';
            """)

        // When a current bargain opens it
        try await subject.withCoverage { store in
            // Then the projection is what the write plan writes, and the open renewal is found
            #expect(try await store.list(NegotiationQuery()) == histories.map(\.summary).sorted { $0.id < $1.id })
            #expect(try await store.openRenewals(asOf: asked).map(\.negotiationID) == ["ENT-NEW", "ENT-NEW-2"])
            #expect(try await store.openRenewals(asOf: asked.adding(days: 20)).map(\.negotiationID) == ["ENT-NEW-2"])
            try await subject.assertCurrentSchema()
        }
    }
}

extension StoreUnderTest {
    /// ``with(_:)`` for the coverage side of the store.
    func withCoverage<T>(_ body: (any CoverageStore) async throws -> T) async throws -> T {
        try await with { store in
            let coverage = try #require(store as? any CoverageStore, "\(backend) keeps coverage data")
            return try await body(coverage)
        }
    }
}

extension StoreUnderTest {
    /// The version is recorded twice in SQLite (bargain_meta and the header's user_version) and
    /// once in PostgreSQL; all must say the store's current version (each store has its own
    /// migrations: PostgreSQL's v7 adds the append-only trigger SQLite cannot enforce).
    func assertCurrentSchema() async throws {
        if backend == "SQLite" {
            let version = SQLiteSchema.version
            let queue = try DatabaseQueue(path: location)
            let (meta, user) = try await queue.read { db in
                (try String.fetchOne(db, sql: "SELECT value FROM bargain_meta WHERE key = 'schema_version'"),
                 try Int.fetchOne(db, sql: "PRAGMA user_version"))
            }
            try queue.close()
            #expect(meta == String(version))
            #expect(user == version)
        } else {
            try await execute("""
                DO $$ BEGIN
                IF (SELECT value FROM bargain_meta WHERE key = 'schema_version') <> '\(PostgresSchema.version)' THEN
                    RAISE EXCEPTION 'schema_version is not \(PostgresSchema.version)';
                END IF;
                END $$
                """)
        }
    }
}
