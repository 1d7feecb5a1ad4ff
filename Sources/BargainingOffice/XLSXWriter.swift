import XMLCore

/// Writes a real Excel workbook: one sheet per ``XLSXSheetContent``, text in a shared strings
/// table (or inline, when asked), percentages and dates as numbers with their formats, title and
/// header rows bold and frozen, title lines merged across the table, columns wide enough for
/// their text (a Chinese character counted twice). The same sheets always give the same bytes.
///
/// ## Topics
/// ### Writing
/// - ``init(strings:)``
/// - ``write(_:)``
public struct XLSXWriter: Sendable {
    public enum Strings: Sendable {
        /// One table of distinct strings, as Excel writes: smaller for repeated street names.
        case shared
        /// Each text in its cell (`t="inlineStr"`), as some exporters write.
        case inline
    }

    public var strings: Strings

    public init(strings: Strings = .shared) {
        self.strings = strings
    }

    /// Style indexes of `styles.xml` below, in its `cellXfs` order.
    private enum Style: Int {
        case plain = 0, header, percent, date, title
    }

    public func write(_ sheets: [XLSXSheetContent]) throws(OfficeError) -> [UInt8] {
        let names = Self.sheetNames(sheets.map(\.name))
        var table = SharedStrings()
        var package = OfficePackageWriter()
        var overrides: [(part: String, type: String)] = [
            ("xl/workbook.xml", OfficeNamespaces.contentType("spreadsheetml.sheet.main")),
            ("xl/styles.xml", OfficeNamespaces.contentType("spreadsheetml.styles")),
        ]
        var workbookTargets: [(kind: String, target: String)] = []
        for (index, sheet) in sheets.enumerated() {
            let part = "xl/worksheets/sheet\(index + 1).xml"
            try package.add(part) { (xml: inout XMLWriter) throws(XMLError) in try self.sheet(sheet, table: &table, xml: &xml) }
            overrides.append((part, OfficeNamespaces.contentType("spreadsheetml.worksheet")))
            workbookTargets.append(("worksheet", "worksheets/sheet\(index + 1).xml"))
        }
        workbookTargets.append(("styles", "styles.xml"))
        if strings == .shared {
            try package.add("xl/sharedStrings.xml") { (xml: inout XMLWriter) throws(XMLError) in try table.write(&xml) }
            overrides.append(("xl/sharedStrings.xml", OfficeNamespaces.contentType("spreadsheetml.sharedStrings")))
            workbookTargets.append(("sharedStrings", "sharedStrings.xml"))
        }
        try package.add("xl/workbook.xml") { (xml: inout XMLWriter) throws(XMLError) in
            try xml.startElement("workbook", namespace: OfficeNamespaces.spreadsheet)
            try xml.namespaceDeclaration(prefix: "r", uri: OfficeNamespaces.relationships)
            try xml.startElement("sheets")
            for (index, name) in names.enumerated() {
                try xml.startElement("sheet")
                try xml.attribute("name", name)
                try xml.attribute("sheetId", String(index + 1))
                try xml.attribute("id", prefix: "r", namespace: OfficeNamespaces.relationships, "rId\(index + 1)")
                try xml.endElement()
            }
            try xml.endElement()
            try xml.endElement()
        }
        package.add("xl/styles.xml", Array(Self.styles.utf8))
        try package.addRelationships(of: "xl/workbook.xml", workbookTargets)
        try package.addRelationships(of: "", [("officeDocument", "xl/workbook.xml")])
        try package.addContentTypes(overrides)
        return try package.bytes()
    }

    private func sheet(_ sheet: XLSXSheetContent, table: inout SharedStrings, xml: inout XMLWriter) throws(XMLError) {
        let width = sheet.rows.map(\.cells.count).max() ?? 0
        try xml.startElement("worksheet", namespace: OfficeNamespaces.spreadsheet)
        // Printed one page wide (landscape, as many pages down as it takes), as staff print tables.
        try xml.startElement("sheetPr")
        try xml.startElement("pageSetUpPr")
        try xml.attribute("fitToPage", "1")
        try xml.endElement()
        try xml.endElement()
        if sheet.frozenRows > 0 {
            try xml.startElement("sheetViews")
            try xml.startElement("sheetView")
            try xml.attribute("workbookViewId", "0")
            try xml.startElement("pane")
            try xml.attribute("ySplit", String(sheet.frozenRows))
            try xml.attribute("topLeftCell", "A\(sheet.frozenRows + 1)")
            try xml.attribute("activePane", "bottomLeft")
            try xml.attribute("state", "frozen")
            try xml.endElement()
            try xml.endElement()
            try xml.endElement()
        }
        let widths = Self.columnWidths(sheet.rows.filter { $0.style != .title && $0.style != .note })
        if !widths.isEmpty {
            try xml.startElement("cols")
            for (index, characters) in widths.enumerated() {
                try xml.startElement("col")
                try xml.attribute("min", String(index + 1))
                try xml.attribute("max", String(index + 1))
                try xml.attribute("width", String(characters))
                try xml.attribute("customWidth", "1")
                try xml.endElement()
            }
            try xml.endElement()
        }
        try xml.startElement("sheetData")
        for (rowIndex, row) in sheet.rows.enumerated() {
            try xml.startElement("row")
            try xml.attribute("r", String(rowIndex + 1))
            // A header broken over lines gets the height for them: not every reader sizes rows.
            let lines = row.style == .header ? row.cells.map(Self.lineCount).max() ?? 1 : 1
            if lines > 1 {
                try xml.attribute("ht", String(15 * lines))
                try xml.attribute("customHeight", "1")
            }
            for (columnIndex, cell) in row.cells.enumerated() {
                try self.cell(cell, at: CellReference(column: columnIndex + 1, row: rowIndex + 1), rowStyle: row.style,
                              table: &table, xml: &xml)
            }
            try xml.endElement()
        }
        try xml.endElement()
        let titles = sheet.rows.indices.filter { sheet.rows[$0].style == .title }
        if width > 1 && !titles.isEmpty {
            try xml.startElement("mergeCells")
            try xml.attribute("count", String(titles.count))
            for row in titles {
                try xml.startElement("mergeCell")
                try xml.attribute("ref", "A\(row + 1):\(CellReference.letters(width))\(row + 1)")
                try xml.endElement()
            }
            try xml.endElement()
        }
        try xml.startElement("pageMargins")
        for (side, inches) in [("left", "0.4"), ("right", "0.4"), ("top", "0.5"), ("bottom", "0.5"), ("header", "0.3"), ("footer", "0.3")] {
            try xml.attribute(side, inches)
        }
        try xml.endElement()
        try xml.startElement("pageSetup")
        try xml.attribute("paperSize", "9")
        try xml.attribute("orientation", "landscape")
        try xml.attribute("fitToWidth", "1")
        try xml.attribute("fitToHeight", "0")
        try xml.endElement()
        try xml.endElement()
    }

    private func cell(_ cell: XLSXCell, at reference: CellReference, rowStyle: XLSXRow.Style, table: inout SharedStrings,
                      xml: inout XMLWriter) throws(XMLError) {
        let textStyle: Style = switch rowStyle {
        case .plain, .note: .plain
        case .header: .header
        case .title: .title
        }
        func start(type: String?, style: Style) throws(XMLError) {
            try xml.startElement("c")
            try xml.attribute("r", reference.description)
            if style != .plain { try xml.attribute("s", String(style.rawValue)) }
            if let type { try xml.attribute("t", type) }
        }
        switch cell {
        case .empty:
            return
        case .text(let text):
            switch strings {
            case .shared:
                try start(type: "s", style: textStyle)
                try xml.element("v", text: String(table.index(of: text)))
            case .inline:
                try start(type: "inlineStr", style: textStyle)
                try xml.startElement("is")
                try SharedStrings.writeText(text, &xml)
                try xml.endElement()
            }
        case .number(let value):
            try start(type: nil, style: textStyle == .title ? .title : .plain)
            try xml.element("v", text: Self.number(value))
        case .percent(let value):
            try start(type: nil, style: .percent)
            try xml.element("v", text: Self.number(value))
        case .date(let day):
            try start(type: nil, style: .date)
            try xml.element("v", text: String(ExcelNumber.serial(of: day)))
        case .bool(let value):
            try start(type: "b", style: textStyle)
            try xml.element("v", text: value ? "1" : "0")
        }
        try xml.endElement()
    }

    private static func lineCount(_ cell: XLSXCell) -> Int {
        guard case .text(let text) = cell else { return 1 }
        return text.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    /// Shortest text that reads back as the same double.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Excel's column width is in characters of the default font; a CJK character takes two.
    /// Between 8 and 60, with room for the filter button Excel draws in a header.
    static func columnWidths(_ rows: [XLSXRow]) -> [Int] {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.cells.enumerated() {
                let text: String = switch cell {
                case .empty: ""
                case .text(let text): text
                case .number(let value): number(value)
                case .percent: "100.0%"
                case .date: "2026-06-30"
                case .bool: "FALSE"
                }
                // A header may break its text over lines (it wraps); its longest line counts.
                let characters = text.split(separator: "\n").map { line in
                    line.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
                }.max() ?? 0
                if widths.count <= index { widths.append(contentsOf: repeatElement(0, count: index + 1 - widths.count)) }
                widths[index] = max(widths[index], characters)
            }
        }
        return widths.map { min(60, max(8, $0 + 3)) }
    }

    /// East Asian wide and full-width characters: CJK ideographs and punctuation, kana, Hangul,
    /// full-width forms.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD: true
        default: false
        }
    }

    /// Excel's rules for sheet names: 1–31 characters, none of `[]:*?/\`, unique ignoring case.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        return wanted.enumerated().map { index, name in
            var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
            if base.isEmpty { base = "Sheet\(index + 1)" }
            var candidate = String(base.prefix(31))
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// Plain, bold header (wrapping at its line breaks), 0.0%, yyyy-mm-dd, bold 14-point title;
    /// fonts that carry Chinese.
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <styleSheet xmlns="\(OfficeNamespaces.spreadsheet)">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>\
        <fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>\
        <font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>\
        <font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    /// The distinct strings in order of first use.
    private struct SharedStrings {
        private var indexes: [String: Int] = [:]
        private var strings: [String] = []
        private var uses = 0

        mutating func index(of text: String) -> Int {
            uses += 1
            if let index = indexes[text] { return index }
            indexes[text] = strings.count
            strings.append(text)
            return strings.count - 1
        }

        func write(_ xml: inout XMLWriter) throws(XMLError) {
            try xml.startElement("sst", namespace: OfficeNamespaces.spreadsheet)
            try xml.attribute("count", String(uses))
            try xml.attribute("uniqueCount", String(strings.count))
            for text in strings {
                try xml.startElement("si")
                try Self.writeText(text, &xml)
                try xml.endElement()
            }
            try xml.endElement()
        }

        /// `<t>`, preserving spaces at the ends that XML would otherwise let a reader drop.
        static func writeText(_ text: String, _ xml: inout XMLWriter) throws(XMLError) {
            try xml.startElement("t")
            if text.first?.isWhitespace == true || text.last?.isWhitespace == true {
                try xml.attribute("space", prefix: "xml", namespace: XMLWriter.xmlNamespace, "preserve")
            }
            try xml.text(text)
            try xml.endElement()
        }
    }
}
