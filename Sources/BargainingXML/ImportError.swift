/// Why a document or a bag was not imported. Nothing is imported when any of these is thrown:
/// a bag is imported whole or not at all.
public enum ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes were refused before any of their content was used.
    case unsafe(document: String, UnsafeInput)
    /// The root element has one of our names in another namespace (another version, or a
    /// look-alike).
    case wrongNamespace(document: String, found: String, expected: String)
    /// Not a document this tool reads.
    case unknownDocument(document: String, root: String)
    /// An Akoma Ntoso rendition: written for archives' tools, not read back.
    case akomaNtoso(document: String)
    /// Well-formed, but not valid against our schema; libxml2's findings with lines.
    case invalid(document: String, schema: String, problems: [XMLProblem])
    /// Valid against the schema, but its facts contradict each other (a stated total that is
    /// not the sum, a credit code whose check character is wrong…).
    case inconsistent(document: String, reason: String)
    /// The directory is not a well-formed BagIt bag (RFC 8493).
    case bag(path: String, reason: String)
    /// A file of the bag does not have the checksum its manifest records.
    case checksumMismatch(bag: String, file: String, expected: String, found: String)
    case io(path: String, reason: String)
    /// The XML Signature (or the bag's tag-manifest signature) is missing, untrusted or broken.
    case signature(document: String, SignatureProblem)

    /// What made the reader refuse the bytes.
    public enum UnsafeInput: Hashable, Sendable {
        case tooLarge(bytes: Int, limit: Int)
        /// Any DOCTYPE: the way to entity expansion (billion laughs, quadratic blow-up) and
        /// external entities (`file:///etc/passwd`).
        case doctype
        case tooDeep(limit: Int)
        case invalidUTF8(XMLProblem)
        case malformed([XMLProblem])
    }

    public var description: String {
        switch self {
        case .unsafe(let document, let input):
            switch input {
            case .tooLarge(let bytes, let limit):
                "\(document): refused: \(bytes) bytes is more than the limit of \(limit) bytes (--max-bytes)"
            case .doctype:
                "\(document): refused: the document declares a DOCTYPE; filings must not use DTDs or entities (they could read local files or expand without bound)"
            case .tooDeep(let limit):
                "\(document): refused: elements are nested more than \(limit) levels deep"
            case .invalidUTF8(let problem):
                "\(document): refused: the document is not valid UTF-8 (\(problem))"
            case .malformed(let problems):
                (["\(document): refused: not well-formed XML"] + problems.map { "  \($0)" }).joined(separator: "\n")
            }
        case .wrongNamespace(let document, let found, let expected):
            "\(document): refused: the root element is \(found), in the wrong namespace; expected \(expected)"
        case .unknownDocument(let document, let root):
            "\(document): refused: the root element \(root) is neither a filed contract ({urn:bargain:contract:1.0}filedContract) nor a congress record ({urn:bargain:congress:1.0}congressRecord)"
        case .akomaNtoso(let document):
            "\(document): refused: this is an Akoma Ntoso rendition; import the bargain-contract or bargain-congress document instead"
        case .invalid(let document, let schema, let problems):
            (["\(document): refused: not valid against \(schema)"] + problems.map { "  \($0)" }).joined(separator: "\n")
        case .inconsistent(let document, let reason):
            "\(document): refused: \(reason)"
        case .bag(let path, let reason):
            "\(path): refused: not a valid BagIt bag: \(reason)"
        case .checksumMismatch(let bag, let file, let expected, let found):
            "\(bag): refused: \(file) has SHA-256 \(found), but the manifest records \(expected); the bag was altered or damaged in transfer, and nothing was imported"
        case .io(let path, let reason):
            "cannot read \(path): \(reason)"
        case .signature(let document, let problem):
            "\(document): refused: \(problem.description); nothing was imported"
        }
    }
}
