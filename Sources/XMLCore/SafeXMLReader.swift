/// Reads XML from untrusted sources (uploads, other systems' exports) into plain Swift values,
/// refusing anything that could make libxml2 read files, use the network, or spend unbounded
/// memory or time.
///
/// The rules, checked in this order:
/// 1. at most ``maximumBytes`` bytes, checked before parsing;
/// 2. no DOCTYPE at all: the parse stops when one starts, before its entities are declared;
/// 3. elements nested at most ``maximumDepth`` deep, stopped during the parse;
/// 4. well-formed, namespace-well-formed, UTF-8 unless another encoding is declared;
/// 5. the root element is ``expectedRoot``, when one is set;
/// 6. valid against a schema, for ``read(_:documentName:validatingAgainst:)``.
///
/// The parser never substitutes entities, loads DTDs, touches the network or lifts libxml2's
/// own size limits (`XML_PARSE_HUGE`). Those limits are uneven (a text node past 10,000,000
/// bytes is refused only when it arrives in pieces), so ``maximumBytes`` is what bounds memory.
///
/// ## Topics
/// ### Reading
/// - ``init(maximumBytes:maximumDepth:expectedRoot:)``
/// - ``read(_:documentName:)``
/// - ``read(_:documentName:validatingAgainst:)``
/// - ``stream(_:documentName:to:)``
public struct SafeXMLReader: Sendable {
    /// 50 MiB.
    public static let defaultMaximumBytes = 50 * 1024 * 1024
    /// libxml2 refuses deeper documents by itself unless `XML_PARSE_HUGE` is set, which this
    /// reader never does; a larger limit could therefore never be reached.
    public static let maximumSupportedDepth = 256

    public let maximumBytes: Int
    public let maximumDepth: Int
    public let expectedRoot: XMLName?

    /// - Parameter maximumDepth: 1 to ``maximumSupportedDepth``; the root is at depth 1.
    public init(
        maximumBytes: Int = defaultMaximumBytes,
        maximumDepth: Int = maximumSupportedDepth,
        expectedRoot: XMLName? = nil
    ) {
        precondition(maximumBytes >= 0, "maximumBytes must not be negative")
        precondition(
            (1...Self.maximumSupportedDepth).contains(maximumDepth),
            "maximumDepth must be between 1 and \(Self.maximumSupportedDepth)")
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
        self.expectedRoot = expectedRoot
    }

    /// - Parameter documentName: used in diagnostics, never opened.
    public func read(
        _ bytes: [UInt8], documentName: String = "document"
    ) throws(XMLReadError) -> XMLElement {
        let document = try ParserGuard.parse(
            bytes, documentName: documentName, reader: self,
            collector: DiagnosticCollector(documentName: documentName), buildsTree: true,
            validator: nil)
        return try tree(of: document, documentName: documentName)
    }

    /// Reads and validates in one pass, which is cheaper than
    /// ``XMLSchema/validate(_:documentName:reader:)`` followed by ``read(_:documentName:)``.
    public func read(
        _ bytes: [UInt8], documentName: String = "document", validatingAgainst schema: XMLSchema
    ) throws(XMLReadError) -> XMLElement {
        let (document, diagnostics) = try schema.parse(
            bytes, documentName: documentName, reader: self, buildsTree: true)
        guard diagnostics.isEmpty else { throw .invalid(diagnostics) }
        return try tree(of: document, documentName: documentName)
    }

    /// Reads under the same rules without building a tree, handing each element and run of
    /// text to `handler` as it is parsed.
    ///
    /// - Throws: an ``XMLReadError``, or whatever `handler` threw to stop the parse.
    public func stream(
        _ bytes: [UInt8], documentName: String = "document", to handler: some XMLStreamHandler
    ) throws {
        let sink = XMLStreamSink(handler: handler)
        do {
            _ = try ParserGuard.parse(
                bytes, documentName: documentName, reader: self,
                collector: DiagnosticCollector(documentName: documentName), buildsTree: false,
                validator: nil, sink: sink)
        } catch {
            // The handler's stop looks like an unfinished parse to libxml2: its reason comes first.
            if let failure = sink.failure { throw failure }
            throw error
        }
    }

    private func tree(
        of document: ParsedDocument?, documentName: String
    ) throws(XMLReadError) -> XMLElement {
        guard let element = document?.element() else {
            // A well-formed parse always has a root; this only guards against a libxml2 surprise.
            throw .malformed([
                XMLDiagnostic(documentName: documentName, line: 0, message: "no root element")
            ])
        }
        return element
    }
}
