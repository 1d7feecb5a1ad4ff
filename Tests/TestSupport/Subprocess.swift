#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs programs for the tests: `bargain` itself, its helper executables, and the tools nobody
/// here wrote (xmllint, xmlsec1, bagit, openpyxl, LibreOffice, psql). One runner for every test
/// target, with posix_spawn rather than Foundation's `Process`, which the targets that import
/// libxml2 cannot import. Output goes to files, never pipes, so a chatty child cannot fill a pipe
/// and stall while the test waits for it; standard input is `input` or nothing (/dev/null).
public enum Subprocess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Ended by a signal (`status` is then the signal's number, as `Process` reports it).
        public var signalled: Bool
        /// Standard output, then standard error.
        public var output: String { stdout + stderr }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Runs `command` to its end. `command[0]` is a path, or a name looked up in `PATH` (that of
    /// `environment` when given, through `/usr/bin/env`, as a shell would). A program that
    /// cannot be started gives status 127 and says why in `stderr`.
    public static func run(_ command: [String], environment: [String: String]? = nil, in directory: String? = nil,
                           input: String? = nil) -> Result {
        do { return try start(command, environment: environment, in: directory, input: input).waitUntilExit() } catch {
            return Result(status: 127, stdout: "", stderr: "cannot run \(command.first ?? ""): \(error)", signalled: false)
        }
    }

    /// Whether a probe such as `["xmllint", "--version"]` runs and exits 0.
    public static func available(_ probe: [String]) -> Bool { run(probe).status == 0 }

    /// Starts `command` and returns at once; see ``run(_:environment:in:input:)``.
    public static func start(_ command: [String], environment: [String: String]? = nil, in directory: String? = nil,
                             input: String? = nil) throws -> Running {
        let scratch = TemporaryDirectory(prefix: "bargain-child")
        let stdin = input.map { scratch.write("stdin", $0) } ?? "/dev/null"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, scratch.file("stdout"), O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, scratch.file("stderr"), O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // GNU env changes directory (posix_spawn's chdir action is not in Glibc's Swift module)
        // and, given an environment, looks the program up in that environment's PATH.
        var arguments = command
        if let directory { arguments = ["/usr/bin/env", "--chdir=\(directory)"] + arguments } else if environment != nil && command.first?.contains("/") != true {
            arguments = ["/usr/bin/env"] + arguments
        }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let variables = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for pointer in variables ?? [] { free(pointer) } }
        var pid = pid_t()
        let spawned = variables.map { posix_spawnp(&pid, arguments[0], &actions, nil, argv, $0) }
            ?? posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: String(cString: strerror(spawned))) }
        return Running(pid: pid, scratch: scratch)
    }

    /// A started child, its output read from its files while it runs or after.
    public final class Running: @unchecked Sendable {
        public let pid: pid_t
        private let scratch: TemporaryDirectory
        /// Guards `ended`: a child is reaped once, whichever thread asks first.
        private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private var ended: (status: Int32, signalled: Bool)?

        init(pid: pid_t, scratch: TemporaryDirectory) {
            self.pid = pid
            self.scratch = scratch
            pthread_mutex_init(lock, nil)
        }

        deinit {
            pthread_mutex_destroy(lock)
            lock.deallocate()
        }

        public var stdout: String { Self.text(scratch.file("stdout")) }
        public var stderr: String { Self.text(scratch.file("stderr")) }

        /// Whether the child has not ended yet (reaps it when it has).
        public var isRunning: Bool { reap(blocking: false) == nil }

        public func signal(_ number: Int32) { kill(pid, number) }

        /// Waits for the end (blocking this thread).
        public func waitUntilExit() -> Result {
            let end = reap(blocking: true)!
            return Result(status: end.status, stdout: stdout, stderr: stderr, signalled: end.signalled)
        }

        /// Waits for the end without holding a thread of the test's executor.
        public func wait() async -> Result {
            while isRunning { try? await Task.sleep(for: .milliseconds(20)) }
            return waitUntilExit()
        }

        /// The result, or nil when the child was still running after `limit` (it is then
        /// killed, so a hung child is counted, not waited for).
        public func wait(within limit: Duration) async -> Result? {
            let deadline = ContinuousClock.now + limit
            while isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
            guard !isRunning else {
                signal(SIGKILL)
                _ = waitUntilExit()
                return nil
            }
            return waitUntilExit()
        }

        /// Waits until the child has printed `count` lines starting with `prefix`.
        public func waitForLine(_ prefix: String, count: Int = 1, timeout: Duration) async throws {
            let deadline = ContinuousClock.now + timeout
            while stdout.split(separator: "\n").count(where: { $0.hasPrefix(prefix) }) < count {
                guard isRunning else { throw Failure(description: "the child exited before printing '\(prefix)': \(stderr)") }
                guard ContinuousClock.now < deadline else { throw Failure(description: "the child printed no '\(prefix)' within \(timeout)") }
                try await Task.sleep(for: .milliseconds(5))
            }
        }

        private func reap(blocking: Bool) -> (status: Int32, signalled: Bool)? {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            if let ended { return ended }
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, blocking ? 0 : WNOHANG) } while result < 0 && errno == EINTR
            guard result == pid else { return nil }
            let signal = status & 0x7f
            ended = signal == 0 ? ((status >> 8) & 0xff, false) : (signal, true)
            return ended
        }

        private static func text(_ path: String) -> String {
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
