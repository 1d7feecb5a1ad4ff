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
}
