/// Bounds on what an Office Open XML file may make us read, so a hostile workbook (a ZIP bomb,
/// a sheet of a million columns) is refused in bounded time and memory instead of exhausted.
///
/// A part is inflated into memory and libxml2 copies it once more to parse it, so ``partBytes``
/// bounds memory at about three times its value; the parse itself streams and keeps no tree.
public struct OfficeLimits: Sendable {
    /// Uncompressed bytes of one part (a sheet, the shared strings), checked against the size the
    /// archive declares before inflating and against the bytes actually inflated while doing it.
    public var partBytes: Int
    /// Columns of one row.
    public var columns: Int
    /// Rows of one sheet.
    public var rows: Int
    /// Cells of the grid handed on (each row as wide as its last cell), and entries of the shared
    /// strings table: what the reader holds in memory besides the part being parsed.
    public var cells: Int

    public init(partBytes: Int = 128 << 20, columns: Int = 16_384, rows: Int = 2_000_000, cells: Int = 20_000_000) {
        self.partBytes = partBytes
        self.columns = columns
        self.rows = rows
        self.cells = cells
    }
}
