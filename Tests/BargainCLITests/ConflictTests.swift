@testable import bargain
import Bargaining
import BargainingStore
import Foundation
import Testing

/// Two writers on one negotiation: the loser reads what the winner recorded and decides again,
/// three times in all, then reports the conflict with its documented status.
@Suite("Conflicts between writers")
struct ConflictTests {
    @Test("concurrent `bargain do` on one negotiation: each act is recorded or reported as a conflict (75); nothing lost, the chain verifies")
    func concurrentProcesses() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-RACE")
        try store.play(id, until: "talks")
        let before = try store.version(of: id)
        let writers = 8
        let directory = try TemporaryDirectory()
        let processes = try (0..<writers).map { number in
            try BargainBinary.launch(["do", id, "request-information", "--set", "items=资料\(number)", "--as", "employee-side:王芳",
                                      "--on", "2025-03-14"], environment: store.environment, in: Repository.root) { process in
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle(forWritingAtPath: try! directory.write("stderr-\(number)", ""))
            }
        }
        for process in processes { process.waitUntilExit() }
        let statuses = processes.map(\.terminationStatus)
        #expect(statuses.allSatisfy { $0 == 0 || $0 == 75 }, "\(statuses)")
        let recorded = statuses.filter { $0 == 0 }.count
        #expect(recorded >= 1)
        #expect(try store.version(of: id) == before + recorded)
        #expect(try store.run(["verify", id]).status == 0)
        for (number, status) in statuses.enumerated() where status == 75 {
            let message = try String(contentsOf: directory.url.appendingPathComponent("stderr-\(number)"), encoding: .utf8)
            #expect(message.hasPrefix("error: conflict: negotiation ENT-RACE is at version"))
        }
    }

    @Test("a writer that loses the race decides again on the winner's events, up to three attempts")
    func retries() async throws {
        let directory = try WorkflowDirectory.load(Repository.workflows.path)
        let engine = directory.engine(for: .enterprise)
        let script = SampleNegotiations.enterprise(id: "ENT-R", workflow: engine.workflow.reference)
        let opened = try engine.open(script.opening, by: script.openedBy, on: script.openedOn).get()
        let notice = try engine.decide(opened.state, script.acts[0].action, by: script.acts[0].actor, on: script.acts[0].on).get()

        // Another writer recorded the notice between our read and our append, twice.
        let racing = RacingStore(events: opened.events, interloper: notice.events, conflicts: 2)
        let book = StoreBook(store: racing, directory: directory)
        let refusal = await #expect(throws: RuleViolation.self) {
            _ = try await book.act(script.acts[0].action, on: "ENT-R", by: script.acts[0].actor, on: script.acts[0].on)
        }
        #expect(refusal?.code == .notAllowedNow, "decided again on the new state, where a second notice is not allowed")

        let accept = script.acts[1]
        let stubborn = RacingStore(events: opened.events + notice.events, interloper: [], conflicts: 3)
        await #expect(throws: StoreError.self) {
            _ = try await StoreBook(store: stubborn, directory: directory).act(accept.action, on: "ENT-R", by: accept.actor, on: accept.on)
        }
        #expect(await stubborn.appends == 3)
        #expect(explain(StoreError.conflict(id: "ENT-R", expected: 2, actual: 3)).1 == ExitCodes.conflict)

        let yielding = RacingStore(events: opened.events + notice.events, interloper: [], conflicts: 2)
        let decision = try await StoreBook(store: yielding, directory: directory).act(accept.action, on: "ENT-R", by: accept.actor, on: accept.on)
        #expect(decision.state.version == 3)
        #expect(await yielding.appends == 3)
    }

    @Test("store errors map to their documented statuses")
    func statuses() {
        #expect(exitCode(for: .conflict(id: "x", expected: 1, actual: 2)) == ExitCodes.conflict)
        #expect(exitCode(for: .notFound(id: "x")) == ExitCodes.notFound)
        #expect(exitCode(for: .alreadyExists(id: "x")) == ExitCodes.usage)
        #expect(exitCode(for: .unavailable(reason: "r", hint: "h")) == ExitCodes.storeUnavailable)
        #expect(exitCode(for: .incompatible(reason: "r")) == ExitCodes.storeUnavailable)
        #expect(exitCode(for: .corrupt(reason: "r")) == ExitCodes.storeUnavailable)
    }
}

/// A store whose appends lose a race `conflicts` times: the first time, `interloper`'s events
/// appear as another writer's; every lost append is reported as a conflict.
actor RacingStore: EventStore {
    private var events: [Event]
    private var interloper: [Event]
    private var conflicts: Int
    private(set) var appends = 0

    init(events: [Event], interloper: [Event], conflicts: Int) {
        self.events = events
        self.interloper = interloper
        self.conflicts = conflicts
    }

    func create(_ events: [Event], summary: NegotiationSummary) async throws(StoreError) { self.events = events }

    func append(_ new: [Event], to id: String, expectedVersion: Int, summary: NegotiationSummary) async throws(StoreError) {
        appends += 1
        if conflicts > 0 {
            conflicts -= 1
            events += interloper
            interloper = []
            throw .conflict(id: id, expected: expectedVersion, actual: events.count)
        }
        guard expectedVersion == events.count else { throw .conflict(id: id, expected: expectedVersion, actual: events.count) }
        events += new
    }

    func load(_ id: String, after version: Int) async throws(StoreError) -> [StoredEvent] {
        events.dropFirst(version).map { StoredEvent(event: $0, recordedAt: "", hash: "") }
    }

    func list(_ query: NegotiationQuery) async throws(StoreError) -> [NegotiationSummary] { [] }
    func verify(_ id: String?) async throws(StoreError) -> VerificationReport {
        throw .unavailable(reason: "not part of this test", hint: "")
    }
    func contractRecords() async throws(StoreError) -> [ContractRecord] { [] }
    func close() async {}
}
