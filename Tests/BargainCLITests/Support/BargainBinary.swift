import Foundation
import Testing
import TestSupport

/// The built `bargain` executable, run as a user would: a separate process with arguments, an
/// environment, a working directory and standard input, observed through its output and status.
enum BargainBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

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

    /// Runs `bargain` to completion. Output goes to files rather than pipes so a long output can
    /// never fill a pipe and stall the child while the test waits for it.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL = Repository.root,
                    input: String = "") throws -> Result {
        let scratch = try TemporaryDirectory()
        let outURL = scratch.url.appendingPathComponent("stdout"), errURL = scratch.url.appendingPathComponent("stderr")
        let inURL = scratch.url.appendingPathComponent("stdin")
        for file in [outURL, errURL] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(input.utf8))
        let stdout = try FileHandle(forWritingTo: outURL), stderr = try FileHandle(forWritingTo: errURL)
        let stdin = try FileHandle(forReadingFrom: inURL)
        defer { try? stdout.close(); try? stderr.close(); try? stdin.close() }

        let process = try launch(arguments, environment: extra, in: directory) { process in
            process.standardOutput = stdout
            process.standardError = stderr
            process.standardInput = stdin
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
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

/// A directory removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bargain-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
