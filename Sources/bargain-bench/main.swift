import Bargaining
import Foundation

/// `bargain-bench [engine|store|cli|coverage|xml|all] [--quick] [--iterations N]` — run in release:
/// `swift run -c release bargain-bench`.
/// Every figure is printed with a baseline measured in the same run, because these machines are
/// shared and absolute times drift.
let arguments = Array(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let iterations = arguments.firstIndex(of: "--iterations").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil }
let suites = arguments.enumerated().filter { index, argument in
    !argument.hasPrefix("--") && (index == 0 || arguments[index - 1] != "--iterations")
}.map(\.element)
func wants(_ suite: String) -> Bool { suites.isEmpty || suites.contains("all") || suites.contains(suite) }

guard let path = WorkflowDirectory.locate() else {
    FileHandle.standardError.write(Data("bargain-bench: cannot find workflows/; run from the package root or set BARGAIN_WORKFLOWS\n".utf8))
    exit(65)
}
do {
    let directory = try WorkflowDirectory.load(path)
    if wants("engine") { try EngineBenchmarks.run(directory: directory, quick: quick, iterations: iterations) }
    if wants("store") { try await runStoreBenchmarks(quick: quick) }
    if wants("cli") { try CLILatencyBenchmark.run(quick: quick) }
    if wants("coverage") { try CoverageBenchmarks.run(quick: quick) }
    if wants("xml") { try XMLBenchmarks.run(quick: quick) }
} catch {
    FileHandle.standardError.write(Data("bargain-bench: \(error)\n".utf8))
    exit(70)
}
