import Bargaining
import BargainingOffice
import Foundation
import Testing
import TestSupport

/// `bargain registry import` and `contracts import` on Excel workbooks (issue 12): a registry
/// kept as staff keep it imports with the same counts and figures as the clean CSV.
@Suite("imports from Excel workbooks")
struct WorkbookImportTests {
    /// Forty enterprises over two streets, a third without a union, every fifth a chamber member.
    static let enterprises: [(code: String, name: String, street: String, employees: Int, founded: (Int, Int, Int)?, chamber: Bool)] =
        (1...40).map { index in
            let code = CreditCode.makeValid(prefix17: "91110115MA01" + String(10_000 + index).suffix(5)).description
            return (code, "测试企业\(index)有限公司", index % 2 == 0 ? "荣华街道" : "亦庄镇", 10 * index,
                    index % 3 == 0 ? nil : (2010 + index % 10, 1 + index % 12, 1 + index % 28), index % 5 == 0)
        }

    static var cleanCSV: String {
        "uscc,name,district,street,industry,employees,union_founded_on,chamber_member\n" + enterprises.map { e in
            let founded = e.founded.map { String(format: "%04d-%02d-%02d", $0.0, $0.1, $0.2) } ?? ""
            return "\(e.code),\(e.name),大兴区,\(e.street),制造业,\(e.employees),\(founded),\(e.chamber)"
        }.joined(separator: "\n") + "\n"
    }

    /// As a district office keeps it: a merged title, a 序号 and a 备注 column, Chinese headers in
    /// another order, dates as Excel dates, 是/否, and blank rows below the table.
    static var workbook: [UInt8] {
        get throws {
            var rows = [
                XLSXRow([.text("大兴区2016年企业名录")], style: .title),
                XLSXRow(["序号", "企业名称", "统一社会信用代码", "所属区", "所属街道", "行业类别", "职工人数", "建会日期", "是否工商联会员", "备注"]
                    .map { .text($0) }, style: .header),
            ]
            for (index, e) in enterprises.enumerated() {
                rows.append(XLSXRow([.number(Double(index + 1)), .text(e.name), .text(e.code), .text("大兴区"), .text(e.street),
                                     .text("制造业"), .number(Double(e.employees)),
                                     e.founded.map { .date(Day(year: $0.0, month: $0.1, day: $0.2)!) } ?? .empty,
                                     .text(e.chamber ? "是" : "否"), index == 0 ? .text("新登记") : .empty]))
            }
            rows += Array(repeating: XLSXRow([.text(""), .text(" ")]), count: 3)
            return try XLSXWriter().write([XLSXSheetContent(name: "企业名录", rows: rows, frozenRows: 2),
                                           XLSXSheetContent(name: "说明", rows: [XLSXRow([.text("填表说明")])])])
        }
    }

    @Test("a registry workbook imports with the same counts and figures as the clean CSV")
    func sameAsCleanCSV() throws {
        let clean = try StoreFixture()
        let csv = clean.directory.write("registry.csv", Self.cleanCSV)
        let fromCSV = try clean.run(["registry", "import", csv])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(fromCSV.stdout == "\(csv): enterprises: 40 added, 0 updated, 0 unchanged\n")

        let kept = try StoreFixture()
        let path = kept.directory.url.appendingPathComponent("大兴区企业名录.xlsx").path
        try Data(Self.workbook).write(to: URL(fileURLWithPath: path))
        let fromWorkbook = try kept.run(["registry", "import", path])
        #expect(fromWorkbook.status == 0, "\(fromWorkbook.stderr)")
        #expect(fromWorkbook.stdout == "\(path): enterprises: 40 added, 0 updated, 0 unchanged\n")
        #expect(fromWorkbook.stderr.contains("\(path): read sheet '企业名录' of the workbook"), "\(fromWorkbook.stderr)")
        #expect(fromWorkbook.stderr.contains("\(path): header found on line 2; line 1 skipped"))
        #expect(fromWorkbook.stderr.contains("\(path): columns not used: 序号, 备注"))

        let arguments = ["coverage", "--as-of", "2025-12-31", "--by", "street", "--json"]
        let expected = try clean.run(arguments), found = try kept.run(arguments)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout == expected.stdout)

        let again = try kept.run(["registry", "import", path, "--json"])
        #expect(again.stdout.contains("\"unchanged\" : 40") || again.stdout.contains("\"unchanged\":40"), "\(again.stdout)")
    }

    @Test("a workbook openpyxl wrote, with Excel dates and blank rows, imports like the clean CSV")
    func openpyxlWorkbook() throws {
        let python = ProcessInfo.processInfo.environment["BARGAIN_PYTHON"] ?? "python3"
        guard RequiredTool.available([python, "-c", "import openpyxl"], install: "python3 -m pip install openpyxl") else { return }
        let store = try StoreFixture()
        let csv = store.directory.write("clean.csv", Self.cleanCSV)
        let path = store.directory.url.appendingPathComponent("名录.xlsx").path
        let script = """
            import csv, datetime, sys, openpyxl
            from openpyxl.styles import Font
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.append(["大兴区2016年企业名录"]); sheet.merge_cells("A1:J1")
            sheet.append(["序号", "单位名称", "统一社会信用代码", "所属区", "所属街道/乡镇", "行业类别", "职工人数", "建会日期", "是否工商联会员", "联系人"])
            for number, row in enumerate(csv.DictReader(open(sys.argv[1], encoding="utf-8")), 1):
                founded = datetime.date.fromisoformat(row["union_founded_on"]) if row["union_founded_on"] else None
                sheet.append([number, row["name"], row["uscc"], row["district"], row["street"], row["industry"],
                              int(row["employees"]), founded, "是" if row["chamber_member"] == "true" else "否", "王芳"])
            for extra in range(3):
                sheet.cell(row=sheet.max_row + 1, column=2).font = Font(bold=True)
            book.save(sys.argv[2])
            """
        let made = Subprocess.run([python, "-c", script, csv, path])
        #expect(made.status == 0, "\(made.stderr)")
        let imported = try store.run(["registry", "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "\(path): enterprises: 40 added, 0 updated, 0 unchanged\n")
        let clean = try store.run(["registry", "import", csv])
        #expect(clean.stdout == "\(csv): enterprises: 0 added, 0 updated, 40 unchanged\n", "\(clean.stderr)")
    }

    @Test("hostile and wrong workbooks are refused in one sentence, nothing stored")
    func refusals() throws {
        let store = try StoreFixture()
        let folder = store.directory.url
        let path = folder.appendingPathComponent("名录.xlsx").path
        try Data(Self.workbook).write(to: URL(fileURLWithPath: path))

        let noSheet = try store.run(["registry", "import", path, "--sheet", "名单"])
        #expect(noSheet.status == 65)
        #expect(noSheet.stderr.contains("the workbook has no sheet named '名单'; its sheets: '企业名录', '说明'; nothing was imported"),
                "\(noSheet.stderr)")
        let wrongSheet = try store.run(["registry", "import", path, "--sheet", "说明"])
        #expect(wrongSheet.status == 65, "\(wrongSheet.stderr)")

        let old = folder.appendingPathComponent("名录.xls").path
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: old))
        let legacy = try store.run(["registry", "import", old])
        #expect(legacy.status == 65)
        #expect(legacy.stderr.contains("Excel 97–2003 workbook (.xls); save it as an Excel workbook (.xlsx) or as CSV"), "\(legacy.stderr)")

        let truncated = folder.appendingPathComponent("cut.xlsx").path
        try Data(try Self.workbook.prefix(200)).write(to: URL(fileURLWithPath: truncated))
        let cut = try store.run(["registry", "import", truncated])
        #expect(cut.status == 65)
        #expect(cut.stderr.contains("nothing was imported"), "\(cut.stderr)")

        let csv = store.directory.write("r.csv", Self.cleanCSV)
        let sheetForCSV = try store.run(["registry", "import", csv, "--sheet", "x"])
        #expect(sheetForCSV.status == 64)
        #expect(sheetForCSV.stderr.contains("--sheet is for Excel workbooks"), "\(sheetForCSV.stderr)")

        let listed = try store.run(["coverage", "--as-of", "2025-12-31", "--json"])
        #expect(!listed.stdout.contains("\"denominator\" : 1"), "nothing stored: \(listed.stdout.prefix(300))")
    }

    @Test("contracts import reads a workbook too")
    func contractsWorkbook() throws {
        let store = try StoreFixture()
        let csv = store.directory.write("registry.csv", Self.cleanCSV)
        #expect(try store.run(["registry", "import", csv]).status == 0)
        let codes = Self.enterprises.prefix(3).map(\.code).joined(separator: ";")
        let rows = [
            XLSXRow([.text("合同编号"), .text("层级"), .text("合同名称"), .text("生效日期"), .text("到期日期"), .text("覆盖企业")], style: .header),
            XLSXRow([.text("QY-2024-001"), .text("区域性"), .text("荣华街道区域性集体合同"), .date(Day("2024-01-01")!),
                     .date(Day("2026-12-31")!), .text(codes)]),
        ]
        let path = store.directory.url.appendingPathComponent("合同.xlsx").path
        try Data(XLSXWriter(strings: .inline).write([XLSXSheetContent(name: "合同", rows: rows)])).write(to: URL(fileURLWithPath: path))
        let imported = try store.run(["contracts", "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "\(path): contracts: 1 added, 0 updated, 0 unchanged\n")
    }
}
