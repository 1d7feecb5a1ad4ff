import BargainingCoverage

/// The files a ``ReportTable`` is handed on as: the CLI's `--out FILE` (told by the file's
/// extension) and the server's downloads write the same bytes, through this one function.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// An Excel workbook, one sheet per table.
    case xlsx
    /// UTF-8 with the byte order mark Excel on Chinese Windows needs; the first table only.
    case csv
    /// The chart.
    case svg
    /// One printable page.
    case html

    /// The media type a download is answered with.
    public var mediaType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        case .svg: "image/svg+xml"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// `tables` (the first is the one a CSV file takes) or `chart` in this format; nil for
    /// `.svg` when there is no chart.
    public func bytes(_ tables: [ReportTable], title: String, chart: () -> String?) throws(OfficeError) -> [UInt8]? {
        switch self {
        case .xlsx:
            return try XLSXWriter().write(tables.map(\.sheet))
        case .csv:
            var writer = CSVWriter()
            for row in tables.first?.textRows ?? [] { writer.row(row) }
            return CSVWriter.byteOrderMark + writer.bytes
        case .svg:
            return chart().map { Array($0.utf8) }
        case .html:
            return Array(HTMLReport.page(title: title, tables: tables).utf8)
        }
    }
}
