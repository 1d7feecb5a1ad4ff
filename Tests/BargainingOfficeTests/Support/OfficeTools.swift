import Foundation
import Testing

/// Tools nobody here wrote that must open what we write and write what we read: openpyxl (PyPI),
/// LibreOffice headless (Debian libreoffice-calc, libreoffice-writer) and poppler's pdftotext
/// and pdftoppm. Missing locally, a test says so and passes; missing under CI=true, it fails,
/// because CI must run them.
enum OfficeTools {
    /// `$BARGAIN_PYTHON` (a virtual environment's, on a Debian whose system Python refuses pip
    /// installs), else `python3` on PATH.
    static var python: String { ProcessInfo.processInfo.environment["BARGAIN_PYTHON"] ?? "python3" }

    enum Tool: String {
        case openpyxl, libreoffice, pdftotext, pdftoppm

        var probe: [String] {
            switch self {
            case .openpyxl: [OfficeTools.python, "-c", "import openpyxl"]
            case .libreoffice: ["libreoffice", "--version"]
            case .pdftotext: ["pdftotext", "-v"]
            case .pdftoppm: ["pdftoppm", "-v"]
            }
        }

        var install: String {
            switch self {
            case .openpyxl: "python3 -m pip install openpyxl, or set BARGAIN_PYTHON to a Python that has it"
            case .libreoffice: "apt-get install libreoffice-calc libreoffice-writer"
            case .pdftotext, .pdftoppm: "apt-get install poppler-utils"
            }
        }
    }

    /// Whether `tool` can run; under CI=true a missing tool is recorded as a failure.
    static func has(_ tool: Tool) -> Bool {
        if (try? run(tool.probe))?.status == 0 { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("\(tool.rawValue) is required under CI=true (\(tool.install))")
        } else {
            print("skipped: \(tool.rawValue) is not available (\(tool.install)); CI runs this check")
        }
        return false
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `command` through `env`, output to files (a pipe could fill and stall the child).
    static func run(_ command: [String], in directory: String? = nil) throws -> Result {
        let scratch = try TemporaryFolder()
        let out = scratch.file("out"), err = scratch.file("err")
        for file in [out, err] { _ = FileManager.default.createFile(atPath: file, contents: nil) }
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        defer { try? stdout.close(); try? stderr.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: err)), as: UTF8.self))
    }

    /// Runs a Python script with `arguments` (in `sys.argv[1:]`); its standard output.
    static func python(_ script: String, _ arguments: [String] = []) throws -> String {
        let result = try run([python, "-c", script] + arguments)
        guard result.status == 0 else { throw Failed(command: "python3", output: result.stderr) }
        return result.stdout
    }

    struct Failed: Error, CustomStringConvertible {
        var command: String
        var output: String
        var description: String { "\(command) failed: \(output)" }
    }
}
