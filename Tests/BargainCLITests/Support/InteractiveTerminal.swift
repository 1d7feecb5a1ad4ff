#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TestSupport

/// `bargain` on a pseudo-terminal that the test types into: standard input, output and error
/// are all the terminal, as in a chair's window. `expect` waits for text to appear, `send`
/// types a line (the terminal echoes it), `sendEndOfInput` types Ctrl-D, and `interrupt`
/// delivers the SIGINT that Ctrl-C makes the terminal send.
final class InteractiveTerminal {
    struct Timeout: Error, CustomStringConvertible {
        var expected: String
        var output: String
        var description: String { "timed out waiting for \(expected.debugDescription); the terminal shows:\n\(output)" }
    }

    private let primary: Int32
    let process: Process
    private var bytes: [UInt8] = []
    /// How much of `bytes` earlier expectations matched.
    private var consumed = 0

    init(_ arguments: [String], environment: [String: String]) throws {
        var primary: Int32 = -1, secondary: Int32 = -1
        guard openpty(&primary, &secondary, nil, nil, nil) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        let terminal = FileHandle(fileDescriptor: secondary, closeOnDealloc: true)
        process = try BargainBinary.launch(arguments, environment: environment, in: Repository.root) { process in
            process.standardInput = terminal
            process.standardOutput = terminal
            process.standardError = terminal
        }
        try terminal.close()
        self.primary = primary
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        close(primary)
    }

    /// Everything the terminal showed so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Waits until `text` appears after what the previous expectation matched; returns what was
    /// shown up to and including it.
    @discardableResult
    func expect(_ text: String, within seconds: Int = 30) throws -> String {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            let pending = String(decoding: bytes[consumed...], as: UTF8.self)
            if let range = pending.range(of: text) {
                consumed += pending[..<range.upperBound].utf8.count
                return String(pending[..<range.upperBound])
            }
            guard ContinuousClock.now < deadline else { throw Timeout(expected: text, output: output) }
            if try !readSome(timeoutMilliseconds: 200), !process.isRunning, try !readSome(timeoutMilliseconds: 0) {
                throw Timeout(expected: text, output: output + "\n[the program exited with \(process.terminationStatus)]")
            }
        }
    }

    /// Types `line` and Enter.
    func send(_ line: String) { type(Array((line + "\n").utf8)) }

    /// Ctrl-D at the start of a line: the program reads end of input.
    func sendEndOfInput() { type([4]) }

    /// What Ctrl-C does: SIGINT to the program.
    func interrupt() { kill(process.processIdentifier, SIGINT) }

    /// Reads the rest of the output until the program exits; its exit status.
    func finish(within seconds: Int = 30) throws -> Int32 {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try !readSome(timeoutMilliseconds: 200), !process.isRunning { break }
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            throw Timeout(expected: "the program to exit", output: output)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func type(_ bytes: [UInt8]) {
        var remaining = bytes[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { write(primary, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue }; return }
            remaining = remaining.dropFirst(written)
        }
    }

    /// Reads what is available within the timeout; false when nothing came (or the program's
    /// side is closed).
    private func readSome(timeoutMilliseconds: Int32) throws -> Bool {
        var descriptor = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(primary, &buffer, buffer.count)
        if count > 0 {
            bytes += buffer[0..<count]
            return true
        }
        if count < 0, errno == EINTR { return true }
        // EIO once the program has exited and closed its side: nothing more will come.
        usleep(20_000)
        return false
    }
}
