import Bargaining
import BargainingService
import BargainingStore
import Foundation

/// `acts`: one act per idempotency key, each as `bargain do` runs it (open the store, act
/// through the service under the key, close), so that a fault anywhere (opening included) hits
/// a whole command. Prints one line per act, as soon as it ends:
///
///     recorded|replayed|not-recorded|unknown <key> <milliseconds> [reason]
///
/// `replayed` is an act whose key was already recorded (a retry of an unknown outcome). Nothing
/// in here retries: the test decides what to do with each outcome.
struct FaultWriter {
    let options: StressOptions
    let workflows: WorkflowCatalog
    let actor = Actor(.employeeSide, "王芳")

    func run() async -> Int32 {
        for key in options.keys {
            let start = ContinuousClock.now
            let outcome = await act(key)
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            say("\(outcome.word) \(key) \(milliseconds)" + (outcome.reason.map { " " + $0.oneLine } ?? ""))
        }
        return 0
    }

    func act(_ key: String) async -> (word: String, reason: String?) {
        let store: any EventStore
        do { store = try await openStore(StoreLocation(options.store)) } catch {
            return ("not-recorded", "open: \(error)")
        }
        do {
            let service = LocalNegotiationService(store: store, workflows: workflows)
            let day = try await service.negotiation(options.negotiation).state.lastDay
            let recorded = try await service.act(Action(.requestInformation, ["items": .list([key])]), on: options.negotiation,
                                                 by: actor, on: day, requestID: key)
            await store.close()
            return (recorded.replayed ? "replayed" : "recorded", nil)
        } catch StoreError.outcomeUnknown(let reason) {
            await store.close()
            return ("unknown", reason)
        } catch {
            await store.close()
            return ("not-recorded", "\(error)")
        }
    }
}

extension String {
    /// On one line, so that each outcome stays one line of output.
    var oneLine: String { split(whereSeparator: \.isNewline).joined(separator: " ") }
}
