import Foundation
import XMLCore
import ZIPFoundation

/// Puts parts into a ZIP container, deflated, in the order given and dated 1980-01-01 (the
/// earliest ZIP date), so the same parts always make the same bytes.
struct OfficePackageWriter {
    private var parts: [(name: String, bytes: [UInt8])] = []

    mutating func add(_ name: String, _ bytes: [UInt8]) {
        parts.append((name, bytes))
    }

    /// Writes an XML part with ``XMLCore/XMLWriter``; text it cannot carry is a `cannotWrite`.
    mutating func add(_ name: String, xml: (inout XMLWriter) throws(XMLError) -> Void) throws(OfficeError) {
        do {
            var writer = try XMLWriter(indent: false)
            try xml(&writer)
            add(name, try writer.finish())
        } catch {
            throw .cannotWrite("\(name): \(error)")
        }
    }

    /// `[Content_Types].xml`: relationships and plain XML by extension, each part's own type.
    mutating func addContentTypes(_ overrides: [(part: String, type: String)]) throws(OfficeError) {
        try add("[Content_Types].xml") { (xml: inout XMLWriter) throws(XMLError) in
            try xml.startElement("Types", namespace: OfficeNamespaces.contentTypes)
            for (extensionName, type) in [("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml")] {
                try xml.startElement("Default")
                try xml.attribute("Extension", extensionName)
                try xml.attribute("ContentType", type)
                try xml.endElement()
            }
            for (part, type) in overrides {
                try xml.startElement("Override")
                try xml.attribute("PartName", "/" + part)
                try xml.attribute("ContentType", type)
                try xml.endElement()
            }
            try xml.endElement()
        }
    }

    /// The relationships of `source` (`""` for the package): ids `rId1`, `rId2` … in order, each
    /// target relative to the source's folder.
    mutating func addRelationships(of source: String, _ targets: [(kind: String, target: String)]) throws(OfficeError) {
        let folder = OfficeRelationships.directory(of: source)
        let name = source.split(separator: "/").last.map(String.init) ?? ""
        try add(folder + "_rels/" + name + ".rels") { (xml: inout XMLWriter) throws(XMLError) in
            try xml.startElement("Relationships", namespace: OfficeNamespaces.packageRelationships)
            for (index, relationship) in targets.enumerated() {
                try xml.startElement("Relationship")
                try xml.attribute("Id", "rId\(index + 1)")
                try xml.attribute("Type", OfficeNamespaces.relationshipType(relationship.kind))
                try xml.attribute("Target", relationship.target)
                try xml.endElement()
            }
            try xml.endElement()
        }
    }

    func bytes() throws(OfficeError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 315_532_800)
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(with: part.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw OfficeError.cannotWrite("the archive kept no bytes") }
            return [UInt8](data)
        } catch let error as OfficeError {
            throw error
        } catch {
            throw .cannotWrite("\(error)")
        }
    }
}
