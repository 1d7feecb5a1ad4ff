/// Bounds on what an Office Open XML file may make us read, so a hostile workbook (a ZIP bomb,
/// a sheet of a million columns) is refused in bounded time and memory instead of exhausted.
public struct OfficeLimits: Sendable {
    /// Uncompressed bytes of one part (a sheet, the shared strings).
    public var partBytes: Int
    /// Columns of one row.
    public var columns: Int
    /// Rows of one sheet.
    public var rows: Int

    public init(partBytes: Int = 256 << 20, columns: Int = 16_384, rows: Int = 2_000_000) {
        self.partBytes = partBytes
        self.columns = columns
        self.rows = rows
    }
}
