internal import CLibXML2

/// A compiled XML Schema, loaded once and used to validate many documents.
///
/// Documents are parsed by the same rules as ``SafeXMLReader`` (a DOCTYPE, excess size or depth
/// is reported as a diagnostic, not followed) and validated as they are parsed.
///
/// ## Topics
/// ### Validating
/// - ``init(contentsOfFile:)``
/// - ``validate(_:documentName:reader:)``
/// - ``SafeXMLReader/read(_:documentName:validatingAgainst:)``
public final class XMLSchema {
    public let path: String
    private let schema: xmlSchemaPtr

    /// Compiles the XSD at `path`; `xs:include` and `xs:import` locations are resolved relative
    /// to it. Network locations are refused (see ``LibXML2/initialized``). The schema itself is
    /// trusted: libxml2 parses schema documents with entity substitution on.
    public init(contentsOfFile path: String) throws(XMLError) {
        LibXML2.initialized
        let collector = DiagnosticCollector(documentName: path)
        let schema: xmlSchemaPtr? = collector.collecting {
            guard let parser = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, DiagnosticCollector.callback, collector.context)
            return xmlSchemaParse(parser)
        }
        guard let schema else { throw .schemaUnusable(path: path, diagnostics: collector.all) }
        self.path = path
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// Every problem found, with line numbers; empty means the document is valid.
    ///
    /// The document is validated as it streams through the parser, without building a tree.
    ///
    /// - Parameter reader: the limits to parse by; its `expectedRoot`, if any, is checked too.
    public func validate(
        _ bytes: [UInt8], documentName: String, reader: SafeXMLReader = SafeXMLReader()
    ) -> [XMLDiagnostic] {
        do {
            return try parse(bytes, documentName: documentName, reader: reader, buildsTree: false)
                .diagnostics
        } catch {
            let found = error.diagnostics
            return found.isEmpty
                ? [XMLDiagnostic(documentName: documentName, line: 0, message: error.description)]
                : found
        }
    }

    /// Parses under `reader`'s rules and validates in the same pass.
    ///
    /// - Returns: the tree when `buildsTree`, and the validation errors (none if valid).
    func parse(
        _ bytes: [UInt8], documentName: String, reader: SafeXMLReader, buildsTree: Bool
    ) throws(XMLReadError) -> (document: ParsedDocument?, diagnostics: [XMLDiagnostic]) {
        let collector = DiagnosticCollector(documentName: documentName)
        // A fresh context per document: they are cheap, and a reused one would carry state
        // from a document whose validation was cut short.
        guard let validator = xmlSchemaNewValidCtxt(schema) else {
            collector.add("libxml2 could not create a schema validation context")
            return (nil, collector.all)
        }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, DiagnosticCollector.callback, collector.context)
        let document = try ParserGuard.parse(
            bytes, documentName: documentName, reader: reader, collector: collector,
            buildsTree: buildsTree, validator: validator)
        if collector.all.isEmpty, xmlSchemaIsValid(validator) != 1 {
            collector.add("the document is not valid, but libxml2 gave no reason")
        }
        return (document, collector.all)
    }
}

@available(*, unavailable, message: "XMLSchema owns a libxml2 schema; keep it on one thread")
extension XMLSchema: Sendable {}
