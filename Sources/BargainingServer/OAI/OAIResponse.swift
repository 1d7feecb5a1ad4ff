import BargainingXML
import XMLCore

/// An OAI-PMH response document (§3.2), written with XMLCore's writer: `responseDate`, the
/// `request` echoed, then the verb's element or the errors.
struct OAIResponse: ~Copyable {
    static let namespace = "http://www.openarchives.org/OAI/2.0/"
    static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
    static let schemaLocation = "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"

    var writer: XMLWriter

    /// Starts the document; `arguments` are echoed as the request's attributes (none after
    /// badVerb or badArgument, §3.2).
    init(responseDate: String, baseURL: String, arguments: [(name: String, value: String)]) throws(XMLError) {
        var writer = try XMLWriter(indent: true)
        try writer.startElement("OAI-PMH", namespace: Self.namespace)
        try writer.namespaceDeclaration(prefix: "xsi", uri: Self.schemaInstance)
        try writer.attribute("schemaLocation", prefix: "xsi", namespace: Self.schemaInstance, Self.schemaLocation)
        try writer.element("responseDate", text: responseDate)
        try writer.startElement("request")
        for (name, value) in arguments { try writer.attribute(name, value) }
        try writer.text(baseURL)
        try writer.endElement()
        self.writer = writer
    }

    mutating func error(_ error: OAIError) throws(XMLError) {
        try writer.startElement("error")
        try writer.attribute("code", error.code.rawValue)
        try writer.text(error.message)
        try writer.endElement()
    }

    /// A record's or identifier's header (§2.5).
    mutating func header(_ item: OAIRepository.Item) throws(XMLError) {
        try writer.startElement("header")
        try writer.element("identifier", text: item.identifier)
        try writer.element("datestamp", text: item.datestamp)
        for set in item.sets { try writer.element("setSpec", text: set.spec) }
        try writer.endElement()
    }

    /// A record: its header, then its metadata (an exported document's root element as it is,
    /// or Dublin Core).
    mutating func record(_ item: OAIRepository.Item) throws(XMLError) {
        try writer.startElement("record")
        try header(item)
        try writer.startElement("metadata")
        switch item.metadata {
        case .document(let name, let bytes)?: try writer.embed(documentElementOf: bytes, documentName: name)
        case .dublinCore(let description)?: try description.write(to: &writer)
        case nil: throw .misplacedCall("a record without metadata")
        }
        try writer.endElement()
        try writer.endElement()
    }

    /// `<resumptionToken>` after an incomplete list; empty after the last part of a resumed list.
    mutating func resumptionToken(_ token: String?) throws(XMLError) {
        try writer.startElement("resumptionToken")
        if let token { try writer.text(token) }
        try writer.endElement()
    }

    consuming func finish() throws(XMLError) -> [UInt8] {
        try writer.endElement()
        return try writer.finish()
    }
}
