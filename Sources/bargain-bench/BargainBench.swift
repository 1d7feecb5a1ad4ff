import ArgumentParser
import Bargaining
import BargainingFiles
import Foundation

/// `bargain-bench [SUITE…] [--quick] [--iterations N]`, built as users build it:
/// `swift run -c release bargain-bench`. Every figure is printed with a baseline measured in the
/// same run, because these machines are shared and absolute times drift.
@main
struct BargainBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bargain-bench",
        abstract: "Measures bargain against baselines taken in the same run.",
        discussion: """
            Build it as users build bargain: `swift run -c release bargain-bench SUITE…`. \
            Each figure is printed beside a baseline measured in the same run (a ratio), because the \
            machine is shared and absolute times drift. Times are CPU time unless a line says wall-clock.

            Exit status: 0 done, 64 usage, 65 workflows not found, 70 a benchmark failed.
            """
    )

    /// The suites, in the order they run.
    enum Suite: String, CaseIterable, ExpressibleByArgument {
        case engine, store, cli, coverage, xml, server, all
    }

    @Argument(help: "Suites to run (default: all).")
    var suites: [Suite] = []

    @Flag(help: "Smaller data sets (about 1/20), for a quick look; the README's figures use full size.")
    var quick = false

    @Option(help: "Engine suite: lifecycles to run, e.g. a small count under callgrind (scripts/engine-instructions).")
    var iterations: Int?

    @Option(name: .customLong("fill-store"), help: ArgumentHelp("Instead of measuring: make a SQLite store of filed negotiations at this new file (the OAI-PMH harvest's fixture).", valueName: "file"))
    var fillStore: String?

    @Option(help: "With --fill-store: how many filed negotiations.")
    var negotiations = 1000

    func wants(_ suite: Suite) -> Bool { suites.isEmpty || suites.contains(.all) || suites.contains(suite) }

    func run() async throws {
        guard let path = WorkflowDirectory.locate() else {
            FileHandle.standardError.write(Data("bargain-bench: cannot find workflows/; run from the package root or set BARGAIN_WORKFLOWS\n".utf8))
            throw ExitCode(65)
        }
        do {
            if let fillStore { return try await StoreFiller.fill(path: fillStore, workflows: path, negotiations: negotiations) }
            let directory = try WorkflowDirectory.load(path)
            if wants(.engine) { try EngineBenchmarks.run(directory: directory, quick: quick, iterations: iterations) }
            if wants(.store) { try await runStoreBenchmarks(quick: quick) }
            if wants(.cli) { try CLILatencyBenchmark.run(quick: quick) }
            if wants(.coverage) { try CoverageBenchmarks.run(quick: quick) }
            if wants(.xml) { try XMLBenchmarks.run(quick: quick) }
            if wants(.server) { try await ServerBenchmark.run(workflows: path, quick: quick) }
        } catch {
            FileHandle.standardError.write(Data("bargain-bench: \(error)\n".utf8))
            throw ExitCode(70)
        }
    }
}
