/// Why XMLCore could not produce XML, or could not load a schema.
///
/// Writer checks run before libxml2 sees the call, because `xmlTextWriter` writes whatever it is
/// given: a control character, a bad name or `--` in a comment would silently yield a file that
/// no parser (and no archive) accepts.
public enum XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A libxml2 call reported failure (in practice: out of memory).
    case libxml2(operation: String, code: Int, message: String?)
    /// The text contains a character XML 1.0 cannot carry, such as U+0000 or U+001B.
    case invalidCharacter(scalar: UInt32, context: String)
    /// The string is not an XML name (or, where a local name is expected, contains a colon).
    case invalidName(String)
    /// Comments may not contain `--` or end with `-`.
    case invalidComment(String)
    /// The call does not fit the document written so far (attribute after content, closing an
    /// element that is not open, finishing with elements open, using a finished writer).
    case misplacedCall(String)
    /// The same attribute was written twice on one element.
    case duplicateAttribute(String)
    /// The schema file could not be read or compiled.
    case schemaUnusable(path: String, diagnostics: [XMLDiagnostic])

    public var description: String {
        switch self {
        case .libxml2(let operation, let code, let message):
            "libxml2 failed in \(operation) (code \(code))" + (message.map { ": \($0)" } ?? "")
        case .invalidCharacter(let scalar, let context):
            "\(Self.hex(scalar)) cannot appear in XML 1.0 (\(context))"
        case .invalidName(let name):
            "\"\(name)\" is not a valid XML name"
        case .invalidComment(let text):
            "an XML comment may not contain \"--\" or end with \"-\": \"\(text)\""
        case .misplacedCall(let explanation):
            "misplaced call: \(explanation)"
        case .duplicateAttribute(let name):
            "attribute \(name) written twice on the same element"
        case .schemaUnusable(let path, let diagnostics):
            (["cannot use the schema \(path)"] + diagnostics.map(\.description))
                .joined(separator: "\n")
        }
    }

    private static func hex(_ scalar: UInt32) -> String {
        let digits = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
