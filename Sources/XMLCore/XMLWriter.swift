internal import CLibXML2

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
/// It is a non-copyable struct rather than a class: the libxml2 writer has exactly one owner,
/// ``finish()`` consumes it so it cannot be used afterwards, and its state needs none of the
/// run-time exclusivity checks that, on a class, cost a third of the writing time. Pass it to
/// helpers as `inout XMLWriter`.
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
/// - ``processingInstruction(_:_:)``
/// - ``comment(_:)``
/// - ``embed(documentElementOf:documentName:)``
/// - ``endElement()``
/// - ``finish()``
public struct XMLWriter: ~Copyable {
    /// The namespace the `xml` prefix is bound to without any declaration.
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    private let writer: xmlTextWriterPtr
    private let buffer: xmlBufferPtr

    /// Namespace bindings in scope, innermost last; a `nil` prefix is the default namespace.
    private var bindings: [(prefix: String?, uri: String)] = [("xml", XMLWriter.xmlNamespace)]
    /// The default namespace in scope (`""` for none), kept apart from `bindings` because
    /// every unprefixed element asks for it.
    private var defaultNamespace = ""
    /// For each open element, the number of `bindings` in scope when it started.
    private var openElements: [Int] = []
    /// Whether attributes may still be written (the current start tag is not closed yet).
    private var startTagOpen = false
    private var rootWritten = false
    /// Qualified names of the attributes of the open start tag, to refuse duplicates.
    private var tagAttributes: [String] = []

    public init(indent: Bool = true) throws(XMLError) {
        LibXML2.initialized
        // Set-up and the final flush are where libxml2 explains its failures (encoding
        // handlers); mid-document calls can only fail for lack of memory, and installing the
        // handler around each of them would cost about a fifth of the writing time.
        let collector = DiagnosticCollector(documentName: "XMLWriter")
        (buffer, writer) = try collector.collecting { () throws(XMLError) in
            try Self.open(indent: indent, collector)
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Opens an element named without a prefix.
    ///
    /// - Parameter namespace: the element's namespace; it becomes the default namespace here
    ///   (declared only if it is not already), and `""` leaves every namespace. `nil` writes the
    ///   name as it is, in whatever default namespace is in scope.
    public mutating func startElement(_ name: String, namespace: String? = nil) throws(XMLError) {
        try checkRootAllowed()
        let rc = name.withCheckedName { [writer] in xmlTextWriterStartElement(writer, $0) }
        guard let rc else { throw .invalidName(name) }
        try check(rc, "startElement")
        openStartTag()
        if let namespace, namespace != defaultNamespace {
            try declare(prefix: nil, uri: namespace)
        }
    }

    /// Opens the element `prefix:localName`, declaring `prefix` unless it is already bound to
    /// `namespace`.
    public mutating func startElement(
        _ localName: String, prefix: String, namespace: String
    ) throws(XMLError) {
        guard XMLCharacters.isName(prefix, allowColon: false) else { throw .invalidName(prefix) }
        guard XMLCharacters.isName(localName, allowColon: false) else {
            throw .invalidName(localName)
        }
        try checkRootAllowed()
        let rc = prefix.withXMLChars { [writer] prefix in
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
    public mutating func namespaceDeclaration(prefix: String?, uri: String) throws(XMLError) {
        try checkStartTagOpen()
        if let prefix, !XMLCharacters.isName(prefix, allowColon: false) {
            throw .invalidName(prefix)
        }
        if self.uri(boundTo: prefix) != uri {
            try declare(prefix: prefix, uri: uri)
        }
    }

    /// Adds an attribute without a namespace to the element just started.
    public mutating func attribute(_ name: String, _ value: String) throws(XMLError) {
        try checkStartTagOpen()
        try claimAttribute(name)
        var forbidden: UInt32?
        let rc = name.withCheckedName { [writer] cName in
            let written = value.withCheckedXMLChars { xmlTextWriterWriteAttribute(writer, cName, $0) }
            forbidden = written.forbidden
            return written.rc
        }
        guard let rc else { throw .invalidName(name) }
        try check(rc, forbidden, "attribute \(name)")
    }

    /// Adds the attribute `prefix:localName` to the element just started, declaring `prefix`
    /// unless it is already bound to `namespace`.
    public mutating func attribute(
        _ localName: String, prefix: String, namespace: String, _ value: String
    ) throws(XMLError) {
        try checkStartTagOpen()
        guard XMLCharacters.isName(prefix, allowColon: false) else { throw .invalidName(prefix) }
        guard XMLCharacters.isName(localName, allowColon: false) else {
            throw .invalidName(localName)
        }
        try claimAttribute("\(prefix):\(localName)")
        try value.checkXMLCharacters(context: "attribute \(prefix):\(localName)")
        if uri(boundTo: prefix) != namespace {
            try declare(prefix: prefix, uri: namespace)
        }
        let rc = prefix.withXMLChars { [writer] prefix in
            localName.withXMLChars { name in
                value.withXMLChars { xmlTextWriterWriteAttributeNS(writer, prefix, name, nil, $0) }
            }
        }
        try check(rc, "attribute")
    }

    /// A processing instruction before the root element, such as
    /// `<?xml-stylesheet type="text/xsl" href="…"?>`.
    public mutating func processingInstruction(_ target: String, _ content: String) throws(XMLError) {
        guard !rootWritten else { throw .misplacedCall("processing instruction after the root element started") }
        guard XMLCharacters.isName(target, allowColon: false), target.lowercased() != "xml" else { throw .invalidName(target) }
        guard !content.contains("?>") else { throw .misplacedCall("a processing instruction cannot contain ?>") }
        try content.checkXMLCharacters(context: "processing instruction \(target)")
        let rc = target.withXMLChars { [writer] name in content.withXMLChars { xmlTextWriterWritePI(writer, name, $0) } }
        try check(rc, "processingInstruction")
    }

    /// Writes character data into the open element; `<`, `&`, `>` and `"` are escaped.
    public mutating func text(_ text: String) throws(XMLError) {
        guard !openElements.isEmpty else { throw .misplacedCall("text outside the root element") }
        let (rc, forbidden) = text.withCheckedXMLChars { [writer] in
            xmlTextWriterWriteString(writer, $0)
        }
        try check(rc, forbidden, "text")
        startTagOpen = false
    }

    /// Writes `<name>text</name>`, the common case of an element holding one value.
    public mutating func element(
        _ name: String, namespace: String? = nil, text: String
    ) throws(XMLError) {
        guard namespace == nil || namespace == defaultNamespace else {
            try startElement(name, namespace: namespace)
            try self.text(text)
            try endElement()
            return
        }
        // With no declaration to add, one libxml2 call does the work of three; such elements
        // are about half of a typical document's calls.
        try checkRootAllowed()
        var forbidden: UInt32?
        let rc = name.withCheckedName { [writer] cName in
            let written = text.withCheckedXMLChars { xmlTextWriterWriteElement(writer, cName, $0) }
            forbidden = written.forbidden
            return written.rc
        }
        guard let rc else { throw .invalidName(name) }
        try check(rc, forbidden, "text")
        rootWritten = true
        startTagOpen = false
    }

    public mutating func comment(_ text: String) throws(XMLError) {
        if text.utf8.last == UInt8(ascii: "-") || text.contains("--") {
            throw .invalidComment(text)
        }
        try text.checkXMLCharacters(context: "comment")
        let rc = text.withXMLChars { [writer] in xmlTextWriterWriteComment(writer, $0) }
        try check(rc, "comment")
        startTagOpen = false
    }

    /// Writes the root element of another document, as libxml2 parsed it (under
    /// ``SafeXMLReader``'s rules), into the open element: an OAI-PMH record carries an exported
    /// document this way. The element keeps its own namespace declarations, whitespace and
    /// attributes, so under exclusive canonicalisation it is the same element as in the
    /// document, and an enveloped signature over it still verifies once it is taken out again.
    /// The document's declaration and processing instructions stay behind.
    public mutating func embed(documentElementOf bytes: [UInt8], documentName: String) throws(XMLError) {
        guard !openElements.isEmpty else { throw .misplacedCall("an embedded element outside the root element") }
        let parsed: ParsedDocument?
        do {
            parsed = try ParserGuard.parse(bytes, documentName: documentName, reader: SafeXMLReader(),
                                           collector: DiagnosticCollector(documentName: documentName),
                                           buildsTree: true, validator: nil)
        } catch {
            throw .misplacedCall("\(documentName) cannot be embedded: \(error)")
        }
        guard let parsed, let root = xmlDocGetRootElement(parsed.document) else {
            throw .misplacedCall("\(documentName) has no root element to embed")
        }
        guard let dump = xmlBufferCreate() else { throw .libxml2(operation: "xmlBufferCreate", code: -1, message: nil) }
        defer { xmlBufferFree(dump) }
        guard xmlNodeDump(dump, parsed.document, root, 0, 0) >= 0, let content = xmlBufferContent(dump) else {
            throw .libxml2(operation: "xmlNodeDump", code: -1, message: nil)
        }
        try check(xmlTextWriterWriteRaw(writer, content), "embed")
        startTagOpen = false
    }

    /// Closes the innermost open element (as `<name/>` when it has no content).
    public mutating func endElement() throws(XMLError) {
        guard let mark = openElements.popLast() else {
            throw .misplacedCall("endElement() with no element open")
        }
        try check(xmlTextWriterEndElement(writer), "endElement")
        if bindings.count > mark {
            bindings.removeSubrange(mark...)
            defaultNamespace = uri(boundTo: nil) ?? ""
        }
        startTagOpen = false
    }

    /// Ends the document and returns its bytes.
    public consuming func finish() throws(XMLError) -> [UInt8] {
        guard rootWritten, openElements.isEmpty else {
            throw .misplacedCall(
                rootWritten
                    ? "finish() with \(openElements.count) element(s) still open"
                    : "finish() before any element was written")
        }
        let (writer, buffer) = (self.writer, self.buffer)
        let collector = DiagnosticCollector(documentName: "XMLWriter")
        return try collector.collecting { () throws(XMLError) in
            try Self.check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument", collector)
            try Self.check(xmlTextWriterFlush(writer), "xmlTextWriterFlush", collector)
            guard let content = xmlBufferContent(buffer) else { return [] }
            return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
        }
    }

    // MARK: - State

    private static func open(
        indent: Bool, _ collector: DiagnosticCollector
    ) throws(XMLError) -> (xmlBufferPtr, xmlTextWriterPtr) {
        guard let buffer = xmlBufferCreate() else { throw failure("xmlBufferCreate", -1, collector) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw failure("xmlNewTextWriterMemory", -1, collector)
        }
        do throws(XMLError) {
            if indent {
                try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent", collector)
                let rc = "  ".withXMLChars { xmlTextWriterSetIndentString(writer, $0) }
                try check(rc, "xmlTextWriterSetIndentString", collector)
            }
            try check(
                xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil),
                "xmlTextWriterStartDocument", collector)
        } catch {
            xmlFreeTextWriter(writer)
            xmlBufferFree(buffer)
            throw error
        }
        return (buffer, writer)
    }

    private func checkRootAllowed() throws(XMLError) {
        if rootWritten, openElements.isEmpty { throw .misplacedCall("a second root element") }
    }

    private mutating func openStartTag() {
        openElements.append(bindings.count)
        rootWritten = true
        startTagOpen = true
        if !tagAttributes.isEmpty { tagAttributes.removeAll(keepingCapacity: true) }
    }

    private func checkStartTagOpen() throws(XMLError) {
        guard startTagOpen else {
            throw .misplacedCall("attributes and namespace declarations must follow startElement")
        }
    }

    /// Records `qualifiedName` on the open start tag, unless it is already there.
    private mutating func claimAttribute(_ qualifiedName: String) throws(XMLError) {
        if tagAttributes.contains(qualifiedName) { throw .duplicateAttribute(qualifiedName) }
        tagAttributes.append(qualifiedName)
    }

    /// The namespace `prefix` stands for here; without a default declaration that is `""`.
    private func uri(boundTo prefix: String?) -> String? {
        if let binding = bindings.last(where: { $0.prefix == prefix }) { return binding.uri }
        return prefix == nil ? "" : nil
    }

    private mutating func declare(prefix: String?, uri: String) throws(XMLError) {
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
        try uri.checkXMLCharacters(context: "namespace \(name)")
        let rc = "xmlns".withXMLChars { [writer] xmlns in
            uri.withXMLChars { uri in
                guard let prefix else { return xmlTextWriterWriteAttribute(writer, xmlns, uri) }
                return prefix.withXMLChars {
                    xmlTextWriterWriteAttributeNS(writer, xmlns, $0, nil, uri)
                }
            }
        }
        try check(rc, "namespace declaration")
        bindings.append((prefix, uri))
        if prefix == nil { defaultNamespace = uri }
    }

    // MARK: - libxml2 results

    private func check(_ rc: Int32, _ operation: String) throws(XMLError) {
        if rc < 0 { throw .libxml2(operation: operation, code: Int(rc), message: nil) }
    }

    /// Checks the outcome of `withCheckedXMLChars`; `context` says where the text was going.
    private func check(
        _ rc: Int32, _ forbidden: UInt32?, _ context: @autoclosure () -> String
    ) throws(XMLError) {
        if let forbidden { throw .invalidCharacter(scalar: forbidden, context: context()) }
        if rc < 0 { throw .libxml2(operation: context(), code: Int(rc), message: nil) }
    }

    private static func check(
        _ rc: Int32, _ operation: String, _ collector: DiagnosticCollector
    ) throws(XMLError) {
        if rc < 0 { throw failure(operation, rc, collector) }
    }

    private static func failure(
        _ operation: String, _ rc: Int32, _ collector: DiagnosticCollector
    ) -> XMLError {
        .libxml2(operation: operation, code: Int(rc), message: collector.all.last?.message)
    }
}

@available(*, unavailable, message: "XMLWriter owns a libxml2 writer that must stay on one thread")
extension XMLWriter: Sendable {}

extension String {
    /// Passes the string to libxml2 as `const xmlChar *` without copying a native string.
    fileprivate func withXMLChars<Result>(_ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    /// Like `withXMLChars`, but calls `body` only if the string is an XML name without colon,
    /// and returns `nil` otherwise.
    fileprivate func withCheckedName(_ body: (UnsafePointer<xmlChar>) -> Int32) -> Int32? {
        let count = utf8.count
        return withXMLChars { chars in
            XMLCharacters.isName(UnsafeBufferPointer(start: chars, count: count), allowColon: false)
                ? body(chars) : nil
        }
    }

    /// Like `withXMLChars`, but calls `body` only if the string has no character XML 1.0
    /// cannot carry, and otherwise returns the first one. Checking inside the same call spares
    /// short strings a second copy, which matters for the many small values of a document.
    fileprivate func withCheckedXMLChars(
        _ body: (UnsafePointer<xmlChar>) -> Int32
    ) -> (rc: Int32, forbidden: UInt32?) {
        let count = utf8.count
        return withXMLChars { chars in
            if let forbidden = XMLCharacters.firstForbiddenScalar(
                in: UnsafeBufferPointer(start: chars, count: count))
            {
                return (0, forbidden)
            }
            return (body(chars), nil)
        }
    }

    /// Refuses characters XML 1.0 cannot carry; an embedded NUL, for one, would otherwise
    /// silently cut the string short.
    fileprivate func checkXMLCharacters(context: @autoclosure () -> String) throws(XMLError) {
        let forbidden =
            utf8.withContiguousStorageIfAvailable(XMLCharacters.firstForbiddenScalar)
            ?? Array(utf8).withUnsafeBufferPointer(XMLCharacters.firstForbiddenScalar)
        if let forbidden { throw .invalidCharacter(scalar: forbidden, context: context()) }
    }
}
