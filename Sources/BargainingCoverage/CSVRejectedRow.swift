/// A row set aside by a `skipInvalid` import, kept as written so that it can be corrected and
/// imported again.
public struct CSVRejectedRow: Hashable, Sendable {
    /// The line the row starts on.
    public var line: Int
    /// The row's text as in the file, without its line break.
    public var text: String
    public var errors: [CSVImportError]

    public init(line: Int, text: String, errors: [CSVImportError]) {
        self.line = line
        self.text = text
        self.errors = errors
    }

    /// One line per problem: the row's line, the column (number and header name), the reason
    /// and the row as written; what the rejected-rows file and sheet list.
    public var problems: [(line: Int, column: String, reason: String, row: String)] {
        errors.map { error in
            let column = error.column.map { number in error.columnName.map { "\(number) (\($0))" } ?? "\(number)" } ?? ""
            return (line, column, error.reason.description, text)
        }
    }

    /// The rejected rows as a CSV file a clerk can open beside the original (``problems``, under
    /// the header line, column, reason, row); with a byte order mark unless `byteOrderMark` is
    /// false (for scripts), so that Excel reads it as UTF-8.
    public static func csv(_ rows: [CSVRejectedRow], byteOrderMark: Bool = true) -> [UInt8] {
        var writer = CSVWriter()
        writer.row(["line", "column", "reason", "row"])
        for problem in rows.flatMap(\.problems) {
            writer.row([String(problem.line), problem.column, problem.reason, problem.row])
        }
        return (byteOrderMark ? CSVWriter.byteOrderMark : []) + writer.bytes
    }
}
