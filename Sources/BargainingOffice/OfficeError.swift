/// Why a workbook (or another Office Open XML file) was refused. Each `description` is a sentence
/// for the person who saved the file: what is wrong, where, and what to do when there is something.
public enum OfficeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a ZIP archive at all, or one ZIPFoundation cannot read.
    case notAnArchive(reason: String)
    /// An Excel 97–2003 `.xls` file (OLE compound document), which is not Office Open XML.
    case legacyExcel
    /// A part every workbook has (the workbook, a sheet it names) is not in the archive.
    case missingPart(String)
    /// A part inflates to more bytes than ``OfficeLimits/partBytes``: said by the archive
    /// (`declared`) or found while inflating.
    case partTooLarge(part: String, limit: Int, declared: Bool)
    /// The archive's own check failed (a bad checksum, a damaged entry).
    case damagedPart(part: String, reason: String)
    /// The XML of a part was refused by ``XMLCore/SafeXMLReader`` (a DOCTYPE, bad XML …).
    case unreadablePart(part: String, reason: String)
    case sheetNotFound(String, available: [String])
    case noSheets
    case tooManyColumns(row: Int, limit: Int)
    case tooManyRows(limit: Int)
    case tooManyCells(limit: Int)
    /// A cell of type `s` points past the end of the shared strings table.
    case sharedStringOutOfRange(cell: String, index: String, count: Int)
    /// A cell or row reference that is not one (`r="1A"`), or rows out of order.
    case badReference(part: String, reference: String)
    /// Writing: text XML cannot carry (a control character), or the archive could not be made.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .notAnArchive(let reason):
            "not an Excel workbook (.xlsx): the file is not a ZIP archive (\(reason))"
        case .legacyExcel:
            "this is an Excel 97–2003 workbook (.xls); save it as an Excel workbook (.xlsx) or as CSV and import that"
        case .missingPart(let part):
            "not a complete Excel workbook: the part \(part) is missing"
        case .partTooLarge(let part, let limit, let declared):
            "refused: \(part) \(declared ? "declares" : "inflates to") more than \(limit) bytes uncompressed (a ZIP bomb, or a sheet too large to import)"
        case .damagedPart(let part, let reason):
            "the workbook is damaged: \(part) cannot be read (\(reason))"
        case .unreadablePart(let part, let reason):
            "\(part): \(reason)"
        case .sheetNotFound(let name, let available):
            "the workbook has no sheet named '\(name)'; its sheets: \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case .noSheets:
            "the workbook has no sheets"
        case .tooManyColumns(let row, let limit):
            "refused: row \(row) has cells beyond column \(limit), more than any registry needs"
        case .tooManyRows(let limit):
            "refused: the sheet has rows beyond row \(limit)"
        case .tooManyCells(let limit):
            "refused: the sheet spans more than \(limit) cells"
        case .sharedStringOutOfRange(let cell, let index, let count):
            "the workbook is damaged: cell \(cell) refers to shared string \(index), but the table has \(count)"
        case .cannotWrite(let reason):
            "cannot write the file: \(reason)"
        case .badReference(let part, let reference):
            "the workbook is damaged: \(part) has a cell or row reference '\(reference)' that is not one, or is out of order"
        }
    }
}
