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

    /// ``CSVRejectedRow/csv(_:byteOrderMark:)`` of the rows set aside.
    public func rejectsCSV(byteOrderMark: Bool = true) -> [UInt8] {
        CSVRejectedRow.csv(rejected, byteOrderMark: byteOrderMark)
    }
}
