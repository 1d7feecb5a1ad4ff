internal import CLibXML2

/// Parses untrusted bytes under ``SafeXMLReader``'s rules, stopping libxml2 the moment a
/// document breaks one, before the offending part is parsed or built into a tree.
///
/// The DOCTYPE hook fires when `<!DOCTYPE name` has been read and before any internal subset,
/// so entity declarations are never parsed; the depth hook stops at the first element past the
/// limit, so a 100,000-deep document costs no more than one at the limit.
///
/// A schema validator can ride along in the same pass (libxml2's SAX "plug"), with or without a
/// tree: validating while streaming needs no tree at all, which on a 50 MB file saves both the
/// memory and about a third of the time of `xmllint --schema`.
final class ParserGuard {
    /// No entity substitution, no DTD loading or validation, no network, libxml2's built-in
    /// size limits left on (no `XML_PARSE_HUGE`). `COMPACT` and `BIG_LINES` are what xmllint
    /// uses: less memory per small text node, and true line numbers past 65,535.
    static let options = Int32(
        bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)

    private let maximumDepth: Int
    private let buildsTree: Bool
    /// Where elements and text go as they are parsed, for ``SafeXMLReader/stream(_:documentName:to:)``.
    private let sink: XMLStreamSink?
    private var sawDoctype = false
    private var exceededDepth = false
    private var rootName: XMLName?
    private var depth = 0

    private init(maximumDepth: Int, buildsTree: Bool, sink: XMLStreamSink?) {
        self.maximumDepth = maximumDepth
        self.buildsTree = buildsTree
        self.sink = sink
    }

    /// Parses `bytes`, or says which of `reader`'s rules they broke. Errors go to `collector`
    /// (so do the validator's, if it was set up to report there).
    ///
    /// - Returns: the document when `buildsTree`, otherwise `nil`.
    static func parse(
        _ bytes: [UInt8], documentName: String, reader: SafeXMLReader,
        collector: DiagnosticCollector, buildsTree: Bool, validator: xmlSchemaValidCtxtPtr?,
        sink: XMLStreamSink? = nil
    ) throws(XMLReadError) -> ParsedDocument? {
        LibXML2.initialized
        // libxml2 takes an `int` size.
        let limit = min(reader.maximumBytes, Int(Int32.max))
        guard bytes.count <= limit else { throw .tooLarge(bytes: bytes.count, limit: limit) }
        guard !bytes.isEmpty else {
            collector.add("the document is empty")
            throw .malformed(collector.all)
        }
        let parserGuard = ParserGuard(
            maximumDepth: reader.maximumDepth, buildsTree: buildsTree, sink: sink)
        let (document, complete) = collector.collecting {
            parserGuard.run(bytes, validator: validator)
        }
        let parsed = document.map { ParsedDocument(document: $0, name: documentName) }

        if parserGuard.sawDoctype || parsed?.document.pointee.intSubset != nil {
            throw .doctypeForbidden
        }
        if parserGuard.exceededDepth { throw .tooDeep(limit: reader.maximumDepth) }
        guard complete, let rootName = parserGuard.rootName else {
            if let encodingError = collector.encodingError { throw .invalidUTF8(encodingError) }
            if collector.all.isEmpty { collector.add("libxml2 refused the document") }
            throw .malformed(collector.all)
        }
        if let expected = reader.expectedRoot, rootName != expected {
            throw .wrongRoot(expected: expected, found: rootName)
        }
        return parsed
    }

    private func run(
        _ bytes: [UInt8], validator: xmlSchemaValidCtxtPtr?
    ) -> (xmlDocPtr?, complete: Bool) {
        bytes.withUnsafeBytes { raw in
            // libxml2 copies the bytes. Its no-copy "static" buffer expects a NUL after the last
            // byte, which an array does not have: 2.9.14 then reads past the end.
            guard
                let input = xmlParserInputBufferCreateMem(
                    raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                    XML_CHAR_ENCODING_NONE)
            else { return (nil, false) }
            guard let context = xmlNewParserCtxt() else {
                xmlFreeParserInputBuffer(input)
                return (nil, false)
            }
            defer { xmlFreeParserCtxt(context) }
            guard let stream = xmlNewIOInputStream(context, input, XML_CHAR_ENCODING_NONE) else {
                xmlFreeParserInputBuffer(input)
                return (nil, false)
            }
            inputPush(context, stream)
            xmlCtxtUseOptions(context, Self.options)
            install(on: context)

            // The plug swaps the context's SAX handler and user data for its own and puts ours
            // back when unplugged, so it needs the addresses of those two fields.
            let fields = UnsafeMutableRawPointer(context)
            let plug = validator.flatMap { validator in
                xmlSchemaSAXPlug(
                    validator,
                    (fields + MemoryLayout<xmlParserCtxt>.offset(of: \.sax)!)
                        .assumingMemoryBound(to: xmlSAXHandlerPtr?.self),
                    (fields + MemoryLayout<xmlParserCtxt>.offset(of: \.userData)!)
                        .assumingMemoryBound(to: UnsafeMutableRawPointer?.self))
            }
            if let validator {
                // Without a tree the validator has no nodes to take line numbers from.
                xmlSchemaValidateSetLocator(validator, Self.locator, context)
            }
            xmlParseDocument(context)
            if let plug { xmlSchemaSAXUnplug(plug) }

            let document = context.pointee.myDoc
            context.pointee.myDoc = nil
            // A namespace error leaves `wellFormed` set, and a tree-building failure (such as a
            // text node over libxml2's 10,000,000-byte limit) only stops the parser, returning a
            // truncated document: any stop other than our own is a failure too.
            let complete =
                context.pointee.wellFormed != 0 && context.pointee.nsWellFormed != 0
                && context.pointee.disableSAX == 0
            return (document, complete)
        }
    }

    /// Hooks into `context`'s SAX handler; `self` must outlive the parse.
    private func install(on context: xmlParserCtxtPtr) {
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        guard let sax = context.pointee.sax else { return }
        if !buildsTree {
            // Only our hooks: no tree, no entity handling, nothing else to call back.
            sax.pointee = xmlSAXHandler()
            sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
        }
        sax.pointee.internalSubset = { userData, _, _, _ in
            guard let (context, parserGuard) = ParserGuard.from(userData) else { return }
            parserGuard.sawDoctype = true
            xmlStopParser(context)
        }
        sax.pointee.startElementNs = {
            userData, localName, prefix, uri, namespaceCount, namespaces, attributeCount,
            defaultedCount, attributes in
            guard let (context, parserGuard) = ParserGuard.from(userData) else { return }
            parserGuard.depth += 1
            guard parserGuard.depth <= parserGuard.maximumDepth else {
                parserGuard.exceededDepth = true
                xmlStopParser(context)
                return
            }
            if parserGuard.rootName == nil, let localName {
                parserGuard.rootName = XMLName(
                    namespace: uri.map { String(cString: $0) }, localName: String(cString: localName))
            }
            if parserGuard.buildsTree {
                xmlSAX2StartElementNs(
                    userData, localName, prefix, uri, namespaceCount, namespaces, attributeCount,
                    defaultedCount, attributes)
            }
            if let sink = parserGuard.sink {
                let name = XMLName(
                    namespace: uri.map { String(cString: $0) },
                    localName: localName.map { String(cString: $0) } ?? "")
                let values = ParserGuard.attributes(attributes, count: Int(attributeCount))
                if !sink.deliver({ try $0.startElement(name, attributes: values) }) {
                    xmlStopParser(context)
                }
            }
        }
        sax.pointee.endElementNs = { userData, localName, prefix, uri in
            guard let (context, parserGuard) = ParserGuard.from(userData) else { return }
            parserGuard.depth -= 1
            if parserGuard.buildsTree { xmlSAX2EndElementNs(userData, localName, prefix, uri) }
            if let sink = parserGuard.sink {
                let name = XMLName(
                    namespace: uri.map { String(cString: $0) },
                    localName: localName.map { String(cString: $0) } ?? "")
                if !sink.deliver({ try $0.endElement(name) }) { xmlStopParser(context) }
            }
        }
        guard sink != nil else { return }
        // Only a stream needs the text; with NOCDATA, CDATA sections arrive here too.
        sax.pointee.characters = { userData, characters, length in
            guard let (context, parserGuard) = ParserGuard.from(userData), let sink = parserGuard.sink,
                let characters
            else { return }
            let text = String(
                decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self)
            if !sink.deliver({ try $0.text(text) }) { xmlStopParser(context) }
        }
    }

    /// SAX2 hands attributes as five pointers each: local name, prefix, URI, value start, value
    /// end. Character and predefined entity references come replaced, except an ampersand: with
    /// entity substitution off, libxml2 2.9 hands `&amp;` and `&#38;` on as `&#38;`, for a tree
    /// builder to decode. With the DOCTYPE refused no other entity exists, so every `&` left in
    /// a value starts that sequence.
    private static func attributes(
        _ pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int
    ) -> [XMLAttribute] {
        guard let pointers, count > 0 else { return [] }
        return (0..<count).map { index in
            let base = pointers + index * 5
            let value: String
            if let start = base[3], let end = base[4] {
                let raw = String(
                    decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                value = raw.contains("&") ? raw.replacing("&#38;", with: "&") : raw
            } else {
                value = ""
            }
            return XMLAttribute(
                name: base[0].map { String(cString: $0) } ?? "",
                namespace: base[2].map { String(cString: $0) }, value: value)
        }
    }

    /// SAX callbacks receive the parser context as user data (libxml2's default, which the
    /// schema plug preserves); the guard rides in its `_private` field.
    private static func from(
        _ userData: UnsafeMutableRawPointer?
    ) -> (xmlParserCtxtPtr, ParserGuard)? {
        guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
            let guardPointer = context.pointee._private
        else { return nil }
        return (context, Unmanaged<ParserGuard>.fromOpaque(guardPointer).takeUnretainedValue())
    }

    /// Tells the validator the line the parser has reached; `context` is the parser context.
    private static let locator: xmlSchemaValidityLocatorFunc = { context, file, line in
        guard let input = context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee.input
        else { return -1 }
        file?.pointee = nil
        line?.pointee = UInt(input.pointee.line)
        return 0
    }
}
