import Bargaining
@testable import BargainingOffice
import Testing

/// Cells as Excel shows them, from workbooks written part by part the way other producers do.
@Suite struct XLSXReaderTests {
    @Test func sharedInlineAndRichTextWithoutPhoneticGuides() throws {
        let workbook = try Workbooks.make(
            sheetData: """
                <row r="1"><c r="A1" t="s"><v>0</v></c></row>\
                <row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3" t="inlineStr"><is><r><t>所属</t></r><r><t xml:space="preserve">街道 </t></r></is></c>\
                <c r="D3" t="s"><v>2</v></c></row>
                """,
            sharedStrings: [
                "<si><t>大兴区2016年企业名录</t></si>",
                "<si><r><rPr><b/></rPr><t>企业</t></r><r><t>名称</t></r></si>",
                "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>",
            ])
        #expect(try Workbooks.rows(workbook) == [
            XLSXSheet.Row(number: 1, cells: ["大兴区2016年企业名录"]),
            XLSXSheet.Row(number: 3, cells: ["企业名称", "", "所属街道 ", "東京"]),
        ])
    }

    @Test func numbersBooleansErrorsAndFormulaResultsAsExcelShowsThem() throws {
        let workbook = try Workbooks.make(sheetData: """
            <row><c><v>120</v></c><c><v>1186</v></c><c><v>3.5</v></c><c><v>9.1110100000000003E+17</v></c>\
            <c><v>911101085678901234</v></c><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c>\
            <c t="str"><f>A1&amp;"x"</f><v>120x</v></c><c><v>0.1</v></c><c><v>-42</v></c></row>
            """)
        #expect(try Workbooks.rows(workbook).first?.cells == [
            "120", "1186", "3.5", "9.11101E+17", "9.11101E+17", "TRUE", "FALSE", "#N/A", "120x", "0.1", "-42",
        ])
    }

    @Test func serialsWithADateFormatAreDays() throws {
        // Styles: 0 General, 1 built-in 14 (m/d/yyyy), 2 built-in 31 (yyyy"年"m"月"d"日", Chinese
        // Excel), 3 custom yyyy/m/d, 4 custom 0.00 (not a date), 5 custom [h]:mm (elapsed time, not
        // a date), 6 custom with a quoted "d" (not a date), 7 built-in 22 (m/d/yyyy h:mm).
        let styles = """
            <numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy/m/d"/><numFmt numFmtId="165" formatCode="0.00"/>\
            <numFmt numFmtId="166" formatCode="[h]:mm"/><numFmt numFmtId="167" formatCode="0&quot; days&quot;"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
            <cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/>\
            <xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="22"/></cellXfs>
            """
        let workbook = try Workbooks.make(sheetData: """
            <row><c><v>43587</v></c><c s="1"><v>43587</v></c><c s="2"><v>43587</v></c><c s="3"><v>43587</v></c>\
            <c s="4"><v>43587</v></c><c s="5"><v>1.5</v></c><c s="6"><v>12</v></c><c s="7"><v>43587.75</v></c>\
            <c s="1"><v>60</v></c><c s="1"><v>59</v></c><c s="1"><v>61</v></c><c s="1"><v>1</v></c></row>
            """, styles: styles)
        #expect(try Workbooks.rows(workbook).first?.cells == [
            "43587", "2019-05-02", "2019-05-02", "2019-05-02", "43587", "1.5", "12", "2019-05-02 18:00",
            "1900-02-29", "1900-02-28", "1900-03-01", "1900-01-01",
        ])
    }

    @Test func workbooksDatedFrom1904() throws {
        let workbook = try Workbooks.make(
            sheetData: "<row><c s=\"1\"><v>42125</v></c></row>",
            styles: "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>", date1904: true)
        #expect(try Workbooks.rows(workbook).first?.cells == ["2019-05-02"])
    }

    @Test func aSheetByNameAndTheSheetsOnOffer() throws {
        let workbook = try Workbooks.make(sheetData: "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>", sheetName: "R&D 名录")
        #expect(try Workbooks.rows(workbook, sheet: "R&D 名录").count == 1)
        #expect(try Workbooks.rows(workbook, sheet: " r&d 名录 ").count == 1)
        #expect(throws: OfficeError.sheetNotFound("企业", available: ["R&D 名录"])) { try Workbooks.rows(workbook, sheet: "企业") }
    }

    @Test func excelNumbersAndDatesByThemselves() {
        #expect(ExcelNumber.general(1e11) == "1E+11")
        #expect(ExcelNumber.general(99_999_999_999) == "99999999999")
        #expect(ExcelNumber.general(0.581) == "0.581")
        #expect(ExcelNumber.general(1.0 / 3) == "0.333333333333333")
        #expect(ExcelNumber.date(serial: 0, uses1904: false) == nil)
        #expect(ExcelNumber.date(serial: 2_958_465, uses1904: false) == "9999-12-31")
        #expect(ExcelNumber.date(serial: 2_958_466, uses1904: false) == nil)
        for text in ["1900-03-01", "2000-02-29", "2019-05-02", "2026-06-30"] {
            let serial = ExcelNumber.serial(of: Day(text)!)
            #expect(ExcelNumber.date(serial: Double(serial), uses1904: false) == text)
        }
        #expect(ExcelNumber.serial(of: Day("2019-05-02")!) == 43587)
    }

    @Test func dateFormatCodes() {
        #expect(XLSXStyles.isDateFormat("yyyy\"年\"m\"月\"d\"日\""))
        #expect(XLSXStyles.isDateFormat("[$-F800]dddd, mmmm dd, yyyy"))
        #expect(XLSXStyles.isDateFormat("[Red]d-mmm"))
        #expect(!XLSXStyles.isDateFormat("h:mm:ss"))
        #expect(!XLSXStyles.isDateFormat("#,##0\\d"))
        #expect(!XLSXStyles.isDateFormat("0;[Red]-0;\"dd\""))
        #expect(!XLSXStyles.isDateFormat("General"))
    }
}
