import Foundation
import Testing
import TestSupport

/// A workbook's rows are padded to the widest row above them before the importer reads them as
/// CSV (WorkbookRows); the padded grid is held to the reader's cell limit (issue 12, bad input).
@Suite("workbook padding is bounded")
struct WorkbookPaddingTests {
    @Test("a cell in the last column above many one-cell rows is refused in one sentence, not padded into billions of fields")
    func widestRowPadding() throws {
        let python = ReportFileTests.python
        guard RequiredTool.available([python, "-c", "import openpyxl"], install: "python3 -m pip install openpyxl") else { return }
        let store = try StoreFixture()
        let path = store.directory.url.appendingPathComponent("宽.xlsx").path
        // 16,384 × 1,300 padded cells is over the 20,000,000 limit; the reader's own count (each
        // row as wide as its last cell) is 16,384 + 1,299.
        let script = """
            import sys, openpyxl
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.cell(row=1, column=16384, value="x")
            for row in range(2, 1301):
                sheet.cell(row=row, column=1, value=row)
            book.save(sys.argv[1])
            """
        let made = Subprocess.run([python, "-c", script, path])
        #expect(made.status == 0, "\(made.stderr)")
        let started = ContinuousClock.now
        let refused = try store.run(["registry", "import", path])
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("refused: the sheet spans more than 20000000 cells once each row is as wide as the widest above it (16384 columns); nothing was imported"),
                "\(refused.stderr)")
    }
}
