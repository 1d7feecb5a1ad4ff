import BargainingCoverage
import BargainingOffice

/// A workbook's sheet as the CSV text the registry and contract importers read, so that a
/// workbook goes through the same header search, synonyms and Excel value rules as a CSV file.
/// One line per sheet row: the importer's "line N" is row N of the sheet. A row ends at its last
/// filled cell in the workbook; as Excel does when it saves CSV, each is padded with empty
/// fields, here to the widest row so far (the header, below any title), so that a row whose last
/// cells are blank still has a field for every column. The padded grid is held to the reader's
/// cell limit too: one cell in column XFD above two million one-cell rows passes the reader's
/// count (each row as wide as its own last cell) but would pad to 32 billion fields.
enum WorkbookRows {
    /// The workbook at `path` (a CLI import) or in `bytes` (an upload), named `file` in the
    /// refusal: one sentence; nothing is imported.
    static func csv(_ source: CoverageFileSource, file: String, sheet: String?, limits: OfficeLimits = OfficeLimits()) throws(CoverageFileError)
        -> (csv: [UInt8], name: String) {
        var writer = CSVWriter()
        var nextLine = 1
        var width = 0
        var padded = 0
        let name: String
        do {
            let reader = XLSXReader(limits: limits)
            let row = { (number: Int, cells: [String]) in
                width = max(width, cells.count)
                padded += width
                guard padded <= limits.cells else { return }
                while nextLine < number {
                    writer.endRow()
                    nextLine += 1
                }
                // A line break typed in a cell (Alt+Enter) would start a new line of CSV text.
                writer.row(cells.map(singleLine) + repeatElement("", count: width - cells.count), guardingFormulas: false)
                nextLine += 1
            }
            switch source {
            case .path(let path): name = try reader.read(contentsOf: path, sheet: sheet, row: row)
            case .bytes(let bytes): name = try reader.read(bytes, sheet: sheet, row: row)
            }
        } catch {
            throw .unreadableWorkbook("\(file): \(error.description); nothing was imported")
        }
        guard padded <= limits.cells else {
            throw .unreadableWorkbook("\(file): \(OfficeError.tooManyCells(limit: limits.cells).description) once each row is as wide as the widest "
                                      + "above it (\(width) columns); nothing was imported")
        }
        return (writer.bytes, name)
    }

    private static func singleLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return String(text.map { $0.isNewline ? " " : $0 })
    }
}
