import CLibXML2

/// Streams one XML document into memory through libxml2's `xmlTextWriter`.
///
/// The output is UTF-8 with an XML declaration and, by default, two-space indentation; the same
/// calls always give the same bytes, so exported files can be hashed and compared. Indentation
/// inserts whitespace into mixed content (text next to child elements), so write such documents
/// with `indent: false`.
///
/// The writer tracks namespace declarations in scope and writes an `xmlns` attribute only where
/// a binding is new, so callers can name the namespace on every element without repeating it in
/// the output.
///
/// Every string is checked before it reaches libxml2, which would otherwise write control
/// characters, invalid names or `--` in comments straight into an unreadable file.
///
/// ## Topics
/// ### Writing
/// - ``init(indent:)``
/// - ``startElement(_:namespace:)``
/// - ``startElement(_:prefix:namespace:)``
/// - ``namespaceDeclaration(prefix:uri:)``
/// - ``attribute(_:_:)``
/// - ``attribute(_:prefix:namespace:_:)``
/// - ``text(_:)``
/// - ``element(_:namespace:text:)``
/// - ``comment(_:)``
/// - ``endElement()``
/// - ``finish()``
public final class XMLWriter {
    /// The namespace the `xml` prefix is bound to without any declaration.
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    private var writer: xmlTextWriterPtr?
    private var buffer: xmlBufferPtr?
    private let collector = DiagnosticCollector(documentName: "XMLWriter")

    /// Namespace bindings in scope, innermost last; a `nil` prefix is the default namespace.
    private var bindings: [(prefix: String?, uri: String)] = [("xml", XMLWriter.xmlNamespace)]
    /// For each open element, the number of `bindings` in scope when it started.
    private var openElements: [Int] = []
    /// Whether attributes may still be written (the current start tag is not closed yet).
    private var startTagOpen = false
    private var rootWritten = false
    /// Attributes of the open start tag, to refuse duplicates.
    private var tagAttributes: [(prefix: String?, name: String)] = []

    public init(indent: Bool = true) throws(XMLError) {
        LibXML2.initialized
        guard let buffer = xmlBufferCreate() else {
            throw .libxml2(operation: "xmlBufferCreate", code: -1, message: nil)
        }
        self.buffer = buffer
        // Encoding set-up is where libxml2 reports errors at this stage; mid-document calls can
        // only fail for lack of memory, and installing the handler on each of them would cost
        // about a fifth of the writing time.
        try collector.collecting { () throws(XMLError) in
            guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
                throw failure("xmlNewTextWriterMemory", -1)
            }
            self.writer = writer
            if indent {
                try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
                let rc = "  ".withXMLChars { xmlTextWriterSetIndentString(writer, $0) }
                try check(rc, "xmlTextWriterSetIndentString")
            }
            try check(
                xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
        }
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        if let buffer { xmlBufferFree(buffer) }
    }

    /// Opens an element named without a prefix.
    ///
    /// - Parameter namespace: the element's namespace; it becomes the default namespace here
    ///   (declared only if it is not already), and `""` leaves every namespace. `nil` writes the
    ///   name as it is, in whatever default namespace is in scope.
    public func startElement(_ name: String, namespace: String? = nil) throws(XMLError) {
        let writer = try beginElement(name)
        try check(name.withXMLChars { xmlTextWriterStartElement(writer, $0) }, "startElement")
        openStartTag()
        if let namespace, uri(boundTo: nil) != namespace {
            try declare(prefix: nil, uri: namespace)
        }
    }

    /// Opens the element `prefix:localName`, declaring `prefix` unless it is already bound to
    /// `namespace`.
    public func startElement(
        _ localName: String, prefix: String, namespace: String
    ) throws(XMLError) {
        guard XMLCharacters.isName(prefix, allowColon: false) else { throw .invalidName(prefix) }
        let writer = try beginElement(localName)
        let rc = prefix.withXMLChars { prefix in
            localName.withXMLChars { xmlTextWriterStartElementNS(writer, prefix, $0, nil) }
        }
        try check(rc, "startElement")
        openStartTag()
        if uri(boundTo: prefix) != namespace {
            try declare(prefix: prefix, uri: namespace)
        }
    }

    /// Declares a namespace on the element just started, unless the binding is already in scope;
    /// useful for prefixes that only appear in attribute values, such as `xsi:type`.
    ///
    /// - Parameter prefix: `nil` for the default namespace.
    public func namespaceDeclaration(prefix: String?, uri: String) throws(XMLError) {
        _ = try attributeWriter()
        if let prefix, !XMLCharacters.isName(prefix, allowColon: false) {
            throw .invalidName(prefix)
        }
        if self.uri(boundTo: prefix) != uri {
            try declare(prefix: prefix, uri: uri)
        }
    }

    /// Adds an attribute without a namespace to the element just started.
    public func attribute(_ name: String, _ value: String) throws(XMLError) {
        let writer = try attributeWriter()
        try claimAttribute(prefix: nil, name)
        let rc = try name.withXMLChars { cName throws(XMLError) in
            try value.withCheckedXMLChars(context: "attribute \(name)") {
                xmlTextWriterWriteAttribute(writer, cName, $0)
            }
        }
        try check(rc, "attribute")
    }

    /// Adds the attribute `prefix:localName` to the element just started, declaring `prefix`
    /// unless it is already bound to `namespace`.
    public func attribute(
        _ localName: String, prefix: String, namespace: String, _ value: String
    ) throws(XMLError) {
        let writer = try attributeWriter()
        guard XMLCharacters.isName(prefix, allowColon: false) else { throw .invalidName(prefix) }
        try claimAttribute(prefix: prefix, localName)
        if uri(boundTo: prefix) != namespace {
            try declare(prefix: prefix, uri: namespace)
        }
        let rc = try prefix.withXMLChars { cPrefix throws(XMLError) in
            try localName.withXMLChars { cName throws(XMLError) in
                try value.withCheckedXMLChars(context: "attribute \(prefix):\(localName)") {
                    xmlTextWriterWriteAttributeNS(writer, cPrefix, cName, nil, $0)
                }
            }
        }
        try check(rc, "attribute")
    }

    /// Writes character data into the open element; `<`, `&`, `>` and `"` are escaped.
    public func text(_ text: String) throws(XMLError) {
        guard let writer = try liveWriter(), !openElements.isEmpty else {
            throw .misplacedCall("text outside the root element")
        }
        let rc = try text.withCheckedXMLChars(context: "text") {
            xmlTextWriterWriteString(writer, $0)
        }
        try check(rc, "text")
        startTagOpen = false
    }

    /// Writes `<name>text</name>`, the common case of an element holding one value.
    public func element(_ name: String, namespace: String? = nil, text: String) throws(XMLError) {
        try startElement(name, namespace: namespace)
        try self.text(text)
        try endElement()
    }

    public func comment(_ text: String) throws(XMLError) {
        guard let writer = try liveWriter() else { return }
        if text.utf8.last == UInt8(ascii: "-") || text.contains("--") {
            throw .invalidComment(text)
        }
        let rc = try text.withCheckedXMLChars(context: "comment") {
            xmlTextWriterWriteComment(writer, $0)
        }
        try check(rc, "comment")
        startTagOpen = false
    }

    /// Closes the innermost open element (as `<name/>` when it has no content).
    public func endElement() throws(XMLError) {
        guard let writer = try liveWriter(), let mark = openElements.popLast() else {
            throw .misplacedCall("endElement() with no element open")
        }
        try check(xmlTextWriterEndElement(writer), "endElement")
        bindings.removeSubrange(mark...)
        startTagOpen = false
    }

    /// Ends the document and returns its bytes; the writer cannot be used afterwards.
    public func finish() throws(XMLError) -> [UInt8] {
        guard let writer = try liveWriter(), let buffer else { return [] }
        guard rootWritten, openElements.isEmpty else {
            throw .misplacedCall(
                rootWritten
                    ? "finish() with \(openElements.count) element(s) still open"
                    : "finish() before any element was written")
        }
        return try collector.collecting { () throws(XMLError) in
            try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
            // Freeing the writer flushes its output buffer into `buffer`.
            xmlFreeTextWriter(writer)
            self.writer = nil
            defer {
                xmlBufferFree(buffer)
                self.buffer = nil
            }
            guard let content = xmlBufferContent(buffer) else { return [] }
            return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
        }
    }

    // MARK: - State

    private func liveWriter() throws(XMLError) -> xmlTextWriterPtr? {
        guard let writer else { throw .misplacedCall("the writer has already finished") }
        return writer
    }

    private func beginElement(_ name: String) throws(XMLError) -> xmlTextWriterPtr {
        guard XMLCharacters.isName(name, allowColon: false) else { throw .invalidName(name) }
        guard let writer = try liveWriter(), !(rootWritten && openElements.isEmpty) else {
            throw .misplacedCall("a second root element")
        }
        return writer
    }

    private func openStartTag() {
        openElements.append(bindings.count)
        rootWritten = true
        startTagOpen = true
        tagAttributes.removeAll(keepingCapacity: true)
    }

    private func attributeWriter() throws(XMLError) -> xmlTextWriterPtr {
        guard let writer = try liveWriter(), startTagOpen else {
            throw .misplacedCall("attributes and namespace declarations must follow startElement")
        }
        return writer
    }

    private func claimAttribute(prefix: String?, _ name: String) throws(XMLError) {
        guard XMLCharacters.isName(name, allowColon: false) else { throw .invalidName(name) }
        if tagAttributes.contains(where: { $0.prefix == prefix && $0.name == name }) {
            throw .duplicateAttribute(prefix.map { "\($0):\(name)" } ?? name)
        }
        tagAttributes.append((prefix, name))
    }

    /// The namespace `prefix` stands for here; without a default declaration that is `""`.
    private func uri(boundTo prefix: String?) -> String? {
        if let binding = bindings.last(where: { $0.prefix == prefix }) { return binding.uri }
        return prefix == nil ? "" : nil
    }

    private func declare(prefix: String?, uri: String) throws(XMLError) {
        let name = prefix.map { "xmlns:\($0)" } ?? "xmlns"
        if prefix == "xmlns" || (prefix == "xml") != (uri == Self.xmlNamespace) {
            throw .invalidName(name)
        }
        if prefix != nil, uri.isEmpty {
            throw .misplacedCall("\(name) cannot be undeclared in XML 1.0")
        }
        if let mark = openElements.last, bindings[mark...].contains(where: { $0.prefix == prefix }) {
            throw .duplicateAttribute(name)
        }
        guard let writer else { return }
        let rc = try "xmlns".withXMLChars { xmlns throws(XMLError) in
            try uri.withCheckedXMLChars(context: "namespace \(name)") { cURI in
                guard let prefix else { return xmlTextWriterWriteAttribute(writer, xmlns, cURI) }
                return prefix.withXMLChars {
                    xmlTextWriterWriteAttributeNS(writer, xmlns, $0, nil, cURI)
                }
            }
        }
        try check(rc, "namespace declaration")
        bindings.append((prefix, uri))
    }

    // MARK: - libxml2 results

    private func check(_ rc: Int32, _ operation: String) throws(XMLError) {
        if rc < 0 { throw failure(operation, rc) }
    }

    private func failure(_ operation: String, _ rc: Int32) -> XMLError {
        .libxml2(operation: operation, code: Int(rc), message: collector.all.last?.message)
    }
}

@available(*, unavailable, message: "XMLWriter owns a libxml2 writer that must stay on one thread")
extension XMLWriter: Sendable {}

extension String {
    /// Passes the string to libxml2 as `const xmlChar *` without copying a native string.
    fileprivate func withXMLChars<Success, Failure: Error>(
        _ body: (UnsafePointer<xmlChar>) throws(Failure) -> Success
    ) throws(Failure) -> Success {
        // `withCString` only rethrows untyped errors, so the typed one travels in a `Result`.
        let result = withCString { chars in
            Result { () throws(Failure) in
                try body(UnsafeRawPointer(chars).assumingMemoryBound(to: xmlChar.self))
            }
        }
        return try result.get()
    }

    /// Like `withXMLChars`, but refuses characters XML 1.0 cannot carry (an embedded NUL would
    /// otherwise silently cut the string short).
    fileprivate func withCheckedXMLChars(
        context: @autoclosure () -> String,
        _ body: (UnsafePointer<xmlChar>) -> Int32
    ) throws(XMLError) -> Int32 {
        let count = utf8.count
        var forbidden: UInt32?
        let rc = withXMLChars { chars -> Int32 in
            forbidden = XMLCharacters.firstForbiddenScalar(
                in: UnsafeBufferPointer(start: chars, count: count))
            return forbidden == nil ? body(chars) : 0
        }
        if let forbidden { throw .invalidCharacter(scalar: forbidden, context: context()) }
        return rc
    }
}
