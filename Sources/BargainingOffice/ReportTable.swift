import Bargaining
import Foundation

/// A table staff hand on (coverage by street, the laggard list), written the same way to each
/// format: a sheet of a workbook, CSV rows, a table of a printable page. Every cell carries both
/// its typed value (a number, a percentage, a date) for the workbook and the text a person
/// reads, so that the formats cannot disagree on a figure.
public struct ReportTable: Sendable, Hashable {
    /// The sheet's name (a grouping: `按街道`).
    public var name: String
    public var title: String
    /// Lines under the title: the as-of date, the targets, the period.
    public var notes: [String]
    /// Each may break over lines (`签订率\nsigning`), as the sheet and the page show it.
    public var headers: [String]
    public var rows: [[ReportCell]]

    public init(name: String, title: String, notes: [String], headers: [String], rows: [[ReportCell]]) {
        self.name = name
        self.title = title
        self.notes = notes
        self.headers = headers
        self.rows = rows
    }

    /// The title merged across the table, the notes, then the header row, all kept in view.
    public var sheet: XLSXSheetContent {
        let top = [XLSXRow([.text(title)], style: .title)] + notes.map { XLSXRow([.text($0)], style: .note) }
        let header = XLSXRow(headers.map { .text($0) }, style: .header)
        return XLSXSheetContent(name: name, rows: top + [header] + rows.map { XLSXRow($0.map(\.value)) },
                                frozenRows: top.count + 1)
    }

    /// The header and rows as text, for a CSV file (which has no place for a title); a header
    /// broken over lines for the sheet is one line here.
    public var textRows: [[String]] {
        [headers.map { $0.replacingOccurrences(of: "\n", with: " ") }] + rows.map { $0.map(\.text) }
    }
}

/// One cell of a ``ReportTable``.
public struct ReportCell: Sendable, Hashable {
    public var value: XLSXCell
    public var text: String

    public init(value: XLSXCell, text: String) {
        self.value = value
        self.text = text
    }

    public static func text(_ text: String) -> ReportCell { ReportCell(value: text.isEmpty ? .empty : .text(text), text: text) }

    public static func number(_ number: Int) -> ReportCell { ReportCell(value: .number(Double(number)), text: String(number)) }

    /// A rate: the fraction in the workbook (shown 0.0%), `text` (`58.1%`) everywhere else.
    public static func percent(_ fraction: Double, text: String) -> ReportCell { ReportCell(value: .percent(fraction), text: text) }

    /// A day: a date cell in the workbook, `YYYY-MM-DD` elsewhere.
    public static func date(_ day: Day) -> ReportCell { ReportCell(value: .date(day), text: day.description) }

    /// Numbers, rates and dates are right-aligned on a page, as in a spreadsheet.
    public var isFigure: Bool {
        switch value {
        case .number, .percent, .date: true
        case .empty, .text, .bool: false
        }
    }
}
