import Bargaining
import BargainingStore
import Foundation

/// Records decisions the way the CLI does: load, decide with the engine, append at the
/// version decided against, and on a conflict catch up and decide again.
struct StressWriter {
    /// Tries for one decision before giving up with exit code 75.
    static let conflictLimit = 10_000

    let options: StressOptions
    let actor = Actor(.employeeSide, "王芳")

    init(_ options: StressOptions) { self.options = options }

    func run() async -> Int32 {
        let engine: Engine
        let store: any EventStore
        do {
            engine = try WorkflowDirectory.load(options.workflows).engine(for: .enterprise)
            store = try await openStore(StoreLocation(options.store))
        } catch {
            return fail(69, "\(error)")
        }
        let code: Int32
        do {
            var events = try await store.load(options.negotiation).map(\.event)
            let state = try engine.fold(events)
            switch options.mode {
            case .write: code = try await write(store, engine, events: &events, state: state)
            case .crash: code = try await crash(store, engine, state: state)
            }
        } catch let error as RuleViolation {
            code = fail(65, "the negotiation cannot take the decision: \(error)")
        } catch {
            code = fail(69, "\(error)")
        }
        await store.close()
        return code
    }

    func write(_ store: any EventStore, _ engine: Engine, events: inout [Event], state: NegotiationState) async throws -> Int32 {
        var state = state
        var conflicts = 0
        for number in 1...options.decisions {
            var tries = 0
            while true {
                let decision = try decide(engine, state, items: ["\(options.writer)-\(number)"])
                let lost: (expected: Int, actual: Int)
                do {
                    try await store.append(decision.events, to: options.negotiation, expectedVersion: state.version,
                                           summary: NegotiationSummary(decision.state, engine: engine))
                    events += decision.events
                    state = decision.state
                    break
                } catch {
                    guard case .conflict(_, let expected, let actual) = error else { throw error }
                    lost = (expected, actual)
                }
                conflicts += 1
                tries += 1
                say("conflict \(options.writer) \(number) expected \(lost.expected) actual \(lost.actual)")
                if tries >= Self.conflictLimit { return fail(75, "decision \(number) lost the race \(tries) times in a row") }
                let missed = try await store.load(options.negotiation, after: state.version).map(\.event)
                events += missed
                state = try catchUp(engine, state, with: missed) ?? engine.fold(events)
            }
        }
        say("done \(options.writer) decisions \(options.decisions) conflicts \(conflicts)")
        return 0
    }

    func crash(_ store: any EventStore, _ engine: Engine, state: NegotiationState) async throws -> Int32 {
        var state = state
        say("ready \(state.version)")
        while true {
            let token = "d\(state.version + 1)"
            var next = state
            var events: [Event] = []
            for part in 1...options.eventsPerDecision {
                let decision = try decide(engine, next, items: [token, "part-\(part)-of-\(options.eventsPerDecision)"])
                next = decision.state
                events += decision.events
            }
            try await store.append(events, to: options.negotiation, expectedVersion: state.version,
                                   summary: NegotiationSummary(next, engine: engine))
            state = next
            say("committed \(state.version)")
        }
    }

    /// The state after the events another writer recorded, by deciding their acts again: a
    /// fraction of the cost of folding a history of thousands, which every lost race would
    /// otherwise pay. Nil (fold from the start) unless the engine reproduces each event exactly.
    func catchUp(_ engine: Engine, _ state: NegotiationState, with missed: [Event]) -> NegotiationState? {
        var state = state
        for event in missed {
            guard let kind = event.action,
                  case .success(let decision) = engine.decide(state, Action(kind, event.fields), by: event.actor, on: event.on),
                  decision.events == [event] else { return nil }
            state = decision.state
        }
        return state
    }

    func decide(_ engine: Engine, _ state: NegotiationState, items: [String]) throws -> Decision {
        try engine.decide(state, Action(.requestInformation, ["items": .list(items)]), by: actor, on: state.lastDay).get()
    }

    /// Straight to the file descriptor, unbuffered: a line printed is a line the test can read,
    /// even after SIGKILL.
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func fail(_ code: Int32, _ message: String) -> Int32 {
        FileHandle.standardError.write(Data("bargain-store-stress: \(message)\n".utf8))
        return code
    }
}
