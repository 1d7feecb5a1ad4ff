import Bargaining
import BargainingFiles
@testable import BargainingService
import BargainingStore
import Foundation
import Testing
import TestSupport

/// The server keeps the negotiations it reads (``NegotiationMemory``) so the seat check and the
/// act read the store once; what it decides on must still be what is stored, and a city's
/// server must not keep every negotiation it ever read.
@Suite("Negotiations kept in memory by a long-running caller")
struct NegotiationMemoryTests {
    @Test("a read through memory sees what another writer recorded since; memory holds at most its capacity")
    func caughtUpAndBounded() async throws {
        let directory = TemporaryDirectory()
        let store = try SQLiteEventStore(path: directory.url.appendingPathComponent("memory.sqlite").path)
        let catalog = WorkflowCatalog(try WorkflowDirectory.load(Repository.workflows.path))
        let workflow = try catalog.engine(for: .enterprise).workflow.reference
        var remembering = LocalNegotiationService(store: store, workflows: catalog)
        let memory = NegotiationMemory(capacity: 4)
        remembering.memory = memory
        let other = LocalNegotiationService(store: store, workflows: catalog)
        let scripts = (1...6).map { SampleNegotiations.enterprise(id: "ENT-M\($0)", workflow: workflow) }
        for script in scripts { _ = try await other.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil) }

        #expect(try await remembering.negotiation("ENT-M1").state.version == 1)
        let notice = scripts[0].acts[0]
        _ = try await other.act(notice.action, on: "ENT-M1", by: notice.actor, on: notice.on, requestID: nil)
        #expect(try await remembering.negotiation("ENT-M1").state.version == 2, "caught up with the other writer's act")

        for script in scripts { _ = try await remembering.negotiation(script.opening.id) }
        #expect(memory.count <= 4)
        #expect(memory.recall("ENT-M6") != nil, "the most recently read is kept")
        await store.close()
    }
}
