#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing

/// Tools nobody here wrote that must open what we write (xmllint, xmlsec1, bagit, openpyxl,
/// LibreOffice, pdftotext, sqlite3…). Missing on a developer's machine, a check says so and is
/// passed over; missing under CI=true, it is a test failure, because CI must run them.
public enum RequiredTool {
    /// `$BARGAIN_PYTHON` (a virtual environment's, on a Debian whose system Python refuses pip
    /// installs), else `python3` on PATH.
    public static var python: String { ProcessInfo.processInfo.environment["BARGAIN_PYTHON"] ?? "python3" }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether `probe` (e.g. `["xmllint", "--version"]`) runs and exits 0; `install` says how to
    /// get the tool when it does not.
    public static func available(_ probe: [String], install: String) -> Bool {
        if Subprocess.available(probe) { return true }
        if isCI {
            Issue.record("\(probe[0]) is required under CI=true (\(install))")
        } else {
            print("skipped: \(probe.joined(separator: " ")) is not available (\(install)); CI runs this check")
        }
        return false
    }
}
