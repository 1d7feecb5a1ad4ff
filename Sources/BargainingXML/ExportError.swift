/// One problem libxml2 found in a document, with its line: XMLCore's diagnostic, restated so
/// that BargainingXML's public API does not expose XMLCore (and through it libxml2's headers).
public struct XMLProblem: Hashable, Sendable, CustomStringConvertible {
    public var documentName: String
    /// 1-based, or 0 when libxml2 could not tell.
    public var line: Int
    public var message: String

    public init(documentName: String, line: Int, message: String) {
        self.documentName = documentName
        self.line = line
        self.message = message
    }

    /// `name:LINE: message`, as xmllint prints it.
    public var description: String { "\(documentName):\(line): \(message)" }
}

/// Why an export produced nothing. Every case says what to do or what was wrong, for the person
/// who ran `bargain export`.
public enum ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The contract is not filed yet, or its current terms are not: an archive receives filed
    /// contracts only (S1 art 42).
    case notFiled(negotiation: String, reason: String)
    /// The negotiation lacks something a filed contract must state.
    case incomplete(negotiation: String, reason: String)
    /// The recorded events are not a history this tool can export.
    case history(reason: String)
    /// The stored hash chain does not match the events: an archive must never receive an edited
    /// history under the hash of the original one.
    case brokenChain(negotiation: String, sequence: Int, reason: String)
    /// A document failed validation against its schema; it was not written.
    case invalid(document: String, schema: String, problems: [XMLProblem])
    /// libxml2's writer refused a value (a control character, say).
    case unwritable(document: String, reason: String)
    /// A schema could not be found or compiled.
    case schemaUnavailable(path: String, reason: String)
    /// A file or directory could not be written.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFiled(let negotiation, let reason):
            "negotiation \(negotiation) has no filed contract to export yet — \(reason). Archives receive contracts once they are filed with the labour administration (S1 art 42)."
        case .incomplete(let negotiation, let reason):
            "negotiation \(negotiation) cannot be exported as a filed contract — \(reason)"
        case .history(let reason):
            reason
        case .brokenChain(let negotiation, let sequence, let reason):
            "\(negotiation): the hash chain is broken at event \(sequence) (\(reason)); nothing was exported. "
                + "Run `bargain verify \(negotiation)` and restore the store from a backup"
        case .invalid(let document, let schema, let problems):
            (["\(document) does not validate against \(schema); nothing was written:"]
                + problems.map { "  \($0)" }).joined(separator: "\n")
        case .unwritable(let document, let reason):
            "\(document) could not be written as XML: \(reason); nothing was written"
        case .schemaUnavailable(let path, let reason):
            "cannot use the schema \(path): \(reason)"
        case .io(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
