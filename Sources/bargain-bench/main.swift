import Bargaining
import Foundation

/// `bargain-bench [engine|all] [--quick]` — run in release: `swift run -c release bargain-bench`.
/// Every figure is printed with a baseline measured in the same run, because these machines are
/// shared and absolute times drift.
let arguments = Array(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let suites = arguments.filter { !$0.hasPrefix("--") }
func wants(_ suite: String) -> Bool { suites.isEmpty || suites.contains("all") || suites.contains(suite) }

guard let path = WorkflowDirectory.locate() else {
    FileHandle.standardError.write(Data("bargain-bench: cannot find workflows/; run from the package root or set BARGAIN_WORKFLOWS\n".utf8))
    exit(65)
}
do {
    let directory = try WorkflowDirectory.load(path)
    if wants("engine") { try EngineBenchmarks.run(directory: directory, quick: quick) }
} catch {
    FileHandle.standardError.write(Data("bargain-bench: \(error)\n".utf8))
    exit(70)
}
