@testable import bargain
import Bargaining
import BargainingFiles
import BargainingService
import BargainingStore
import Foundation
import Testing
import TestSupport

/// Idempotency keys (issue 18 item 2): an act repeated under its request id is recorded once and
/// answered with its first outcome, in the service and through `bargain do --request-id`.
@Suite("Request ids: an act repeated under its key is recorded once")
struct RequestIDTests {
    @Test("an answer lost after the commit (outcome unknown): the retry under the same key returns the first outcome, recorded once")
    func lostAnswer() async throws {
        let (directory, script) = try Self.sample("ENT-K")
        let inner = InMemoryEventStore()
        let store = AnswerLosingStore(inner)
        let service = LocalNegotiationService(store: store, workflows: WorkflowCatalog(directory))
        _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: "open-K")
        let act = script.acts[0]

        // Given an act whose commit succeeded but whose answer was lost
        await store.loseNextAnswer()
        let error = await #expect(throws: StoreError.self) {
            _ = try await service.act(act.action, on: "ENT-K", by: act.actor, on: act.on, requestID: "act-1")
        }
        guard case .outcomeUnknown = error else { Issue.record("expected an unknown outcome, got \(String(describing: error))"); return }
        let version = try await inner.load("ENT-K").count

        // When it is sent again under its key
        let again = try await service.act(act.action, on: "ENT-K", by: act.actor, on: act.on, requestID: "act-1")

        // Then the first outcome comes back, and nothing more is recorded
        #expect(again.replayed)
        #expect(again.negotiation.state.version == version)
        #expect(Array(again.events) == Array(try await inner.load("ENT-K").map(\.event).suffix(again.added)))
        #expect(try await inner.load("ENT-K").count == version)
        // A second replay is the same; a new key acts (and here is refused: the notice was already sent)
        #expect(try await service.act(act.action, on: "ENT-K", by: act.actor, on: act.on, requestID: "act-1").replayed)
        await #expect(throws: RuleViolation.self) {
            _ = try await service.act(act.action, on: "ENT-K", by: act.actor, on: act.on, requestID: "act-2")
        }
        // The opening too
        let reopened = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: "open-K")
        #expect(reopened.replayed && reopened.negotiation.id == "ENT-K" && reopened.added == 1)
    }

    @Test("a key reused for a different act, or on another negotiation, is refused and records nothing")
    func reusedKey() async throws {
        let (directory, script) = try Self.sample("ENT-U")
        let store = InMemoryEventStore()
        let service = LocalNegotiationService(store: store, workflows: WorkflowCatalog(directory))
        _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil)
        _ = try await service.act(script.acts[0].action, on: "ENT-U", by: script.acts[0].actor, on: script.acts[0].on, requestID: "k")
        let version = try await store.load("ENT-U").count

        let different = script.acts[1]
        let error = await #expect(throws: RequestReused.self) {
            _ = try await service.act(different.action, on: "ENT-U", by: different.actor, on: different.on, requestID: "k")
        }
        #expect(error?.description.hasPrefix("request id k was already used for an act on ENT-U (its events 2–\(version))") == true)
        await #expect(throws: RequestReused.self) {
            _ = try await service.act(script.acts[0].action, on: "ENT-OTHER", by: script.acts[0].actor, on: script.acts[0].on, requestID: "k")
        }
        #expect(try await store.load("ENT-U").count == version)
    }

    /// The shipped workflows and the enterprise sample negotiation under `id`.
    static func sample(_ id: String) throws -> (WorkflowDirectory, SampleNegotiations.Script) {
        let directory = try WorkflowDirectory.load(Repository.workflows.path)
        return (directory, SampleNegotiations.enterprise(id: id, workflow: directory.engine(for: .enterprise).workflow.reference))
    }

    @Test("`bargain do --request-id`: the repeat says \"already recorded\" and records nothing; a reused key is exit 64; a bad key is refused")
    func command() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-CLI")
        try store.play(id, until: "talks")
        let before = try store.version(of: id)
        let act = ["do", id, "request-information", "--set", "items=工资总额", "--as", "employee-side:王芳", "--on", "2025-03-14"]

        let first = try store.run(act + ["--request-id", "req-1"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("recorded on \(id)"))
        let again = try store.run(act + ["--request-id", "req-1"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("already recorded on \(id) by an earlier run with this request id; nothing new recorded"))
        #expect(try store.version(of: id) == before + 1)

        let reused = try store.run(["do", id, "request-information", "--set", "items=利润", "--as", "employee-side:王芳", "--on", "2025-03-14",
                                    "--request-id", "req-1"])
        #expect(reused.status == 64)
        #expect(reused.stderr.contains("request id req-1 was already used for an act on \(id)"))
        #expect(try store.version(of: id) == before + 1)

        let bad = try store.run(act + ["--request-id", "has space"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--request-id 'has space': use 1 to 128 printable ASCII characters, no spaces"))
    }
}

/// A real store whose next commit succeeds and then throws ``StoreError/outcomeUnknown(reason:)``,
/// as a PostgreSQL connection that closes right after the server committed does.
actor AnswerLosingStore: EventStore {
    let inner: InMemoryEventStore
    private var losesNext = false

    init(_ inner: InMemoryEventStore) { self.inner = inner }

    func loseNextAnswer() { losesNext = true }

    func commit(_ writes: [NegotiationWrite], request: String?) async throws(StoreError) {
        try await inner.commit(writes, request: request)
        if losesNext {
            losesNext = false
            throw .outcomeUnknown(reason: "the connection closed after the commit was sent")
        }
    }

    func recordedRequest(_ id: String) async throws(StoreError) -> RecordedRequest? { await inner.recordedRequest(id) }
    func load(_ id: String, after version: Int) async throws(StoreError) -> [StoredEvent] { try await inner.load(id, after: version) }
    func list(_ query: NegotiationQuery) async throws(StoreError) -> [NegotiationSummary] { await inner.list(query) }
    func verify(_ id: String?) async throws(StoreError) -> VerificationReport { try await inner.verify(id) }
    func chainHeads() async throws(StoreError) -> [ChainHead] { await inner.chainHeads() }
    func contractRecords() async throws(StoreError) -> [ContractRecord] { await inner.contractRecords() }
    func close() async { await inner.close() }
}
