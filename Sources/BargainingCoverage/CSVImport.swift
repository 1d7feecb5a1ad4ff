/// The outcome of an import that was not refused: the rows to store, and under `skipInvalid`
/// the rows set aside.
public struct CSVImport<Row: Sendable>: Sendable {
    public var rows: [Row]
    /// Always empty in the all-or-nothing mode (a bad row refuses the file there).
    public var rejected: [CSVRejectedRow]
    /// What was decided about the file as saved: encoding, header line, columns not used.
    public var notes: CSVImportNotes

    public init(rows: [Row], rejected: [CSVRejectedRow], notes: CSVImportNotes = CSVImportNotes()) {
        self.rows = rows
        self.rejected = rejected
        self.notes = notes
    }

    /// The rejected rows as a CSV file a clerk can open beside the original: one line per
    /// problem, with the row's line, the column, the reason and the row as written; with a byte
    /// order mark unless `byteOrderMark` is false (for scripts), so that Excel reads it as UTF-8.
    public func rejectsCSV(byteOrderMark: Bool = true) -> [UInt8] {
        var writer = CSVWriter()
        writer.row(["line", "column", "reason", "row"])
        for row in rejected {
            for error in row.errors {
                let column = error.column.map { number in error.columnName.map { "\(number) (\($0))" } ?? "\(number)" } ?? ""
                writer.row([String(row.line), column, error.reason.description, row.text])
            }
        }
        return (byteOrderMark ? CSVWriter.byteOrderMark : []) + writer.bytes
    }
}
