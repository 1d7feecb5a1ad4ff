import XMLCore

/// Streams a worksheet's `sheetData` into rows of cell text, handing each row on as it ends and
/// keeping nothing else: a registry of any size costs one row of memory here.
///
/// Limits are checked as the references arrive, before a cell's text is kept: a row reaching
/// past ``OfficeLimits/columns`` or ``OfficeLimits/rows``, or a grid past ``OfficeLimits/cells``,
/// stops the parse at once.
final class XLSXSheetHandler: XMLStreamHandler {
    private let part: String
    private let limits: OfficeLimits
    private let strings: [String]
    private let styles: XLSXStyles
    private let uses1904Dates: Bool
    private let deliver: (Int, [String]) -> Void

    private var rowNumber = 0
    private var cells: [String] = []
    /// The last cell's column in this row, filled or not: references must rise along a row.
    private var lastColumn = 0
    private var gridCells = 0

    private var cell: CellReference?
    private var cellType = "n"
    private var cellStyle = 0
    private var value = ""
    private var capturing = false
    private var inInlineString = false
    private var inPhonetic = false

    init(part: String, limits: OfficeLimits, strings: [String], styles: XLSXStyles, uses1904Dates: Bool,
         deliver: @escaping (Int, [String]) -> Void) {
        self.part = part
        self.limits = limits
        self.strings = strings
        self.styles = styles
        self.uses1904Dates = uses1904Dates
        self.deliver = deliver
    }

    func startElement(_ name: XMLName, attributes: [XMLAttribute]) throws {
        switch name.localName {
        case "row": try startRow(attributes)
        case "c": try startCell(attributes)
        case "v": capturing = cell != nil
        case "is": inInlineString = true
        case "rPh": inPhonetic = true
        case "t": capturing = cell != nil && inInlineString && !inPhonetic
        default: break
        }
    }

    func endElement(_ name: XMLName) throws {
        switch name.localName {
        case "row":
            gridCells += cells.count
            guard gridCells <= limits.cells else { throw OfficeError.tooManyCells(limit: limits.cells) }
            if !cells.isEmpty { deliver(rowNumber, cells) }
            cells = []
        case "c": try endCell()
        case "v", "t": capturing = false
        case "is": inInlineString = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func text(_ text: String) throws {
        if capturing { value += text }
    }

    private func startRow(_ attributes: [XMLAttribute]) throws {
        var number = rowNumber + 1
        if let reference = attributes.value("r") {
            guard let given = Int(reference), given > rowNumber else {
                throw OfficeError.badReference(part: part, reference: reference)
            }
            number = given
        }
        guard number <= limits.rows else { throw OfficeError.tooManyRows(limit: limits.rows) }
        rowNumber = number
        cells = []
        lastColumn = 0
    }

    private func startCell(_ attributes: [XMLAttribute]) throws {
        var reference = CellReference(column: lastColumn + 1, row: rowNumber)
        if let text = attributes.value("r") {
            guard let given = CellReference(text) else { throw OfficeError.badReference(part: part, reference: text) }
            guard given.row == rowNumber, given.column > lastColumn else {
                throw OfficeError.badReference(part: part, reference: text)
            }
            reference = given
        }
        guard reference.column <= limits.columns else { throw OfficeError.tooManyColumns(row: rowNumber, limit: limits.columns) }
        lastColumn = reference.column
        cell = reference
        cellType = attributes.value("t") ?? "n"
        cellStyle = attributes.value("s").flatMap(Int.init) ?? 0
        value = ""
        capturing = false
    }

    private func endCell() throws {
        guard let reference = cell else { return }
        cell = nil
        let text = try displayText(at: reference)
        guard !text.isEmpty else { return }
        while cells.count < reference.column - 1 { cells.append("") }
        cells.append(text)
    }

    /// What Excel shows in the cell (without any number format other than dates).
    private func displayText(at reference: CellReference) throws -> String {
        switch cellType {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                throw OfficeError.sharedStringOutOfRange(cell: reference.description, index: value, count: strings.count)
            }
            return strings[index]
        case "b":
            return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "d":
            // An ISO 8601 date-time (strict workbooks): the day is what a registry needs.
            return String(value.prefix { $0 != "T" })
        case "inlineStr", "str", "e":
            return value
        default:
            guard let number = Double(value) else { return value }
            if styles.isDate(style: cellStyle), let date = ExcelNumber.date(serial: number, uses1904: uses1904Dates) {
                return date
            }
            return ExcelNumber.general(number)
        }
    }
}
