/// What the importer decided about a file as staff saved it, said in the output so that nothing
/// is silently guessed: the encoding it read, where it found the header, the title lines above
/// it, the columns it does not use, and the blank rows it passed over.
public struct CSVImportNotes: Sendable, Hashable {
    public var encoding: CSVEncoding = .utf8
    /// The 1-based line of the header row.
    public var headerLine = 1
    /// Non-blank lines above the header (a title such as 大兴区2016年企业名录), skipped.
    public var titleLines: [Int] = []
    /// Header names of columns no field is taken from (序号, 备注, 联系人 …).
    public var ignoredColumns: [String] = []
    /// Rows with nothing in any cell (Excel leaves them below a table), skipped.
    public var blankRows = 0

    public init() {}

    /// One line each, for the person importing: empty when the file was plain.
    public var sentences: [String] {
        var lines: [String] = []
        if encoding != .utf8 { lines.append("read as \(encoding.displayName) text") }
        if headerLine > 1 {
            let skipped = titleLines.isEmpty ? "" : "; " + (titleLines.count == 1 ? "line \(titleLines[0])" : "lines \(Self.ranges(titleLines))") + " skipped"
            lines.append("header found on line \(headerLine)\(skipped)")
        }
        if !ignoredColumns.isEmpty { lines.append("columns not used: \(ignoredColumns.joined(separator: ", "))") }
        if blankRows > 0 { lines.append("\(blankRows) blank row\(blankRows == 1 ? "" : "s") skipped") }
        return lines
    }

    /// `1–2, 5` for [1, 2, 5].
    private static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start = numbers[0], previous = numbers[0]
        for number in numbers.dropFirst() + [Int.min] {
            if number == previous + 1 { previous = number; continue }
            parts.append(start == previous ? "\(start)" : "\(start)–\(previous)")
            start = number
            previous = number
        }
        return parts.joined(separator: ", ")
    }
}
