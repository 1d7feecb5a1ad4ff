import Bargaining
import BargainingFiles
import BargainingStore
import Foundation
import GRDB

/// Store benchmarks, each against a baseline measured in the same run on the same disk:
///
/// - `store.append`: decisions recorded through `SQLiteEventStore.append` (one transaction per
///   decision: version check, hash chain, projection rows) against raw GRDB inserting the same
///   event rows with the same transaction boundaries and `synchronous = FULL`. The ratio is what
///   the store's bookkeeping costs; the goal is at least 0.5 of raw.
/// - `store.load+fold`: loading and folding one negotiation of 50 events from a store of 10,000
///   negotiations (1,000 with `quick`), the work behind every CLI command on a negotiation.
func runStoreBenchmarks(quick: Bool) async throws {
    guard let workflows = WorkflowDirectory.locate() else {
        throw StoreBenchmarkError(description: "no workflows/ directory found: run from the repository or set BARGAIN_WORKFLOWS")
    }
    let engine = try WorkflowDirectory.load(workflows).engine(for: .enterprise)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bargain-bench-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }

    try await StoreBenchmarks(engine: engine, directory: directory).append(decisions: quick ? 300 : 1_000, rounds: quick ? 3 : 7)
    try await StoreBenchmarks(engine: engine, directory: directory).loadAndFold(negotiations: quick ? 1_000 : 10_000, loads: quick ? 50 : 200)
}

struct StoreBenchmarkError: Error, CustomStringConvertible {
    var description: String
}

/// The benchmark bodies; a negotiation in `talks` takes any number of `request-information`
/// decisions, which is what they record.
struct StoreBenchmarks {
    let engine: Engine
    let directory: String

    /// A negotiation opened and brought to `talks` with the sample's first acts.
    func talks(id: String) throws -> (opening: [Event], decisions: [Decision]) {
        let script = SampleNegotiations.enterprise(id: id, workflow: engine.workflow.reference)
        let opened = try engine.open(script.opening, by: script.openedBy, on: script.openedOn).get()
        var state = opened.state
        var decisions: [Decision] = []
        for act in script.acts where act.action.kind != .requestInformation {
            if engine.workflow.steps[state.step].name == "talks" { break }
            let decision = try engine.decide(state, act.action, by: act.actor, on: act.on).get()
            decisions.append(decision)
            state = decision.state
        }
        return (opened.events, decisions)
    }

    /// `count` request-information decisions following `state`, decided before any timing.
    func requests(after state: NegotiationState, count: Int) throws -> [Decision] {
        var state = state
        return try (1...count).map { number in
            let decision = try engine.decide(state, Action(.requestInformation, ["items": .list(["资料\(number)"])]),
                                             by: SampleNegotiations.unionChair, on: state.lastDay).get()
            state = decision.state
            return decision
        }
    }

    func record(_ id: String, opening: [Event], decisions: [Decision], in store: SQLiteEventStore) async throws {
        try await store.create(opening, summary: NegotiationSummary(try engine.fold(opening), engine: engine))
        var version = opening.count
        for decision in decisions {
            try await store.append(decision.events, to: id, expectedVersion: version, summary: NegotiationSummary(decision.state, engine: engine))
            version = decision.state.version
        }
    }

    func append(decisions count: Int, rounds: Int) async throws {
        let id = "BENCH-APPEND"
        let (opening, setup) = try talks(id: id)
        let decisions = try requests(after: setup.last!.state, count: count)
        var storeRates: [Double] = []
        var rawRates: [Double] = []
        // Alternating rounds, each store run paired with the raw run right after it: the disk's
        // fsync time drifts by a factor of several within a minute on this shared machine, so
        // the figure is the median of the paired ratios, not a ratio of two far-apart bests.
        for round in 1...rounds {
            let store = try SQLiteEventStore(path: "\(directory)/append-\(round).sqlite")
            try await record(id, opening: opening, decisions: setup, in: store)
            let start = ContinuousClock.now
            var version = setup.last!.state.version
            for decision in decisions {
                try await store.append(decision.events, to: id, expectedVersion: version, summary: NegotiationSummary(decision.state, engine: engine))
                version = decision.state.version
            }
            storeRates.append(Double(count) / (ContinuousClock.now - start).seconds)
            await store.close()

            rawRates.append(try await rawInsertRate(id, opening: opening, setup: setup, decisions: decisions, round: round))
        }
        let ratios = zip(storeRates, rawRates).map { $0 / $1 }.sorted()
        let median = ratios[ratios.count / 2]
        print("store.append  \(count) decisions × \(rounds) rounds: store median \(Int(storeRates.sorted()[rounds / 2]))/s, raw GRDB median \(Int(rawRates.sorted()[rounds / 2]))/s; "
              + "paired ratio store/raw median \(String(format: "%.2f", median)) (range \(String(format: "%.2f", ratios.first!))–\(String(format: "%.2f", ratios.last!))), goal ≥ 0.5")
    }

    /// The same event rows as the store writes, inserted by plain GRDB: one IMMEDIATE
    /// transaction per decision, WAL, `synchronous = FULL`, into a file with the store's schema.
    func rawInsertRate(_ id: String, opening: [Event], setup: [Decision], decisions: [Decision], round: Int) async throws -> Double {
        let path = "\(directory)/raw-\(round).sqlite"
        let schema = try SQLiteEventStore(path: path)
        try await record(id, opening: opening, decisions: setup, in: schema)
        let head = try await schema.load(id).last!.hash
        await schema.close()

        var previous = head
        let recordedAt = Date.now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        let rows: [[[any DatabaseValueConvertible & Sendable]]] = decisions.map { decision in
            decision.events.map { event in
                let body = event.canonicalJSON
                let hash = HashChain.seal(previous: previous, canonicalJSON: body, negotiation: id, recordedAt: recordedAt)
                defer { previous = hash }
                return [id, event.sequence, event.on.description, recordedAt, body, hash, previous]
            }
        }
        let pool = try DatabasePool(path: path)
        try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let start = ContinuousClock.now
        for decision in rows {
            try await pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let statement = try db.cachedStatement(sql: """
                        INSERT INTO events (negotiation_id, sequence, on_day, recorded_at, body, hash, prev_hash) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                    for row in decision { try statement.execute(arguments: StatementArguments(row)) }
                    return .commit
                }
            }
        }
        let rate = Double(rows.count) / (ContinuousClock.now - start).seconds
        try pool.close()
        return rate
    }

    func loadAndFold(negotiations count: Int, loads: Int) async throws {
        let store = try SQLiteEventStore(path: "\(directory)/load.sqlite")
        let target = "BENCH-LOAD-50"
        let (opening, setup) = try talks(id: target)
        let requests = try requests(after: setup.last!.state, count: 50 - setup.last!.state.version)
        try await record(target, opening: opening, decisions: setup + requests, in: store)
        for number in 1..<count {
            let id = String(format: "BENCH-%05d", number)
            let script = SampleNegotiations.enterprise(id: id, workflow: engine.workflow.reference)
            let opened = try engine.open(script.opening, by: script.openedBy, on: script.openedOn).get()
            try await store.create(opened.events, summary: NegotiationSummary(opened.state, engine: engine))
        }
        var samples: [Duration] = []
        for _ in 0..<loads {
            let start = ContinuousClock.now
            let state = try engine.fold(try await store.load(target).map(\.event))
            samples.append(ContinuousClock.now - start)
            precondition(state.version == 50)
        }
        await store.close()
        samples.sort()
        let median = samples[samples.count / 2]
        print("store.load+fold 50 events from a store of \(count.formatted()) negotiations: median \(Int(median.seconds * 1_000_000)) µs (\(loads) loads)")
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
