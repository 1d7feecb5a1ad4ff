import Foundation
import XMLCore

/// What the workbook part says: its sheets in order, where their parts are, the shared strings
/// and styles parts, and whether dates count from 1904 (old Mac workbooks) instead of 1900.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        var part: String
    }

    /// Worksheets only, in the workbook's order; chart sheets have no cells and are left out.
    var sheets: [Sheet] = []
    var sharedStringsPart: String?
    var stylesPart: String?
    var uses1904Dates = false

    init(_ package: OfficePackage) throws(OfficeError) {
        let packageRelationships = try OfficeRelationships(of: "", in: package)
        let workbookPart = packageRelationships.first("officeDocument")?.target ?? "xl/workbook.xml"
        guard let root = try OfficeXML.tree(workbookPart, in: package) else { throw .missingPart(workbookPart) }
        let relationships = try OfficeRelationships(of: workbookPart, in: package)
        sharedStringsPart = relationships.first("sharedStrings")?.target
        stylesPart = relationships.first("styles")?.target
        if let properties = root.firstChild(named: "workbookPr") {
            uses1904Dates = ["1", "true"].contains(properties.attribute("date1904"))
        }
        for sheet in root.firstChild(named: "sheets")?.children(named: "sheet") ?? [] {
            // The relationship id is in the relationships namespace, whichever prefix it uses.
            guard let name = sheet.attribute("name"),
                  let id = sheet.attributes.first(where: { $0.name == "id" && $0.namespace != nil })?.value,
                  let relationship = relationships.with(id: id), relationship.kind == "worksheet" else { continue }
            sheets.append(Sheet(name: name, part: relationship.target))
        }
    }

    /// The sheet named `name` (exactly, else ignoring case and surrounding spaces), or the first.
    func sheet(named name: String?) throws(OfficeError) -> Sheet {
        guard let first = sheets.first else { throw .noSheets }
        guard let name else { return first }
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let sheet = sheets.first(where: { $0.name == name })
            ?? sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == wanted }) {
            return sheet
        }
        throw .sheetNotFound(name, available: sheets.map(\.name))
    }
}
