import Foundation
import TestSupport

/// The `bargain-store-stress` binary, built with the tests (the test target depends on it).
/// SwiftPM puts every product of a build in one directory, the test bundle's included, so it is
/// looked for beside the running test binary, whatever `--scratch-path` or configuration.
enum StressExecutable {
    static let path: String? = {
        let arguments = ProcessInfo.processInfo.arguments
        var directories = [URL(fileURLWithPath: arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()]
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        directories.append(Bundle.main.bundleURL)
        // macOS runs tests inside `xctest` with the bundle as an argument.
        for argument in arguments.dropFirst() where argument.hasSuffix(".xctest") {
            directories.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        return directories.map { $0.appendingPathComponent("bargain-store-stress").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func require() throws -> String {
        guard let path else {
            throw Subprocess.Failure(description: "bargain-store-stress is not beside the test binary (\(ProcessInfo.processInfo.arguments[0])); build it with `swift build --build-tests`")
        }
        return path
    }
}
