#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TestSupport

/// Runs `bargain` with its standard output on a pseudo-terminal, so it behaves as it does in a
/// chair's terminal window (colour, prompts). Standard error goes to a pipe-free file.
enum PseudoTerminal {
    /// Everything written to the terminal (with the terminal's `\r\n` line ends) and the status.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (output: String, status: Int32) {
        var primary: Int32 = -1, secondary: Int32 = -1
        guard openpty(&primary, &secondary, nil, nil, nil) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        let terminal = FileHandle(fileDescriptor: secondary, closeOnDealloc: true)
        let process = try BargainBinary.launch(arguments, environment: environment, in: Repository.root) { process in
            process.standardOutput = terminal
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
        }
        try terminal.close()
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Reading while the child writes keeps the terminal's buffer from filling; once the child
        // has exited and its side is closed, read fails with EIO.
        while true {
            let count = read(primary, &buffer, buffer.count)
            if count > 0 { output += buffer[0..<count] } else if count < 0, errno == EINTR { continue } else { break }
        }
        close(primary)
        process.waitUntilExit()
        return (String(decoding: output, as: UTF8.self), process.terminationStatus)
    }
}
