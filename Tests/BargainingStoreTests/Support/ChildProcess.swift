import Foundation

/// Child processes for the tests: `psql`, and the `bargain-store-stress` writers.
enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var signalled: Bool
    }

    /// Runs to completion. Output goes to files, so a chatty child never blocks on a full pipe.
    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let running = try start(executable, arguments)
        running.process.waitUntilExit()
        return running.result()
    }

    static func start(_ executable: String, _ arguments: [String]) throws -> Running {
        let directory = try TemporaryDirectory()
        let out = directory.path + "/stdout", err = directory.path + "/stderr"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        return Running(process: process, directory: directory)
    }

    /// A started child whose output is read from its files.
    final class Running: @unchecked Sendable {
        let process: Process
        let directory: TemporaryDirectory

        init(process: Process, directory: TemporaryDirectory) {
            self.process = process
            self.directory = directory
        }

        var stdout: String { (try? String(contentsOfFile: directory.path + "/stdout", encoding: .utf8)) ?? "" }

        /// Waits until the child has printed `count` lines starting with `prefix`.
        func waitForLine(_ prefix: String, count: Int = 1, timeout: Duration) async throws {
            let deadline = ContinuousClock.now + timeout
            while stdout.split(separator: "\n").count(where: { $0.hasPrefix(prefix) }) < count {
                guard process.isRunning else { throw Failure(description: "the child exited before printing '\(prefix)': \(result().stderr)") }
                guard ContinuousClock.now < deadline else { throw Failure(description: "the child printed no '\(prefix)' within \(timeout)") }
                try await Task.sleep(for: .milliseconds(5))
            }
        }

        func result() -> Result {
            defer { directory.remove() }
            return Result(status: process.terminationStatus, stdout: stdout,
                          stderr: (try? String(contentsOfFile: directory.path + "/stderr", encoding: .utf8)) ?? "",
                          signalled: process.terminationReason == .uncaughtSignal)
        }

        func wait() async -> Result {
            await Task.detached { self.process.waitUntilExit() }.value
            return result()
        }

        /// The result, or nil when the child was still running after `limit` (it is then
        /// killed, so a hung child is counted, not waited for).
        func wait(within limit: Duration) async -> Result? {
            let deadline = ContinuousClock.now + limit
            while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
            guard process.isRunning else { return await wait() }
            kill(process.processIdentifier, SIGKILL)
            _ = await wait()
            return nil
        }
    }
}
