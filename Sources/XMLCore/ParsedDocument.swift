import CLibXML2

/// A libxml2 document that passed ``SafeXMLReader``'s checks; the sole owner of its `xmlDoc`.
final class ParsedDocument {
    /// No entity substitution, no DTD loading or validation, no network, libxml2's built-in
    /// size limits left on (no `XML_PARSE_HUGE`). `COMPACT` and `BIG_LINES` are what xmllint
    /// uses: less memory per small text node, and true line numbers past 65,535.
    static let options = Int32(
        bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)

    let document: xmlDocPtr
    let name: String

    private init(document: xmlDocPtr, name: String) {
        self.document = document
        self.name = name
    }

    deinit { xmlFreeDoc(document) }

    /// Parses `bytes` under `reader`'s limits, or says which rule they broke.
    static func parse(
        _ bytes: [UInt8], documentName: String, reader: SafeXMLReader
    ) throws(XMLReadError) -> ParsedDocument {
        LibXML2.initialized
        // xmlCtxtReadMemory takes an `int` size.
        let limit = min(reader.maximumBytes, Int(Int32.max))
        guard bytes.count <= limit else { throw .tooLarge(bytes: bytes.count, limit: limit) }
        let collector = DiagnosticCollector(documentName: documentName)
        guard !bytes.isEmpty else {
            collector.add("the document is empty")
            throw .malformed(collector.all)
        }
        guard let context = xmlNewParserCtxt() else {
            collector.add("libxml2 could not allocate a parser")
            throw .malformed(collector.all)
        }
        defer { xmlFreeParserCtxt(context) }
        let parserGuard = ParserGuard(maximumDepth: reader.maximumDepth)
        parserGuard.install(on: context)

        let parsed = collector.collecting {
            bytes.withUnsafeBytes { raw in
                xmlCtxtReadMemory(
                    context, raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                    Int32(raw.count), documentName, nil, options)
            }
        }
        let document = parsed.map { ParsedDocument(document: $0, name: documentName) }

        if parserGuard.sawDoctype || document?.document.pointee.intSubset != nil {
            throw .doctypeForbidden
        }
        if parserGuard.exceededDepth { throw .tooDeep(limit: reader.maximumDepth) }
        guard let document, context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0
        else {
            if let encodingError = collector.encodingError {
                throw .invalidUTF8(encodingError)
            }
            if collector.all.isEmpty { collector.add("libxml2 refused the document") }
            throw .malformed(collector.all)
        }
        if let expected = reader.expectedRoot, let found = document.rootName, found != expected {
            throw .wrongRoot(expected: expected, found: found)
        }
        return document
    }

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    var rootName: XMLName? {
        root.map { XMLName(namespace: Self.namespace(of: $0), localName: Self.string($0.pointee.name)) }
    }

    /// Copies the tree into Swift values, iteratively: depth is bounded by the reader, but an
    /// explicit stack keeps that bound from ever depending on the thread's stack size.
    func element() -> XMLElement? {
        guard let root else { return nil }
        var stack: [(element: XMLElement, next: xmlNodePtr?)] = [
            (Self.element(root), root.pointee.children)
        ]
        while let top = stack.indices.last {
            guard let node = stack[top].next else {
                let finished = stack.removeLast().element
                guard let parent = stack.indices.last else { return finished }
                stack[parent].element.children.append(.element(finished))
                continue
            }
            stack[top].next = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                stack.append((Self.element(node), node.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                stack[top].element.children.append(.text(Self.string(node.pointee.content)))
            default:
                continue
            }
        }
        return nil
    }

    private static func element(_ node: xmlNodePtr) -> XMLElement {
        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            // Only text can be here: with the DOCTYPE refused, no entity is ever declared.
            while let part = child {
                if part.pointee.type == XML_TEXT_NODE { value += string(part.pointee.content) }
                child = part.pointee.next
            }
            attributes.append(
                XMLAttribute(
                    name: string(current.pointee.name),
                    namespace: current.pointee.ns.map { string($0.pointee.href) }, value: value))
            attribute = current.pointee.next
        }
        return XMLElement(
            name: string(node.pointee.name), namespace: namespace(of: node),
            attributes: attributes)
    }

    private static func namespace(of node: xmlNodePtr) -> String? {
        node.pointee.ns.map { string($0.pointee.href) }
    }

    private static func string(_ chars: UnsafePointer<xmlChar>?) -> String {
        chars.map { String(cString: $0) } ?? ""
    }
}
