/// Reads one sheet of an Excel workbook (`.xlsx`) as rows of cell text, the way the sheet looks:
/// shared and inline strings, numbers in Excel's General form, booleans as `TRUE`/`FALSE`, date
/// serials with a date format as `YYYY-MM-DD`. A merged cell's text is in its top-left cell, the
/// others empty, as Excel stores it; a title merged across the top is one row with one cell.
///
/// The container is read with ZIPFoundation and every part with ``XMLCore/SafeXMLReader``, under
/// ``OfficeLimits``: a hostile workbook is refused with an ``OfficeError`` in bounded time and
/// memory.
///
/// ## Topics
/// ### Reading
/// - ``read(contentsOf:sheet:row:)``
/// - ``read(_:sheet:row:)``
/// - ``sheet(contentsOf:sheet:)``
public struct XLSXReader: Sendable {
    public var limits: OfficeLimits

    public init(limits: OfficeLimits = OfficeLimits()) {
        self.limits = limits
    }

    /// Hands each row of the sheet named `sheet` (the first when nil) to `row`, in order, with its
    /// 1-based number; rows with no cells are not handed on. A row's cells run to its last cell
    /// with text, empty strings filling the gaps.
    ///
    /// - Returns: the name of the sheet read.
    @discardableResult
    public func read(contentsOf path: String, sheet: String? = nil, row: (Int, [String]) -> Void) throws(OfficeError) -> String {
        try read(OfficePackage(contentsOf: path, limits: limits), sheet: sheet, row: row)
    }

    /// The same, from the workbook's bytes.
    @discardableResult
    public func read(_ bytes: [UInt8], sheet: String? = nil, row: (Int, [String]) -> Void) throws(OfficeError) -> String {
        try read(OfficePackage(bytes: bytes, limits: limits), sheet: sheet, row: row)
    }

    /// The whole sheet at once, for small workbooks and tests.
    public func sheet(contentsOf path: String, sheet: String? = nil) throws(OfficeError) -> XLSXSheet {
        var rows: [XLSXSheet.Row] = []
        let name = try read(contentsOf: path, sheet: sheet) { rows.append(XLSXSheet.Row(number: $0, cells: $1)) }
        return XLSXSheet(name: name, rows: rows)
    }

    private func read(_ package: OfficePackage, sheet: String?, row: (Int, [String]) -> Void) throws(OfficeError) -> String {
        let workbook = try XLSXWorkbook(package)
        let chosen = try workbook.sheet(named: sheet)
        guard package.contains(chosen.part) else { throw .missingPart(chosen.part) }
        let strings = try workbook.sharedStringsPart.map { part throws(OfficeError) in
            try XLSXSharedStrings(part: part, in: package).strings
        } ?? []
        let styles = try workbook.stylesPart.map { part throws(OfficeError) in try XLSXStyles(part: part, in: package) } ?? XLSXStyles()
        try withoutActuallyEscaping(row, do: { deliver throws(OfficeError) in
            let handler = XLSXSheetHandler(part: chosen.part, limits: limits, strings: strings, styles: styles,
                                           uses1904Dates: workbook.uses1904Dates, deliver: deliver)
            try OfficeXML.stream(chosen.part, in: package, to: handler)
        })
        return chosen.name
    }
}

/// A sheet read whole: its name and its non-empty rows.
public struct XLSXSheet: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// 1-based, as Excel numbers rows.
        public var number: Int
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
    }

    public var name: String
    public var rows: [Row]

    public init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }
}
