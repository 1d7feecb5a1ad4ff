/// How to read a file beyond what can be detected: its encoding when detection would be wrong,
/// and names for columns whose headers no synonym covers (`--map '员工数=employees'`).
public struct CSVReadOptions: Sendable, Hashable {
    public var encoding: CSVEncoding
    /// Header text as written → the English column name it stands for.
    public var columnNames: [String: String]

    public init(encoding: CSVEncoding = .automatic, columnNames: [String: String] = [:]) {
        self.encoding = encoding
        self.columnNames = columnNames
    }
}
