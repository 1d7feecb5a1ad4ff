import BargainingCoverage

/// The rows an import set aside, as staff download them from the upload preview (issue 16 item
/// 3): one row per problem, with the line of the file, the column, the reason and the row as
/// written, so that the file can be corrected beside it and uploaded again.
public enum RejectedRowsSheet {
    public static let headers = ["行号\nline", "列\ncolumn", "原因\nreason", "原行内容\nrow as written"]

    public static func table(_ rows: [CSVRejectedRow], file: String) -> ReportTable {
        ReportTable(name: "未导入的行", title: "未导入的行 (rows not imported): \(file)",
                    notes: ["共 \(rows.count) 行 (\(rows.count) rows); 更正后可重新上传 (correct them and upload again)"],
                    headers: headers,
                    rows: rows.flatMap(\.problems).map { [.number($0.line), .text($0.column), .text($0.reason), .text($0.row)] })
    }
}
