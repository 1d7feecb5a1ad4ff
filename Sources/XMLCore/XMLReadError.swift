/// Why ``SafeXMLReader`` refused a document. Each `description` is meant for the person who
/// sent the file, not for a developer.
public enum XMLReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Checked before any parsing, so an oversized upload costs no parser memory.
    case tooLarge(bytes: Int, limit: Int)
    /// Any DOCTYPE is refused, because libxml2 can still expand its entities when text is read
    /// (a 40 KB file became 100 MB), and archives' XML needs neither DTDs nor entities.
    case doctypeForbidden
    /// Elements nested deeper than the reader's limit.
    case tooDeep(limit: Int)
    /// The bytes are not UTF-8, though the document does not declare another encoding.
    case invalidUTF8(XMLDiagnostic)
    /// Not well-formed XML (or not namespace-well-formed); libxml2's findings, with lines.
    case malformed([XMLDiagnostic])
    case wrongRoot(expected: XMLName, found: XMLName)
    /// Well-formed, but not valid against the schema the caller asked for.
    case invalid([XMLDiagnostic])

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            "refused: the document is \(bytes) bytes, more than the limit of \(limit) bytes"
        case .doctypeForbidden:
            "refused: the document declares a DOCTYPE; archives' XML must not use DTDs or entities"
        case .tooDeep(let limit):
            "refused: elements are nested more than \(limit) levels deep"
        case .invalidUTF8(let diagnostic):
            "refused: the document is not valid UTF-8 (\(diagnostic))"
        case .malformed(let diagnostics):
            Self.list("refused: the document is not well-formed XML", diagnostics)
        case .wrongRoot(let expected, let found):
            "refused: the root element is \(found), but \(expected) was expected"
        case .invalid(let diagnostics):
            Self.list("refused: the document does not conform to the schema", diagnostics)
        }
    }

    /// The problems as diagnostics, for reports that list findings per line.
    public var diagnostics: [XMLDiagnostic] {
        switch self {
        case .malformed(let diagnostics), .invalid(let diagnostics): diagnostics
        case .invalidUTF8(let diagnostic): [diagnostic]
        default: []
        }
    }

    private static func list(_ headline: String, _ diagnostics: [XMLDiagnostic]) -> String {
        ([headline] + diagnostics.map { "  \($0)" }).joined(separator: "\n")
    }
}
