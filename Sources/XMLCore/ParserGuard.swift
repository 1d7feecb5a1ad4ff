import CLibXML2

/// SAX hooks that stop libxml2 the moment a document breaks a safety rule, before the offending
/// part is parsed or built into a tree.
///
/// The DOCTYPE hook fires when `<!DOCTYPE name` has been read and before any internal subset,
/// so entity declarations are never parsed; the depth hook stops at the first element past the
/// limit, so a 100,000-deep document costs no more than one at the limit.
final class ParserGuard {
    let maximumDepth: Int
    private(set) var sawDoctype = false
    private(set) var exceededDepth = false
    private var depth = 0

    init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    /// Hooks into `context`'s SAX handler; `self` must outlive the parse.
    func install(on context: xmlParserCtxtPtr) {
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        guard let sax = context.pointee.sax else { return }
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
            xmlSAX2StartElementNs(
                userData, localName, prefix, uri, namespaceCount, namespaces, attributeCount,
                defaultedCount, attributes)
        }
        sax.pointee.endElementNs = { userData, localName, prefix, uri in
            guard let (_, parserGuard) = ParserGuard.from(userData) else { return }
            parserGuard.depth -= 1
            xmlSAX2EndElementNs(userData, localName, prefix, uri)
        }
    }

    /// SAX callbacks receive the parser context as user data (libxml2's default for a context
    /// made by `xmlNewParserCtxt`); the guard rides in its `_private` field.
    private static func from(
        _ userData: UnsafeMutableRawPointer?
    ) -> (xmlParserCtxtPtr, ParserGuard)? {
        guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
            let guardPointer = context.pointee._private
        else { return nil }
        return (context, Unmanaged<ParserGuard>.fromOpaque(guardPointer).takeUnretainedValue())
    }
}
