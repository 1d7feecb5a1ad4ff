@testable import BargainingOffice
import Foundation

/// Workbooks made part by part, for what the writer never writes: other producers' habits
/// (styles with date formats, phonetic runs, 1904 dates) and hostile files.
enum Workbooks {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A one-sheet workbook whose sheet data, shared strings and styles are given as XML text.
    static func make(sheetData: String, sharedStrings: [String]? = nil, styles: String? = nil, date1904: Bool = false,
                     sheetName: String = "名录", extraSheetPart: String? = nil) throws -> [UInt8] {
        var package = OfficePackageWriter()
        package.add("[Content_Types].xml", bytes("""
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """))
        package.add("_rels/.rels", relationships([("officeDocument", "xl/workbook.xml")]))
        var targets = [("worksheet", "worksheets/sheet1.xml")]
        if sharedStrings != nil { targets.append(("sharedStrings", "sharedStrings.xml")) }
        if styles != nil { targets.append(("styles", "styles.xml")) }
        package.add("xl/_rels/workbook.xml.rels", relationships(targets))
        package.add("xl/workbook.xml", bytes("""
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            \(date1904 ? "<workbookPr date1904=\"1\"/>" : "")<sheets><sheet name="\(sheetName.replacingOccurrences(of: "&", with: "&amp;"))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """))
        package.add("xl/worksheets/sheet1.xml", bytes(extraSheetPart ?? """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)"><sheetData>\(sheetData)</sheetData></worksheet>
            """))
        if let sharedStrings {
            package.add("xl/sharedStrings.xml", bytes("""
                <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)">\(sharedStrings.joined())</sst>
                """))
        }
        if let styles {
            package.add("xl/styles.xml", bytes("""
                <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(main)">\(styles)</styleSheet>
                """))
        }
        return try package.bytes()
    }

    static func relationships(_ targets: [(String, String)]) -> [UInt8] {
        bytes("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(targets.enumerated().map { index, target in
                "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(target.0)\" Target=\"\(target.1)\"/>"
            }.joined())</Relationships>
            """)
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The rows of the first sheet as (row number, cells).
    static func rows(_ workbook: [UInt8], limits: OfficeLimits = OfficeLimits(), sheet: String? = nil) throws(OfficeError) -> [XLSXSheet.Row] {
        var rows: [XLSXSheet.Row] = []
        try XLSXReader(limits: limits).read(workbook, sheet: sheet) { rows.append(XLSXSheet.Row(number: $0, cells: $1)) }
        return rows
    }
}
