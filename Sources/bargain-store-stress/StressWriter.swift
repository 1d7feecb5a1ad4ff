import Bargaining
import BargainingFiles
import BargainingService
import BargainingStore
import Foundation

/// Records decisions through the same ``LocalNegotiationService`` the CLI uses: it decides,
/// commits at the version decided against, and on a conflict catches up and decides again.
struct StressWriter {
    /// Tries for one decision before giving up with exit code 75.
    static let conflictLimit = 10_000

    let options: StressOptions
    let actor = Actor(.employeeSide, "王芳")

    init(_ options: StressOptions) { self.options = options }

    func run() async -> Int32 {
        let directory: WorkflowDirectory
        let store: any EventStore
        do {
            directory = try WorkflowDirectory.load(options.workflows)
            // Each act opens the store itself, so that faults hit the opening too.
            if options.mode == .acts { return await FaultWriter(options: options, workflows: WorkflowCatalog(directory)).run() }
            store = try await openStore(StoreLocation(options.store))
        } catch {
            return fail(69, "\(error)")
        }
        let code: Int32
        do {
            switch options.mode {
            case .write: code = try await write(store, directory)
            case .renew: code = try await renew(store, directory)
            case .acts: preconditionFailure("acts opens the store per act")
            }
        } catch let error as RuleViolation {
            code = fail(65, "the negotiation cannot take the decision: \(error)")
        } catch StoreError.conflict {
            code = fail(75, "a decision lost the race \(Self.conflictLimit) times in a row")
        } catch {
            code = fail(69, "\(error)")
        }
        await store.close()
        return code
    }

    /// Each decision a `request-information` naming "<writer>-<n>", recorded by the service as a
    /// long-running writer uses it: the negotiation kept between acts, every lost race printed
    /// as it happens.
    func write(_ store: any EventStore, _ directory: WorkflowDirectory) async throws -> Int32 {
        var service = LocalNegotiationService(store: store, workflows: WorkflowCatalog(directory))
        if !options.serviceRetries { service.attempts = Self.conflictLimit }
        service.memory = NegotiationMemory()
        let day = try await service.negotiation(options.negotiation).state.lastDay
        let conflicts = Tally(), givenUp = Tally()
        for number in 1...options.decisions {
            let writer = options.writer
            service.onConflict = { _, expected, actual in
                conflicts.add()
                say("conflict \(writer) \(number) expected \(expected) actual \(actual)")
            }
            do {
                _ = try await service.act(Action(.requestInformation, ["items": .list(["\(writer)-\(number)"])]), on: options.negotiation,
                                          by: actor, on: day, requestID: nil)
            } catch StoreError.conflict where options.serviceRetries {
                givenUp.add()
                say("gave-up \(writer) \(number)")
            }
        }
        say("done \(options.writer) decisions \(options.decisions) conflicts \(conflicts.count)"
            + (options.serviceRetries ? " gave-up \(givenUp.count)" : ""))
        return 0
    }

    /// Renews, one after another in id order, every negotiation whose id starts with
    /// `--negotiation` and that can still be renewed, through the service: each renewal of
    /// `<id>` opens `<id>-R` in the same commit. Prints `renewed <id>` after each commit, and
    /// `exhausted` when none is left; then waits to be killed. `ready` comes once the list is
    /// read, just before the first renewal.
    func renew(_ store: any EventStore, _ directory: WorkflowDirectory) async throws -> Int32 {
        let service = LocalNegotiationService(store: store, workflows: WorkflowCatalog(directory))
        // The steps renewal may be asked from: a renewed negotiation has left them, so a writer
        // started after another was killed does not go through the renewed ones again.
        let workflow = directory.engine(for: .enterprise).workflow
        let renewable = Set(workflow.steps.indices.filter { step in workflow.actions(from: step).contains { $0.kind == .requestRenewal } }
            .map { workflow.steps[$0].name })
        let ids = try await service.list(NegotiationQuery(), asOf: options.day).filter { $0.id.hasPrefix(options.negotiation) && renewable.contains($0.step) }.map(\.id)
        say("ready")
        for id in ids {
            _ = try await service.act(Action(.requestRenewal, ["renewal": .text(id + "-R")]), on: id, by: actor, on: options.day, requestID: nil)
            say("renewed \(id)")
        }
        say("exhausted")
        while true { try await Task.sleep(for: .seconds(60)) }
    }

    func fail(_ code: Int32, _ message: String) -> Int32 {
        FileHandle.standardError.write(Data("bargain-store-stress: \(message)\n".utf8))
        return code
    }
}

/// Straight to the file descriptor, unbuffered: a line printed is a line the test can read, even
/// after SIGKILL.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// A count the service's conflict callback adds to.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add() {
        lock.lock()
        value += 1
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
