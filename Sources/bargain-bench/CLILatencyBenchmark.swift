import Bargaining
import BargainingStore
import Foundation

/// Issue 4's latency goal: `bargain do` against a SQLite store of 10,000 negotiations, from
/// process start to exit with the act committed, median ≤ 50 ms. Printed beside a baseline
/// measured in the same run: the same binary's `bargain --version`, which is process start,
/// dynamic linking and argument parsing with no store and no workflows.
///
/// The store is filled through the store API (not 10,000 processes); the negotiations the runs
/// act on are first brought to the talks step (8 events), so each run loads, folds and decides a
/// realistic history. Each run records a `request-information` on a different negotiation.
enum CLILatencyBenchmark {
    static let goalMilliseconds = 50.0

    static func run(quick: Bool) throws {
        let runs = quick ? 10 : 50
        let negotiations = quick ? 1_000 : 10_000
        guard let workflows = WorkflowDirectory.locate() else {
            throw CLIBenchmarkError("no workflows/ directory found: run from the repository root or set BARGAIN_WORKFLOWS")
        }
        let bargain = try binary()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bargain-cli-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = directory + "/bargain.sqlite"

        let engine = try WorkflowDirectory.load(workflows).engine(for: .enterprise)
        let targets = try blocking { try await fill(store, engine: engine, negotiations: negotiations, inTalks: runs + 1) }
        let environment = ["BARGAIN_WORKFLOWS": workflows, "NO_COLOR": "1", "PATH": "/usr/bin:/bin", "HOME": directory]

        func act(on id: String) -> [String] {
            ["do", id, "request-information", "--set", "items=工资总额,上年度职工平均工资", "--as", "employee-side:王芳",
             "--on", "2025-03-20", "--store", store]
        }
        // One run of each, untimed: the binary and the store's pages into the cache.
        _ = try time(bargain, ["--version"], environment: environment)
        _ = try time(bargain, act(on: targets[runs]), environment: environment)

        var baseline: [Double] = [], acts: [Double] = []
        for target in targets.prefix(runs) {
            baseline.append(try time(bargain, ["--version"], environment: environment))
            acts.append(try time(bargain, act(on: target), environment: environment))
        }
        let committed = try blocking { try await count(store, targets: Array(targets.prefix(runs))) }
        guard committed == runs else { throw CLIBenchmarkError("only \(committed) of \(runs) acts were committed") }

        let median = percentile(acts, 0.5), p90 = percentile(acts, 0.9), start = percentile(baseline, 0.5)
        print("cli.do median \(format(median)) ms (p90 \(format(p90)) ms), \(runs) runs on a store of \(negotiations.formatted()) negotiations; "
              + "process-start baseline (bargain --version) \(format(start)) ms; goal ≤ \(Int(goalMilliseconds)) ms"
              + (median <= goalMilliseconds ? "" : "  MISSED"))
    }

    // MARK: - The store

    /// `count` negotiations opened through the store API; the first `inTalks` are brought to the
    /// talks step with the sample's acts. Returns the ids of those.
    static func fill(_ path: String, engine: Engine, negotiations count: Int, inTalks: Int) async throws -> [String] {
        let store = try SQLiteEventStore(path: path)
        var targets: [String] = []
        for number in 1...count {
            let id = String(format: "BENCH-%05d", number)
            let script = SampleNegotiations.enterprise(id: id, workflow: engine.workflow.reference)
            let opened = try engine.open(script.opening, by: script.openedBy, on: script.openedOn).get()
            var events = opened.events, state = opened.state
            if number <= inTalks {
                for act in script.acts where act.action.kind != .requestInformation && act.action.kind != .supplyInformation {
                    if engine.workflow.steps[state.step].name == "talks" { break }
                    let decision = try engine.decide(state, act.action, by: act.actor, on: act.on).get()
                    events += decision.events
                    state = decision.state
                }
                targets.append(id)
            }
            // One transaction per negotiation, as `bargain open` and `do` would have written them.
            try await store.create(Array(events.prefix(1)), summary: NegotiationSummary(try engine.fold(Array(events.prefix(1))), engine: engine))
            if events.count > 1 {
                try await store.append(Array(events.dropFirst()), to: id, expectedVersion: 1, summary: NegotiationSummary(state, engine: engine))
            }
        }
        await store.close()
        return targets
    }

    /// How many of `targets` hold the benchmark's act: it was committed before the process exited.
    static func count(_ path: String, targets: [String]) async throws -> Int {
        let store = try SQLiteEventStore(path: path)
        var committed = 0
        for id in targets {
            if try await store.load(id).last?.event.action == .requestInformation { committed += 1 }
        }
        await store.close()
        return committed
    }

    // MARK: - The binary

    /// The `bargain` built beside this benchmark (same scratch path and configuration), built
    /// first if it is not there: `swift run -c release bargain-bench` builds only the benchmark.
    static func binary() throws -> String {
        let bench = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let products = (FileManager.default.fileExists(atPath: bench.path) ? bench : URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath())
            .deletingLastPathComponent()
        let bargain = products.appendingPathComponent("bargain").path
        let configuration = products.lastPathComponent
        let scratch = products.deletingLastPathComponent().deletingLastPathComponent().path
        let build = ["swift", "build", "--scratch-path", scratch, "-c", configuration, "--product", "bargain"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = build
        process.standardOutput = FileHandle.standardError
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: bargain) else {
            if FileManager.default.isExecutableFile(atPath: bargain) { return bargain }
            throw CLIBenchmarkError("no bargain binary at \(bargain), and `\(build.joined(separator: " "))` failed")
        }
        return bargain
    }

    /// Milliseconds from launching `binary` to its exit, which must be 0.
    static func time(_ binary: String, _ arguments: [String], environment: [String: String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw CLIBenchmarkError("bargain \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \(message)")
        }
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    static func format(_ milliseconds: Double) -> String {
        milliseconds >= 10 ? String(Int(milliseconds.rounded())) : String(format: "%.1f", milliseconds)
    }

    /// Runs async store code from the benchmark's synchronous entry point.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}

struct CLIBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
