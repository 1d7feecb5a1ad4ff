import Bargaining
@testable import BargainingOffice
import Foundation
import Testing
import TestSupport

/// The writer's workbooks, read back by our reader and opened by tools nobody here wrote.
@Suite struct XLSXWriterTests {
    static let sheets = [
        XLSXSheetContent(name: "按街道 by street", rows: [
            XLSXRow([.text("签订率 as of 2026-06-30, target 80%")], style: .title),
            XLSXRow([.text("街道"), .text("比率"), .text("已签"), .text("应签"), .text("日期"), .text("达标")], style: .header),
            XLSXRow([.text("荣华街道"), .percent(0.581), .number(1186), .number(2041), .date(Day("2026-06-30")!), .bool(false)]),
            XLSXRow([.text(" 亦庄镇 "), .percent(1), .number(0), .number(0), .empty, .bool(true)]),
        ], frozenRows: 2),
        XLSXSheetContent(name: "a/b:c*?[d]", rows: [XLSXRow([.text("=1+1"), .number(-3.25)])]),
        XLSXSheetContent(name: "A/B:C*?[D]", rows: []),
    ]

    @Test(arguments: [XLSXWriter.Strings.shared, .inline])
    func readsBackAsWritten(strings: XLSXWriter.Strings) throws {
        let bytes = try XLSXWriter(strings: strings).write(Self.sheets)
        #expect(try Workbooks.rows(bytes, sheet: "按街道 by street") == [
            XLSXSheet.Row(number: 1, cells: ["签订率 as of 2026-06-30, target 80%"]),
            XLSXSheet.Row(number: 2, cells: ["街道", "比率", "已签", "应签", "日期", "达标"]),
            XLSXSheet.Row(number: 3, cells: ["荣华街道", "0.581", "1186", "2041", "2026-06-30", "FALSE"]),
            XLSXSheet.Row(number: 4, cells: [" 亦庄镇 ", "1", "0", "0", "", "TRUE"]),
        ])
        #expect(try Workbooks.rows(bytes, sheet: "a_b_c___d_").map(\.cells) == [["=1+1", "-3.25"]])
        #expect(try Workbooks.rows(bytes, sheet: "A_B_C___D_ (2)") == [])
        // The same sheets, the same bytes.
        #expect(try XLSXWriter(strings: strings).write(Self.sheets) == bytes)
    }

    @Test func sheetNamesExcelAccepts() {
        #expect(XLSXWriter.sheetNames(["a/b", "A_B", "", String(repeating: "长", count: 40)])
            == ["a_b", "A_B (2)", "Sheet3", String(repeating: "长", count: 31)])
    }

    @Test func textThatXMLCannotCarryIsRefused() {
        #expect(throws: OfficeError.self) {
            try XLSXWriter().write([XLSXSheetContent(name: "x", rows: [XLSXRow([.text("bell \u{7}")])])])
        }
    }

    @Test func openpyxlReadsTheFiguresFormatsFrozenHeaderAndWidths() throws {
        guard OfficeTools.has(.openpyxl) else { return }
        let folder = TemporaryDirectory()
        let path = folder.file("coverage.xlsx")
        try Data(XLSXWriter().write(Self.sheets)).write(to: URL(fileURLWithPath: path))
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book.worksheets[0]
            print(json.dumps({
              "names": book.sheetnames,
              "values": [[None if c.value is None else str(c.value) for c in row] for row in sheet.iter_rows()],
              "formats": [sheet["B3"].number_format, sheet["E3"].number_format],
              "bold": [sheet["A1"].font.b, sheet["A2"].font.b, bool(sheet["A3"].font.b)],
              "frozen": sheet.freeze_panes,
              "merged": [str(r) for r in sheet.merged_cells.ranges],
              "widths": [sheet.column_dimensions[c].width for c in "ABF"],
            }, ensure_ascii=False))
            """
        let found = try JSONSerialization.jsonObject(with: Data(OfficeTools.python(script, [path]).utf8)) as? [String: Any]
        #expect(found?["names"] as? [String] == ["按街道 by street", "a_b_c___d_", "A_B_C___D_ (2)"])
        let values = found?["values"] as? [[Any]]
        #expect(values?[2].compactMap { $0 as? String } == ["荣华街道", "0.581", "1186", "2041", "2026-06-30 00:00:00", "False"])
        #expect(found?["formats"] as? [String] == ["0.0%", "yyyy-mm-dd"])
        #expect(found?["bold"] as? [Bool] == [true, true, false])
        #expect(found?["frozen"] as? String == "A3")
        #expect(found?["merged"] as? [String] == ["A1:F1"])
        // 荣华街道 is 4 characters but 8 columns wide; the header of B is narrower than 8.
        #expect(found?["widths"] as? [Double] == [11, 9, 8])
    }
}
