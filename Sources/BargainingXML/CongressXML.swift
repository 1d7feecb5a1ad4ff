internal import XMLCore
import Bargaining

/// Writes a ``CongressRecord`` as a `bargain-congress-1.0` document
/// (`exports/schema/bargain-congress-1.0.xsd`).
enum CongressXML {
    static let namespace = "urn:bargain:congress:1.0"
    static let root = "congressRecord"
    static let schemaVersion = "1.0"

    /// - Parameter stylesheet: start with the `xml-stylesheet` instruction (a file does; a
    ///   document embedded in another, such as an OAI-PMH record, cannot carry it).
    static func bytes(_ record: CongressRecord, stylesheet: Bool = true) throws(XMLError) -> [UInt8] {
        var w = try XMLWriter()
        if stylesheet { try w.processingInstruction("xml-stylesheet", ExportSchemas.stylesheetInstruction) }
        try w.startElement(root, namespace: namespace)
        try w.attribute("schemaVersion", schemaVersion)
        try w.language(Spelling.chinese)

        try w.startElement("identification")
        try w.value("recordId", record.recordID)
        try w.optionalValue("negotiationId", record.negotiationID)
        try w.value("sessionNumber", record.sessionNumber)
        try w.optionalValue("urn", record.deposit?.urn(record.recordID))
        try w.endElement()

        try w.startElement("enterprises")
        for enterprise in record.enterprises {
            try w.startElement("enterprise")
            try w.value("creditCode", enterprise.creditCode.description)
            try w.value("name", enterprise.name)
            try w.endElement()
        }
        try w.endElement()

        try w.startElement("session")
        try w.startElement("body")
        try w.attribute("level", record.level.rawValue)
        try w.attribute("form", record.bodyForm)
        try w.text(record.body)
        try w.endElement()
        try w.value("heldOn", record.heldOn)
        try w.value("convenedBy", record.convenedBy.name, attribute: "role", record.convenedBy.role.rawValue)
        try w.optionalValue("convenedOn", record.convenedOn)
        try w.optionalValue("itemsDeliveredOn", record.itemsDeliveredOn)
        try w.optionalValue("recorder", record.recorder)
        try w.endElement()

        try w.startElement("attendance")
        try w.value("total", record.total)
        try w.value("present", record.present)
        try w.optionalValue("managers", record.managers)
        try w.value("quorum", record.quorum)
        try w.value("quorumMet", record.quorumMet)
        try w.endElement()

        try w.startElement("agenda")
        for (index, item) in record.items.enumerated() {
            try w.startElement("item")
            try w.attribute("number", String(index + 1))
            try w.value("title", item.title)
            try w.value("votesFor", item.votesFor)
            try w.value("votesAgainst", item.against)
            try w.value("abstentions", item.abstain)
            try w.value("outcome", item.outcome.rawValue)
            try ContractXML.writeRule(item.rule, total: record.total, present: record.present, votesFor: item.votesFor, to: &w)
            try w.endElement()
        }
        try w.endElement()

        if let provenance = record.provenance { try ContractXML.writeProvenance(provenance, to: &w) }
        if let deposit = record.deposit { try ContractXML.writeDeposit(deposit, to: &w) }
        try w.endElement()
        return try w.finish()
    }
}
