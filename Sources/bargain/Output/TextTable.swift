/// Columns padded by display width, so a table stays aligned when cells hold Chinese names.
///
/// Cells carry a style rather than pre-coloured text: padding is measured on the plain text and
/// colour is added last, so escape codes never count as columns.
struct TextTable {
    enum Alignment { case left, right }

    struct Cell: ExpressibleByStringLiteral {
        var text: String
        var style: Style?

        init(_ text: String, _ style: Style? = nil) {
            self.text = text
            self.style = style
        }

        init(stringLiteral text: String) { self.init(text) }
    }

    enum Row {
        case cells([Cell])
        /// Text that starts where `column` starts and runs on, outside the column widths: the
        /// narration under an act, the rule under an allowed action.
        case note(column: Int, Cell)
    }

    var headers: [Cell]
    var alignments: [Alignment]
    var rows: [Row] = []
    var indent = ""
    static let separator = "  "

    init(headers: [Cell] = [], alignments: [Alignment] = []) {
        self.headers = headers
        self.alignments = alignments
    }

    mutating func add(_ cells: [Cell]) { rows.append(.cells(cells)) }
    mutating func add(_ cells: Cell...) { add(cells) }
    mutating func note(at column: Int, _ cell: Cell) { rows.append(.note(column: column, cell)) }

    /// Column widths: the widest cell of each column, headers included.
    var widths: [Int] {
        var widths: [Int] = headers.map { DisplayWidth.of($0.text) }
        for case .cells(let cells) in rows {
            for (index, cell) in cells.enumerated() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], DisplayWidth.of(cell.text))
            }
        }
        return widths
    }

    /// The table as lines without trailing spaces, coloured only if `terminal` allows.
    func render(for terminal: Terminal) -> String {
        let widths = self.widths
        var output = ""
        func emit(_ cells: [Cell]) {
            var line = indent
            let last = cells.lastIndex { !$0.text.isEmpty } ?? -1
            for (index, cell) in cells.enumerated() where index <= last {
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell.text))
                let right = index < alignments.count && alignments[index] == .right
                let painted = terminal.paint(cell.text, cell.style)
                line += right ? padding + painted : (index == last ? painted : painted + padding)
                if index < last { line += TextTable.separator }
            }
            output += (last < 0 ? "" : line) + "\n"
        }
        if !headers.isEmpty { emit(headers) }
        for row in rows {
            switch row {
            case .cells(let cells):
                emit(cells)
            case .note(let column, let cell):
                let offset = widths.prefix(column).reduce(0) { $0 + $1 + DisplayWidth.of(TextTable.separator) }
                output += indent + String(repeating: " ", count: offset) + terminal.paint(cell.text, cell.style) + "\n"
            }
        }
        return output
    }
}
