import CLibXML2

/// A compiled XML Schema, loaded once and used to validate many documents.
///
/// Documents are parsed by the same rules as ``SafeXMLReader`` (a DOCTYPE, excess size or depth
/// is reported as a diagnostic, not followed) and the resulting tree is validated, as
/// `xmllint --schema` does.
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
    /// to it. Network locations are refused (see ``LibXML2/initialized``).
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
    /// - Parameter reader: the limits to parse by; its `expectedRoot`, if any, is checked too.
    public func validate(
        _ bytes: [UInt8], documentName: String, reader: SafeXMLReader = SafeXMLReader()
    ) -> [XMLDiagnostic] {
        do {
            return diagnostics(
                for: try ParsedDocument.parse(bytes, documentName: documentName, reader: reader))
        } catch {
            let found = error.diagnostics
            return found.isEmpty
                ? [XMLDiagnostic(documentName: documentName, line: 0, message: error.description)]
                : found
        }
    }

    func diagnostics(for document: ParsedDocument) -> [XMLDiagnostic] {
        let collector = DiagnosticCollector(documentName: document.name)
        let result = collector.collecting {
            // A fresh context per document: they are cheap, and a reused one would carry
            // state from a document whose validation was cut short.
            guard let context = xmlSchemaNewValidCtxt(schema) else { return Int32(-1) }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, DiagnosticCollector.callback, collector.context)
            return xmlSchemaValidateDoc(context, document.document)
        }
        let diagnostics = collector.all
        if result != 0, diagnostics.isEmpty {
            return [
                XMLDiagnostic(
                    documentName: document.name, line: 0,
                    message: result < 0
                        ? "libxml2 could not run the schema validation"
                        : "the document is not valid, but libxml2 gave no reason")
            ]
        }
        return diagnostics
    }
}

@available(*, unavailable, message: "XMLSchema owns a libxml2 schema; keep it on one thread")
extension XMLSchema: Sendable {}
