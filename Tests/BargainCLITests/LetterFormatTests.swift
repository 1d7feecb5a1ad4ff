import Bargaining
import Foundation
import Testing

/// `bargain reminders --format docx|html` (issue 13 item 3): letters in the official layout that
/// LibreOffice prints with the 文号, the enterprise and the deadline.
@Suite("reminder letters to print")
struct LetterFormatTests {
    @Test("docx: one file per letter and one to print; LibreOffice's PDF has the 文号, enterprise and deadline")
    func docxLetters() throws {
        let store = try CoverageCommandTests.loaded()
        let out = store.directory.url.appendingPathComponent("letters").path
        let written = try store.run(["reminders", "--as-of", "2025-10-15", "--out", out, "--format", "docx", "--issuer", "北京市大兴区总工会",
                                     "--json"])
        #expect(written.status == 0, "\(written.stderr)")
        let document = try JSON.object(written.stdout)
        let merged = try #require(document["merged"] as? String)
        #expect(merged == out + "/2025-10-15-特别提示函-合并打印.docx")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["2025-10-15-\(CoverageCommandTests.code(1))-特别提示函.docx", "2025-10-15-\(CoverageCommandTests.code(6))-特别提示函.docx",
                          "2025-10-15-特别提示函-合并打印.docx"])

        // The next day's letters continue the district's numbers.
        let next = try store.run(["reminders", "--as-of", "2025-10-16", "--out", out, "--format", "html"])
        #expect(next.status == 0, "\(next.stderr)")
        let page = try String(contentsOfFile: out + "/2025-10-16-特别提示函-合并打印.html", encoding: .utf8)
        #expect(page.contains("工提〔2025〕3号") && page.contains("工提〔2025〕4号"), "\(page.prefix(600))")
        #expect(page.contains("<p class=\"title\">特别提示函</p>") && page.contains("六号印刷有限公司："))

        guard try Archivist.has(["libreoffice", "--version"], install: "apt-get install libreoffice-writer"),
              try Archivist.has(["pdftotext", "-v"], install: "apt-get install poppler-utils") else { return }
        let profile = "-env:UserInstallation=file://" + store.directory.url.appendingPathComponent("lo-profile").path
        let converted = try Archivist.run(["libreoffice", profile, "--headless", "--convert-to", "pdf", "--outdir", store.directory.url.path, merged])
        let pdf = store.directory.url.appendingPathComponent("2025-10-15-特别提示函-合并打印.pdf").path
        #expect(converted.status == 0 && FileManager.default.fileExists(atPath: pdf), "\(converted.stdout)\(converted.stderr)")
        let text = try Archivist.run(["pdftotext", pdf, "-"]).stdout
        let flat = text.filter { !$0.isWhitespace }
        #expect(flat.contains("工提〔2025〕1号") && flat.contains("工提〔2025〕2号"), "\(text)")
        #expect(flat.contains("一号精密制造有限公司：") && flat.contains("六号印刷有限公司："), "\(text)")
        #expect(flat.contains("自收到本函之日起") && flat.contains("北京市大兴区总工会") && flat.contains("2025年10月15日"), "\(text)")
        let pages = try Archivist.run(["pdfinfo", pdf]).stdout
        #expect(pages.contains("Pages:") && !pages.contains("Pages:           1\n"), "a letter to a page: \(pages)")
        ReportFileTests.keepPicture(of: pdf)
    }
}
