import TestSupport

/// Tools nobody here wrote that must accept our output: xmllint (Debian libxml2-utils), xmlsec1
/// (Debian xmlsec1), openssl, xsltproc and the Library of Congress `bagit` Python module. Missing locally, a test says so and passes;
/// missing under CI=true, it fails, because CI must run them.
enum ExternalTools {
    /// The Python that has `bagit`: `$BARGAIN_PYTHON` (e.g. a virtual environment's, on a Debian
    /// whose system Python refuses pip installs), else `python3` on PATH.
    static var python: String { RequiredTool.python }

    enum Tool: String {
        case xmllint
        case bagit
        case xmlsec1
        case openssl
        case xsltproc

        var probe: [String] {
            switch self {
            case .xmllint: ["xmllint", "--version"]
            case .bagit: [ExternalTools.python, "-c", "import bagit"]
            case .xmlsec1: ["xmlsec1", "--version"]
            case .openssl: ["openssl", "version"]
            case .xsltproc: ["xsltproc", "--version"]
            }
        }

        var install: String {
            switch self {
            case .xmllint: "apt-get install libxml2-utils"
            case .bagit: "python3 -m pip install bagit, or set BARGAIN_PYTHON to a Python that has it"
            case .xmlsec1: "apt-get install xmlsec1"
            case .openssl: "apt-get install openssl"
            case .xsltproc: "apt-get install xsltproc"
            }
        }
    }

    /// Whether `tool` can run; under CI=true a missing tool is a test failure.
    static func require(_ tool: Tool) throws -> Bool { RequiredTool.available(tool.probe, install: tool.install) }
}
