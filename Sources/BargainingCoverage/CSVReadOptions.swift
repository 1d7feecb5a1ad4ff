/// How to read a file beyond what can be detected: its encoding when detection would be wrong,
/// names for columns whose headers no synonym covers (`--map '员工数=employees'`), and the
/// district the rows must be of when a district's staff import.
public struct CSVReadOptions: Sendable, Hashable {
    public var encoding: CSVEncoding
    /// Header text as written → the English column name it stands for.
    public var columnNames: [String: String]
    /// Only rows of this district are accepted (a district's staff importing); nil for all.
    public var scope: ImportScope?

    public init(encoding: CSVEncoding = .automatic, columnNames: [String: String] = [:], scope: ImportScope? = nil) {
        self.encoding = encoding
        self.columnNames = columnNames
        self.scope = scope
    }
}
