/// Tools nobody here wrote that must accept our output: xmllint (Debian libxml2-utils) and the
/// Library of Congress `bagit` Python module. Missing locally, a test says so and passes;
/// missing under CI=true, it fails, because CI must run them.
enum ExternalTools {
    enum Tool: String {
        case xmllint
        case bagit

        var probe: [String] {
            switch self {
            case .xmllint: ["xmllint", "--version"]
            case .bagit: ["python3", "-c", "import bagit"]
            }
        }

        var install: String {
            switch self {
            case .xmllint: "apt-get install libxml2-utils"
            case .bagit: "pip install bagit"
            }
        }
    }

    struct Missing: Error, CustomStringConvertible {
        var tool: Tool
        var description: String { "\(tool.rawValue) is required under CI=true (\(tool.install))" }
    }

    /// Whether `tool` can run; under CI=true a missing tool is an error.
    static func require(_ tool: Tool) throws -> Bool {
        if Subprocess.available(tool.probe) { return true }
        if Fixtures.isCI { throw Missing(tool: tool) }
        print("skipped: \(tool.rawValue) is not installed (\(tool.install)); CI runs this check")
        return false
    }
}
