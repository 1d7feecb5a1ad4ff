/// One problem libxml2 found in a document, located well enough for a person to fix it.
///
/// `description` follows xmllint's `name:LINE: message` shape so that people and scripts that
/// already read xmllint output can read ours.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The name the caller gave the document (a file name, or what the archive calls it).
    public var documentName: String
    /// 1-based line, or 0 when libxml2 could not tell.
    public var line: Int
    /// 1-based column, when libxml2 knows it (parse errors do; schema errors on a tree do not).
    public var column: Int?
    public var message: String

    public init(documentName: String, line: Int, column: Int? = nil, message: String) {
        self.documentName = documentName
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(documentName):\(line): \(message)" }
}
