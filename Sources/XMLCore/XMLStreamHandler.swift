/// Receives a document's elements and text as they are parsed, for documents too large to hold
/// as a tree: a worksheet of a million cells costs a tree about fifty times its bytes, a stream
/// nothing beyond what the handler keeps.
///
/// A handler stops the parse by throwing; ``SafeXMLReader/stream(_:documentName:to:)`` then
/// rethrows that error, and nothing after the element that threw reaches the handler.
public protocol XMLStreamHandler: AnyObject {
    /// An element starts; namespace declarations are not among its attributes.
    func startElement(_ name: XMLName, attributes: [XMLAttribute]) throws
    func endElement(_ name: XMLName) throws
    /// Character data, possibly in several pieces for one run of text (CDATA arrives as text).
    func text(_ text: String) throws
}

/// Carries a handler through libxml2's callbacks, and the error it threw out again.
final class XMLStreamSink {
    let handler: any XMLStreamHandler
    private(set) var failure: (any Error)?

    init(handler: any XMLStreamHandler) {
        self.handler = handler
    }

    /// Runs one callback of the handler; false once it has thrown (the parse must stop).
    func deliver(_ body: (any XMLStreamHandler) throws -> Void) -> Bool {
        guard failure == nil else { return false }
        do {
            try body(handler)
            return true
        } catch {
            failure = error
            return false
        }
    }
}
