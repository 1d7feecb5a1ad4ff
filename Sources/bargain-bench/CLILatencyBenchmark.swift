#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Bargaining
import BargainingFiles
import BargainingStore
import Foundation

/// Issue 4's latency goal: `bargain do` against a SQLite store of 10,000 negotiations, from
/// process start to exit with the act committed, median ≤ 50 ms. Printed beside a baseline
/// measured in the same run: the same binary's `bargain --version`, which is process start,
/// dynamic linking and argument parsing with no store and no workflows.
///
/// The store is filled through the store API (not 10,000 processes); the negotiations the runs
/// act on are first brought to the talks step (6 events), so each run loads, folds and decides a
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

        var baseline: [Timing] = [], acts: [Timing] = []
        for target in targets.prefix(runs) {
            baseline.append(try time(bargain, ["--version"], environment: environment))
            acts.append(try time(bargain, act(on: target), environment: environment))
        }
        let committed = try blocking { try await count(store, targets: Array(targets.prefix(runs))) }
        guard committed == runs else { throw CLIBenchmarkError("only \(committed) of \(runs) acts were committed") }

        let median = percentile(acts.map(\.wall), 0.5), p90 = percentile(acts.map(\.wall), 0.9)
        let start = percentile(baseline.map(\.wall), 0.5)
        // CPU time (user + system of the child) says what the process itself costs, whatever else
        // the shared machine is running; wall time adds the fsync and the waiting for a core.
        let cpu = percentile(acts.map(\.cpu), 0.5), startCPU = percentile(baseline.map(\.cpu), 0.5)
        print("cli.do median \(format(median)) ms (p90 \(format(p90)) ms), \(runs) runs on a store of \(negotiations.formatted()) negotiations; "
              + "process-start baseline (bargain --version) \(format(start)) ms; goal ≤ \(Int(goalMilliseconds)) ms"
              + (median <= goalMilliseconds ? "" : " (missed)"))
        print("cli.do cpu median \(format(cpu)) ms (user + system); baseline cpu \(format(startCPU)) ms; "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores\(loadAverage().map { ", load average \($0)" } ?? "")")
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

    struct Timing {
        /// Milliseconds from launch to exit.
        var wall: Double
        /// Milliseconds of CPU the process used, user and system.
        var cpu: Double
    }

    /// Launching `binary` until its exit, which must be 0. Spawned and reaped directly:
    /// Foundation's `Process.waitUntilExit` polls its run loop every 50 ms on Linux, which would
    /// round every measurement up to a multiple of 50 ms. `wait4` also gives the child's own CPU.
    static func time(_ binary: String, _ arguments: [String], environment: [String: String]) throws -> Timing {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("bargain-cli-bench-\(UUID().uuidString).stderr").path
        defer { try? FileManager.default.removeItem(atPath: errors) }
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard spawned == 0 else { throw CLIBenchmarkError("cannot start \(binary): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw CLIBenchmarkError("waiting for \(binary): \(String(cString: strerror(errno)))") }
        }
        let elapsed = ContinuousClock.now - start
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw CLIBenchmarkError("bargain \(arguments.joined(separator: " ")) failed (wait status \(status)): \(message)")
        }
        func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return Timing(wall: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
                      cpu: milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime))
    }

    /// The one-minute load average (Linux), which says how much the wall times above waited.
    static func loadAverage() -> String? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init)
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
