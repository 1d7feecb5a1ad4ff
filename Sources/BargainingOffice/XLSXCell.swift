import Bargaining

/// One cell of a sheet to write.
public enum XLSXCell: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double)
    /// A fraction (0.581), stored as the number and shown as a percentage with one decimal
    /// (58.1%), so that a spreadsheet can still sum and chart it.
    case percent(Double)
    /// Stored as Excel's date serial with a `yyyy-mm-dd` format, so the cell sorts and filters
    /// as a date.
    case date(Day)
    case bool(Bool)
}

/// One row to write, with how it looks.
public struct XLSXRow: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain
        /// Bold: the column headers.
        case header
        /// Bold and larger: a title line above the table, merged across it by the sheet.
        case title
        /// A line of text above the table (the as-of date, the targets): plain, and left out
        /// when the columns are sized, since it runs across them.
        case note
    }

    public var cells: [XLSXCell]
    public var style: Style

    public init(_ cells: [XLSXCell], style: Style = .plain) {
        self.cells = cells
        self.style = style
    }
}

/// One sheet to write.
public struct XLSXSheetContent: Sendable, Hashable {
    /// Made valid for Excel when written: at most 31 characters, none of `[]:*?/\`, unique.
    public var name: String
    public var rows: [XLSXRow]
    /// Rows kept in view when scrolling (the title and header lines above the table).
    public var frozenRows: Int

    public init(name: String, rows: [XLSXRow], frozenRows: Int = 0) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
    }
}
