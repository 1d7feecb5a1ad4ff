/// The outcome of an import that was not refused: the rows to store, and under `skipInvalid`
/// the rows set aside.
public struct CSVImport<Row: Sendable>: Sendable {
    public var rows: [Row]
    /// Always empty in the all-or-nothing mode (a bad row refuses the file there).
    public var rejected: [CSVRejectedRow]

    public init(rows: [Row], rejected: [CSVRejectedRow]) {
        self.rows = rows
        self.rejected = rejected
    }

    /// The rejected rows as a CSV file a clerk can open beside the original: one line per
    /// problem, with the row's line, the column, the reason and the row as written.
    public func rejectsCSV() -> String {
        var writer = CSVWriter()
        writer.row(["line", "column", "reason", "row"])
        for row in rejected {
            for error in row.errors {
                let column = error.column.map { number in error.columnName.map { "\(number) (\($0))" } ?? "\(number)" } ?? ""
                writer.row([String(row.line), column, error.reason.description, row.text])
            }
        }
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
