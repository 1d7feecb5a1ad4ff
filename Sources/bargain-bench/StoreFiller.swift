import Bargaining
import BargainingService
import BargainingStore
import Foundation

/// `bargain-bench --fill-store FILE --negotiations N`: a SQLite store holding N filed
/// negotiations, for the OAI-PMH harvest (scripts/oai-harvest). Each is the enterprise sample
/// under its own id (`OAI-00001`…), taken from opening to publication through the library's
/// service, the way every front end records acts: no row is written around it. Prints the
/// wall-clock rate, so the fixture's cost is measured where it is made.
enum StoreFiller {
    static func fill(path: String, workflows: String, negotiations: Int, tasks: Int = 8) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreBenchmarkError(description: "\(path) exists; the store is filled from empty")
        }
        let store = try SQLiteEventStore(path: path)
        let catalog = WorkflowCatalog(path: workflows)
        var service = LocalNegotiationService(store: store, workflows: catalog)
        // As the server runs it: negotiations kept between acts, so an act folds only what is new.
        service.memory = NegotiationMemory()
        let workflow = try catalog.engine(for: .enterprise).workflow.reference
        let start = Date()
        try await withThrowingTaskGroup(of: Void.self) { [service] group in
            for task in 0..<tasks {
                group.addTask {
                    for number in stride(from: task + 1, through: negotiations, by: tasks) {
                        let script = SampleNegotiations.enterprise(id: String(format: "OAI-%05d", number), workflow: workflow)
                        _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil)
                        for act in script.acts {
                            _ = try await service.act(act.action, on: script.opening.id, by: act.actor, on: act.on, requestID: nil)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = Date().timeIntervalSince(start)
        let acts = SampleNegotiations.enterprise(workflow: workflow).acts.count + 1
        await store.close()
        print(String(format: "fill-store: %d filed negotiations (%d decisions) in %.1f s, %.0f decisions/s, wall-clock",
                     negotiations, negotiations * acts, seconds, Double(negotiations * acts) / seconds))
    }
}
