@testable import bargain
import Bargaining
import BargainingFiles
import BargainingService
import BargainingStore
import Foundation
import Testing
import TestSupport

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
        let directory = TemporaryDirectory()
        let processes = try (0..<writers).map { number in
            try BargainBinary.launch(["do", id, "request-information", "--set", "items=资料\(number)", "--as", "employee-side:王芳",
                                      "--on", "2025-03-14"], environment: store.environment, in: Repository.root) { process in
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle(forWritingAtPath: directory.write("stderr-\(number)", ""))
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

    @Test("a writer that loses the race waits, then decides again on the winner's events, up to its attempts")
    func retries() async throws {
        let directory = try WorkflowDirectory.load(Repository.workflows.path)
        let engine = directory.engine(for: .enterprise)
        let script = SampleNegotiations.enterprise(id: "ENT-R", workflow: engine.workflow.reference)
        let opened = try engine.open(script.opening, by: script.openedBy, on: script.openedOn).get()
        let notice = try engine.decide(opened.state, script.acts[0].action, by: script.acts[0].actor, on: script.acts[0].on).get()
        let waits = Waits()
        func service(_ store: RacingStore) -> LocalNegotiationService {
            var service = LocalNegotiationService(store: store, workflows: WorkflowCatalog(directory))
            service.backoff = { conflict in
                waits.add(conflict)
                return LocalNegotiationService.jitteredBackoff(conflict)
            }
            return service
        }

        // Another writer recorded the notice between our read and our commit, twice.
        let racing = RacingStore(events: opened.events, interloper: notice.events, conflicts: 2)
        let refusal = await #expect(throws: RuleViolation.self) {
            _ = try await service(racing).act(script.acts[0].action, on: "ENT-R", by: script.acts[0].actor, on: script.acts[0].on, requestID: nil)
        }
        #expect(refusal?.code == .notAllowedNow, "decided again on the new state, where a second notice is not allowed")

        let accept = script.acts[1]
        let attempts = service(racing).attempts
        let stubborn = RacingStore(events: opened.events + notice.events, interloper: [], conflicts: attempts)
        waits.reset()
        await #expect(throws: StoreError.self) {
            _ = try await service(stubborn).act(accept.action, on: "ENT-R", by: accept.actor, on: accept.on, requestID: nil)
        }
        #expect(await stubborn.commits.count == attempts)
        #expect(waits.conflicts == Array(1..<attempts), "a wait before each new attempt, none after the last")
        #expect(explain(StoreError.conflict(id: "ENT-R", expected: 2, actual: 3)).1 == ExitCodes.conflict)

        let yielding = RacingStore(events: opened.events + notice.events, interloper: [], conflicts: 2)
        let recorded = try await service(yielding).act(accept.action, on: "ENT-R", by: accept.actor, on: accept.on, requestID: nil)
        #expect(recorded.negotiation.state.version == 3)
        #expect(await yielding.commits.count == 3)
    }

    @Test("a renewal is one commit: the request on the old negotiation and the opening of the new one, both or neither")
    func renewalIsOneCommit() async throws {
        let directory = try WorkflowDirectory.load(Repository.workflows.path)
        let engine = directory.engine(for: .enterprise)
        let script = SampleNegotiations.enterprise(id: "ENT-H", workflow: engine.workflow.reference)
        var events = try engine.open(script.opening, by: script.openedBy, on: script.openedOn).get().events
        var state = try engine.fold(events)
        for act in script.acts {
            let decision = try engine.decide(state, act.action, by: act.actor, on: act.on).get()
            events += decision.events
            state = decision.state
        }
        let store = RacingStore(events: events, interloper: [], conflicts: 0, fails: true)
        let service = LocalNegotiationService(store: store, workflows: WorkflowCatalog(directory))
        let error = await #expect(throws: StoreError.self) {
            _ = try await service.act(Action(.requestRenewal, ["renewal": .text("ENT-H2")]), on: "ENT-H", by: SampleNegotiations.unionChair,
                                      on: Day("2026-02-02")!, requestID: nil)
        }
        #expect(explain(error!).1 == ExitCodes.storeUnavailable)
        let commits = await store.commits
        #expect(commits.map { $0.map(\.id) } == [["ENT-H", "ENT-H2"]], "one commit of both negotiations")
        #expect(commits.first?.last?.creates == true)
        #expect(commits.first?.last?.summary.title == "2026年度工资专项集体协商（续订）")
    }

    @Test("the backoff is random, at most 10 ms after the first lost race, doubling to at most 320 ms")
    func backoff() {
        for conflict in 1...10 {
            let cap = Duration.milliseconds(10 << min(conflict - 1, 5))
            let waits = (0..<200).map { _ in LocalNegotiationService.jitteredBackoff(conflict) }
            #expect(waits.allSatisfy { $0 >= .zero && $0 <= cap })
            #expect(Set(waits).count > 5, "jittered, not fixed")
        }
    }

    @Test("store errors map to their documented statuses")
    func statuses() {
        #expect(exitCode(for: .conflict(id: "x", expected: 1, actual: 2)) == ExitCodes.conflict)
        #expect(exitCode(for: .notFound(id: "x")) == ExitCodes.notFound)
        #expect(exitCode(for: .alreadyExists(id: "x")) == ExitCodes.usage)
        #expect(exitCode(for: .unavailable(reason: "r", hint: "h")) == ExitCodes.storeUnavailable)
        #expect(exitCode(for: .incompatible(reason: "r")) == ExitCodes.storeUnavailable)
        #expect(exitCode(for: .corrupt(reason: "r")) == ExitCodes.storeUnavailable)
        #expect(exitCode(for: .outcomeUnknown(reason: "r")) == ExitCodes.outcomeUnknown)
    }
}

/// A store whose commits lose a race `conflicts` times: the first time, `interloper`'s events
/// appear as another writer's; every lost commit is reported as a conflict. With `fails`, every
/// commit fails as a full disk would.
actor RacingStore: EventStore {
    private var events: [Event]
    private var interloper: [Event]
    private var conflicts: Int
    private let fails: Bool
    /// Every commit tried, in order.
    private(set) var commits: [[NegotiationWrite]] = []

    init(events: [Event], interloper: [Event], conflicts: Int, fails: Bool = false) {
        self.events = events
        self.interloper = interloper
        self.conflicts = conflicts
        self.fails = fails
    }

    func commit(_ writes: [NegotiationWrite], request: String?) async throws(StoreError) {
        commits.append(writes)
        if fails { throw .unavailable(reason: "disk full", hint: "free some space") }
        let write = writes[0]
        if conflicts > 0 {
            conflicts -= 1
            events += interloper
            interloper = []
            throw .conflict(id: write.id, expected: write.expectedVersion, actual: events.count)
        }
        guard write.expectedVersion == events.count else { throw .conflict(id: write.id, expected: write.expectedVersion, actual: events.count) }
        events += write.events
    }

    /// One negotiation: any other id is not found.
    func load(_ id: String, after version: Int) async throws(StoreError) -> [StoredEvent] {
        guard case .opened(let opening) = events.first?.body, opening.id == id else { throw .notFound(id: id) }
        return events.dropFirst(version).map { StoredEvent(event: $0, recordedAt: "", hash: "") }
    }

    func list(_ query: NegotiationQuery) async throws(StoreError) -> [NegotiationSummary] { [] }
    func verify(_ id: String?) async throws(StoreError) -> VerificationReport {
        throw .unavailable(reason: "not part of this test", hint: "")
    }
    func chainHeads() async throws(StoreError) -> [ChainHead] {
        throw .unavailable(reason: "not part of this test", hint: "")
    }
    func contractRecords() async throws(StoreError) -> [ContractRecord] { [] }
    func recordedRequest(_ id: String) async throws(StoreError) -> RecordedRequest? { nil }
    func close() async {}
}

/// The lost races a service waited after, in order.
final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []

    func add(_ conflict: Int) { lock.withLock { list.append(conflict) } }
    func reset() { lock.withLock { list = [] } }
    var conflicts: [Int] { lock.withLock { list } }
}
