import BargainingOffice
import Foundation
import Testing
import TestSupport

/// Workbooks written by openpyxl and by hand, as staff's registries come: a merged title above
/// the header, Chinese headers, dates as Excel serials, numbers, text that looks like numbers,
/// blank rows left below the table.
@Suite struct OpenpyxlWorkbookTests {
    static let expected: [XLSXSheet.Row] = [
        XLSXSheet.Row(number: 1, cells: ["大兴区2016年企业名录"]),
        XLSXSheet.Row(number: 2, cells: ["序号", "企业名称", "统一社会信用代码", "所属街道/乡镇", "职工人数", "建会日期", "是否工商联会员", "备注"]),
        XLSXSheet.Row(number: 3, cells: ["1", "北京亦庄精密制造有限公司", "91110115MA01A2B3C4", "荣华街道", "1186", "2019-05-02", "否", "2行\n备注"]),
        XLSXSheet.Row(number: 4, cells: ["2", "大兴区小微企业", "911101150000000001", "亦庄镇", "3.5", "", "TRUE"]),
        XLSXSheet.Row(number: 5, cells: ["3", "科学计数", "9.11101E+17", "旧宫镇", "12", "2020-01-31"]),
    ]

    @Test func aWorkbookOpenpyxlWrote() throws {
        guard OfficeTools.has(.openpyxl) else { return }
        let folder = TemporaryDirectory()
        let path = folder.file("名录.xlsx")
        _ = try OfficeTools.python("""
            import datetime, sys, openpyxl
            from openpyxl.styles import Font
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = "企业名录"
            sheet.append(["大兴区2016年企业名录"])
            sheet.merge_cells("A1:H1")
            sheet.append(["序号", "企业名称", "统一社会信用代码", "所属街道/乡镇", "职工人数", "建会日期", "是否工商联会员", "备注"])
            sheet.append([1, "北京亦庄精密制造有限公司", "91110115MA01A2B3C4", "荣华街道", 1186, datetime.date(2019, 5, 2), "否", "2行\\n备注"])
            sheet.append([2, "大兴区小微企业", "911101150000000001", "亦庄镇", 3.5, None, True])
            sheet.append([3, "科学计数", 911101000000000000, "旧宫镇", 12, datetime.datetime(2020, 1, 31)])
            for row in range(6, 12):
                sheet.cell(row=row, column=2).font = Font(bold=True)  # styled but empty: Excel's blank rows
            book.create_sheet("说明").append(["这一页不是名录"])
            book.save(sys.argv[1])
            """, [path])
        let sheet = try XLSXReader().sheet(contentsOf: path)
        #expect(sheet.name == "企业名录")
        // openpyxl stores 911101000000000000 exactly; Excel shows it (and loses digits) as 9.11101E+17.
        #expect(sheet.rows == Self.expected)
        #expect(try XLSXReader().sheet(contentsOf: path, sheet: "说明").rows.map(\.cells) == [["这一页不是名录"]])
    }

    /// `Fixtures/hand-made.xlsx`: its parts written by hand (see `Fixtures/hand-made/`) and zipped
    /// with Python's zipfile, as no library here would write them: shared strings with a phonetic
    /// run and rich text, an inline string, a Chinese built-in date format (31), a custom date
    /// format, a boolean, rows without `r` and a trailing row of empty styled cells.
    @Test func theHandMadeWorkbook() throws {
        var path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        path.appendPathComponent("Fixtures/hand-made.xlsx")
        let sheet = try XLSXReader().sheet(contentsOf: path.path)
        #expect(sheet.name == "企业名录")
        #expect(sheet.rows == Self.expected)
    }
}
