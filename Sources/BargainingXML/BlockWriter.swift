internal import XMLCore

/// An ``XMLWriter`` for documents with mixed content (Akoma Ntoso paragraphs), laid out by hand.
///
/// libxml2's own indentation puts whitespace inside paragraphs that mix text and inline
/// elements, which changes their text. Here the writer does not indent; block elements are put on
/// their own lines by writing the line break and indentation as text between them (whitespace
/// that schemas ignore in element-only content), and paragraphs are written inline, untouched.
struct BlockWriter: ~Copyable {
    private var writer: XMLWriter
    /// For each open block element: whether a block child was written into it.
    private var blocks: [Bool] = []

    init() throws(XMLError) {
        writer = try XMLWriter(indent: false)
    }

    /// Opens a block element on its own line. Attributes follow with ``attribute(_:_:)``.
    mutating func open(_ name: String, namespace: String? = nil) throws(XMLError) {
        try breakLine()
        try writer.startElement(name, namespace: namespace)
        blocks.append(false)
    }

    /// Closes the innermost block element, on its own line if it had block children.
    mutating func close() throws(XMLError) {
        let hadBlocks = blocks.removeLast()
        if hadBlocks { try writer.text("\n" + String(repeating: "  ", count: blocks.count)) }
        try writer.endElement()
    }

    mutating func attribute(_ name: String, _ value: String) throws(XMLError) {
        try writer.attribute(name, value)
    }

    /// An empty block element on its own line: `<name a="…"/>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) throws(XMLError) {
        try open(name)
        for (key, value) in attributes { try writer.attribute(key, value) }
        try close()
    }

    /// A block element holding only text, on its own line.
    mutating func leaf(_ name: String, _ text: String, _ attributes: KeyValuePairs<String, String> = [:]) throws(XMLError) {
        try open(name)
        for (key, value) in attributes { try writer.attribute(key, value) }
        try writer.text(text)
        try close()
    }

    /// A paragraph-like element (`p`, `heading`, `li`) on its own line, whose content `body`
    /// writes inline with ``text(_:)`` and ``inline(_:_:_:)``.
    mutating func paragraph(
        _ name: String = "p", _ body: (inout BlockWriter) throws(XMLError) -> Void
    ) throws(XMLError) {
        try open(name)
        try body(&self)
        try close()
    }

    /// Text inside a paragraph.
    mutating func text(_ text: String) throws(XMLError) {
        try writer.text(text)
    }

    /// `<name attributes…>text</name>` inside a paragraph.
    mutating func inline(_ name: String, _ attributes: KeyValuePairs<String, String>, _ text: String) throws(XMLError) {
        try writer.startElement(name)
        for (key, value) in attributes { try writer.attribute(key, value) }
        try writer.text(text)
        try writer.endElement()
    }

    /// An inline element with inline children, inside a paragraph.
    mutating func inline(
        _ name: String, _ attributes: KeyValuePairs<String, String>, _ body: (inout BlockWriter) throws(XMLError) -> Void
    ) throws(XMLError) {
        try writer.startElement(name)
        for (key, value) in attributes { try writer.attribute(key, value) }
        try body(&self)
        try writer.endElement()
    }

    /// Starts an element in another namespace under a prefix, on its own line.
    mutating func open(_ name: String, prefix: String, namespace: String) throws(XMLError) {
        try breakLine()
        try writer.startElement(name, prefix: prefix, namespace: namespace)
        blocks.append(false)
    }

    /// A text-only element in another namespace, on its own line.
    mutating func leaf(_ name: String, prefix: String, namespace: String, _ text: String) throws(XMLError) {
        try open(name, prefix: prefix, namespace: namespace)
        try writer.text(text)
        try close()
    }

    consuming func finish() throws(XMLError) -> [UInt8] {
        try writer.finish()
    }

    private mutating func breakLine() throws(XMLError) {
        guard let last = blocks.indices.last else { return }
        blocks[last] = true
        try writer.text("\n" + String(repeating: "  ", count: blocks.count))
    }
}
