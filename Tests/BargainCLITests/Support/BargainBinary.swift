import Foundation
import Testing
import TestSupport

/// The built `bargain` executable, run as a user would: a separate process with arguments, an
/// environment, a working directory and standard input, observed through its output and status.
enum BargainBinary {
    typealias Result = Subprocess.Result

    /// The products directory holds both the test bundle and `bargain`, whatever the scratch path
    /// (`.build`, `.build-cli`, …) and configuration.
    static let url: URL = {
        #if os(macOS)
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!.bundleURL.deletingLastPathComponent()
        #else
        let products = Bundle.main.bundleURL
        #endif
        return products.appendingPathComponent("bargain")
    }()

    /// A minimal environment: nothing from the developer's shell (no NO_COLOR, no BARGAIN_WORKFLOWS)
    /// leaks into what the test observes unless the test says so.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Runs `bargain` to completion with `input` on its standard input.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL = Repository.root,
                    input: String = "") throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: url.path) else { throw CocoaError(.fileNoSuchFile) }
        return Subprocess.run([url.path] + arguments, environment: environment(extra), in: directory.path, input: input)
    }

    static func launch(_ arguments: [String], environment extra: [String: String], in directory: URL,
                       wiring: (Process) -> Void) throws -> Process {
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            Issue.record("no bargain executable at \(url.path); build the bargain product before testing")
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment(extra)
        process.currentDirectoryURL = directory
        wiring(process)
        try process.run()
        return process
    }
}
