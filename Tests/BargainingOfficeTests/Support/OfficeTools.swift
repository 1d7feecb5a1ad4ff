import Foundation
import Testing
import TestSupport

/// Tools nobody here wrote that must open what we write and write what we read: openpyxl (PyPI),
/// LibreOffice headless (Debian libreoffice-calc, libreoffice-writer) and poppler's pdftotext
/// and pdftoppm. Missing locally, a test says so and passes; missing under CI=true, it fails,
/// because CI must run them.
enum OfficeTools {
    /// `$BARGAIN_PYTHON` (a virtual environment's, on a Debian whose system Python refuses pip
    /// installs), else `python3` on PATH.
    static var python: String { RequiredTool.python }

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
    static func has(_ tool: Tool) -> Bool { RequiredTool.available(tool.probe, install: tool.install) }

    /// Runs a Python script with `arguments` (in `sys.argv[1:]`); its standard output.
    static func python(_ script: String, _ arguments: [String] = []) throws -> String {
        let result = Subprocess.run([python, "-c", script] + arguments)
        guard result.status == 0 else { throw Failed(command: "python3", output: result.stderr) }
        return result.stdout
    }

    struct Failed: Error, CustomStringConvertible {
        var command: String
        var output: String
        var description: String { "\(command) failed: \(output)" }
    }
}
