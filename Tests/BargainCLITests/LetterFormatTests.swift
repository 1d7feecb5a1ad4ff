import Bargaining
import Foundation
import Testing
import TestSupport

/// `bargain reminders --format docx|html` (issue 13 item 3): letters in the official layout that
/// LibreOffice prints with the 文号, the enterprise and the deadline.
@Suite("reminder letters to print")
struct LetterFormatTests {
    @Test("docx by default: one file per letter and one to print, numbered on from the ledger; LibreOffice's PDF has the 文号, enterprise, deadline and contact")
    func docxLetters() throws {
        let store = try CoverageCommandTests.loaded()
        let out = store.directory.url.appendingPathComponent("letters").path
        // 2025-09-01: only E6 (not covered since February) is a laggard; its letter is the district's first of the year.
        let first = try store.run(["reminders", "--as-of", "2025-09-01", "--out", out, "--format", "html"])
        #expect(first.status == 0, "\(first.stderr)")
        let page = try String(contentsOfFile: out + "/2025-09-01-特别提示函-合并打印.html", encoding: .utf8)
        #expect(page.contains("工提〔2025〕1号") && page.contains("<p class=\"title\">特别提示函</p>") && page.contains("六号印刷有限公司："),
                "\(page.prefix(600))")
        #expect(page.contains("联系人：张敏　联系电话：010-00000000"), "the policy's contact for 大兴区")

        // 2025-10-15: E1's coverage ends within 90 days, its letter is the second; E6's 15 days ran out on 2025-09-16.
        let written = try store.run(["reminders", "--as-of", "2025-10-15", "--out", out, "--json"])
        #expect(written.status == 0, "\(written.stderr)")
        let document = try JSON.object(written.stdout)
        let merged = try #require(document["merged"] as? String)
        #expect(merged == out + "/2025-10-15-特别提示函-合并打印.docx")
        let letters = try #require(document["written"] as? [[String: Any]])
        #expect(letters.map { $0["reference"] as? String } == ["工提〔2025〕2号"] && letters[0]["issuer"] as? String == "北京市大兴区总工会")
        let ladder = try #require(document["ladder"] as? [[String: Any]])
        #expect(ladder.map { "\($0["name"]!) \($0["rung"]!) \($0["step"]!)" } == ["一号精密制造有限公司 reminder-letter take", "六号印刷有限公司 rectification take"])
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("2025-10-15") }.sorted()
        #expect(files == ["2025-10-15-\(CoverageCommandTests.code(1))-特别提示函.docx", "2025-10-15-特别提示函-合并打印.docx"])

        // The register beside the letters: every rung taken, each letter with its 文号, as openpyxl reads it.
        #expect(document["register"] as? String == out + "/督促登记簿.xlsx")
        if RequiredTool.available([ReportFileTests.python, "-c", "import openpyxl"], install: "python3 -m pip install openpyxl") {
            let sheets = try ReportFileTests.sheets(out + "/督促登记簿.xlsx")
            #expect(sheets.map { $0["name"] as? String } == ["督促登记簿 register"] && sheets.first?["frozen"] as? String == "A4")
            let rows = try #require(sheets.first?["rows"] as? [[Any]]).dropFirst(3).map { $0.map { "\($0)" } }
            let one = CoverageCommandTests.code(1), six = CoverageCommandTests.code(6)
            #expect(rows == [
                ["1", "2025-09-01 00:00:00", "工提〔2025〕1号", "六号印刷有限公司", six, "大兴区", "旧宫镇", "特别提示函", "reminder-letter", "2025-09-16 00:00:00"],
                ["2", "2025-10-15 00:00:00", "工提〔2025〕2号", "一号精密制造有限公司", one, "大兴区", "旧宫镇", "特别提示函", "reminder-letter", "2025-10-30 00:00:00"],
                ["3", "2025-10-15 00:00:00", "<null>", "六号印刷有限公司", six, "大兴区", "旧宫镇", "整改意见书", "rectification", "2025-10-30 00:00:00"],
            ], "\(rows)")
        }

        guard RequiredTool.available(["libreoffice", "--version"], install: "apt-get install libreoffice-writer"),
              RequiredTool.available(["pdftotext", "-v"], install: "apt-get install poppler-utils") else { return }
        let profile = "-env:UserInstallation=file://" + store.directory.url.appendingPathComponent("lo-profile").path
        let converted = Subprocess.run(["libreoffice", profile, "--headless", "--convert-to", "pdf", "--outdir", store.directory.url.path, merged])
        let pdf = store.directory.url.appendingPathComponent("2025-10-15-特别提示函-合并打印.pdf").path
        #expect(converted.status == 0 && FileManager.default.fileExists(atPath: pdf), "\(converted.stdout)\(converted.stderr)")
        let text = Subprocess.run(["pdftotext", pdf, "-"]).stdout
        let flat = text.filter { !$0.isWhitespace }
        #expect(flat.contains("工提〔2025〕2号") && flat.contains("一号精密制造有限公司："), "\(text)")
        #expect(flat.contains("自收到本函之日起15日内") && flat.contains("在2025年12月31日期满前完成续订"), "the deadline: \(text)")
        #expect(flat.contains("北京市大兴区总工会") && flat.contains("2025年10月15日") && flat.contains("联系人：张敏联系电话：010-00000000"), "\(text)")
        ReportFileTests.keepPicture(of: pdf)
    }
}
