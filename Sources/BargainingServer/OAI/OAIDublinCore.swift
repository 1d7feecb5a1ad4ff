import Bargaining
import BargainingXML
import XMLCore

/// A filed contract or congress record described in simple Dublin Core (`oai_dc`, which §3.4
/// requires of every repository), from the same values the export writes. Chinese text carries
/// `xml:lang="zh-CN"`.
struct OAIDublinCore {
    static let namespace = "http://www.openarchives.org/OAI/2.0/oai_dc/"
    static let elements = "http://purl.org/dc/elements/1.1/"
    static let schemaLocation = "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

    /// (element, value, in Chinese) in the order written.
    private(set) var fields: [(name: String, value: String, chinese: Bool)] = []

    init(contract: FiledContract, identifier: String, publisher: String?) {
        add("title", contract.title, chinese: true)
        add("creator", contract.employeeParty.name, chinese: true)
        add("creator", contract.employerParty.name, chinese: true)
        add("subject", "集体合同", chinese: true)
        add("description", "\(contract.level.chineseName)集体合同，向\(contract.filings.last?.authority ?? "劳动行政部门")备案", chinese: true)
        if let publisher { add("publisher", publisher, chinese: true) }
        if let filed = contract.filings.last { add("date", filed.filedOn.description) }
        add("type", "Text")
        add("format", "application/xml")
        add("identifier", identifier)
        if let number = contract.filings.last?.filingNumber { add("identifier", number) }
        add("language", "zh-CN")
        for place in [contract.district, contract.street].compactMap({ $0 }) { add("coverage", place, chinese: true) }
        for enterprise in contract.enterprises { add("coverage", enterprise.name, chinese: true) }
    }

    init(record: CongressRecord, identifier: String, contractIdentifier: String, publisher: String?) {
        add("title", "\(record.body)第\(record.sessionNumber)次会议记录", chinese: true)
        for enterprise in record.enterprises { add("creator", enterprise.name, chinese: true) }
        add("subject", record.body, chinese: true)
        if let publisher { add("publisher", publisher, chinese: true) }
        add("date", record.heldOn.description)
        add("type", "Text")
        add("format", "application/xml")
        add("identifier", identifier)
        add("language", "zh-CN")
        add("relation", contractIdentifier)
    }

    private mutating func add(_ name: String, _ value: String, chinese: Bool = false) {
        fields.append((name, value, chinese))
    }

    func write(to writer: inout XMLWriter) throws(XMLError) {
        try writer.startElement("dc", prefix: "oai_dc", namespace: Self.namespace)
        try writer.namespaceDeclaration(prefix: "dc", uri: Self.elements)
        try writer.namespaceDeclaration(prefix: "xsi", uri: OAIResponse.schemaInstance)
        try writer.attribute("schemaLocation", prefix: "xsi", namespace: OAIResponse.schemaInstance, Self.schemaLocation)
        for field in fields {
            try writer.startElement(field.name, prefix: "dc", namespace: Self.elements)
            if field.chinese { try writer.attribute("lang", prefix: "xml", namespace: XMLWriter.xmlNamespace, "zh-CN") }
            try writer.text(field.value)
            try writer.endElement()
        }
        try writer.endElement()
    }
}
