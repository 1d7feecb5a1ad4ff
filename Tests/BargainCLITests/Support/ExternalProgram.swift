import Foundation

/// Programs other than `bargain` (xmllint, bagit, `bargain` found through `PATH`), started through
/// `env` so that `PATH` finds them as a shell would. Output goes to files, like ``BargainBinary``.
enum ExternalProgram {
    static func run(_ command: [String], environment: [String: String]? = nil, in directory: URL? = nil) throws -> BargainBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let scratch = try TemporaryDirectory()
        let out = scratch.url.appendingPathComponent("out"), err = scratch.url.appendingPathComponent("err")
        for file in [out, err] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let stdout = try FileHandle(forWritingTo: out), stderr = try FileHandle(forWritingTo: err)
        defer { try? stdout.close(); try? stderr.close() }
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return BargainBinary.Result(status: process.terminationStatus,
                                    stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                                    stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
