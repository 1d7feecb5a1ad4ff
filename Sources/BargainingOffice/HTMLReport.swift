import BargainingCoverage

/// One printable HTML page of ``ReportTable``s: A4 landscape, tables that repeat their header
/// on each printed page, Chinese fonts named first, every text escaped.
public enum HTMLReport {
    public static func page(title: String, tables: [ReportTable]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(MarkupText.escaped(title))</title>
            <style>
            @page { size: A4 landscape; margin: 12mm; }
            body { font-family: 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', sans-serif; font-size: 10pt; color: #1a202c; }
            h1 { font-size: 15pt; margin: 0 0 4pt; }
            h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; }
            p.note { margin: 0 0 2pt; color: #4a5568; }
            table { border-collapse: collapse; width: 100%; margin-top: 6pt; }
            thead { display: table-header-group; }
            th, td { border: 1px solid #a0aec0; padding: 2pt 4pt; }
            td { white-space: nowrap; }
            th { background: #edf2f7; text-align: left; vertical-align: top; white-space: pre-line; }
            td.figure { text-align: right; font-variant-numeric: tabular-nums; }
            tr { break-inside: avoid; }
            </style>
            </head>
            <body>
            <h1>\(MarkupText.escaped(title))</h1>

            """
        for table in tables {
            if tables.count > 1 || table.title != title { html += "<h2>\(MarkupText.escaped(table.title))</h2>\n" }
            for note in table.notes { html += "<p class=\"note\">\(MarkupText.escaped(note))</p>\n" }
            html += "<table>\n<thead><tr>" + table.headers.map { "<th>\(MarkupText.escaped($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                html += "<tr>" + row.map { cell in
                    (cell.isFigure ? "<td class=\"figure\">" : "<td>") + MarkupText.escaped(cell.text) + "</td>"
                }.joined() + "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html + "</body>\n</html>\n"
    }
}
