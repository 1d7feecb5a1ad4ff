import Bargaining
import Foundation
import Testing
import TestSupport

/// `bargain coverage --out FILE` and `coverage laggards --out FILE` (issue 13 item 1): the
/// workbooks opened by openpyxl carry the figures of `--json`; LibreOffice prints them.
@Suite("coverage reports written to files")
struct ReportFileTests {
    static let python = ProcessInfo.processInfo.environment["BARGAIN_PYTHON"] ?? "python3"

    /// Each sheet's name, frozen pane, rows (values as Python writes them) and number formats.
    static let dump = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps([{"name": s.title, "frozen": s.freeze_panes,
          "rows": [[c.value if isinstance(c.value, (int, float, str)) or c.value is None else str(c.value) for c in row] for row in s.iter_rows()],
          "formats": [[c.number_format for c in row] for row in s.iter_rows()]} for s in book.worksheets], ensure_ascii=False))
        """

    static func sheets(_ path: String) throws -> [[String: Any]] {
        let result = Subprocess.run([python, "-c", dump, path])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test("the coverage workbook has the --json figures, rates as percentages, the header frozen")
    func coverageWorkbook() throws {
        guard RequiredTool.available([Self.python, "-c", "import openpyxl"], install: "python3 -m pip install openpyxl") else { return }
        let store = try CoverageCommandTests.loaded()
        let path = store.directory.url.appendingPathComponent("覆盖情况.xlsx").path
        let written = try store.run(["coverage", "--as-of", "2025-06-30", "--by", "street", "--out", path])
        #expect(written.status == 0, "\(written.stderr)")
        let json = try JSON.object(try store.run(["coverage", "--as-of", "2025-06-30", "--by", "street", "--json"]).stdout)

        let sheets = try Self.sheets(path)
        #expect(sheets.map { $0["name"] as? String } == ["按街道 by street"])
        let sheet = try #require(sheets.first)
        #expect(sheet["frozen"] as? String == "A5")
        let rows = try #require(sheet["rows"] as? [[Any]])
        #expect((rows[0][0] as? String)?.contains("截至 as of 2025-06-30") == true)
        let period = "renewal period \(json["from"] as? String ?? "?") – \(json["to"] as? String ?? "?")"
        #expect((rows[1][0] as? String)?.contains(period) == true, "\(rows[1])")
        #expect((rows[2][0] as? String)?.contains("签订率 signing 90%") == true)
        #expect(rows[3].first as? String == "分组\ngroup")
        let groups = (json["groups"] as? [[String: Any]] ?? []) + [json["total"] as? [String: Any] ?? [:]]
        let body = Array(rows.dropFirst(4))
        #expect(body.count == groups.count)
        for (row, group) in zip(body, groups) {
            let key = group["key"] as? String
            #expect(row[0] as? String == (key == "total" ? "合计 total" : key))
            #expect(row[1] as? Int == group["unionised"] as? Int)
            #expect(row[2] as? Int == group["signed"] as? Int)
            if let rate = group["signingRate"] as? Double {
                #expect(row[3] as? Double ?? Double(row[3] as? Int ?? -1) == rate, "\(row)")
            } else {
                #expect(row[3] as? String == "no data")
            }
            #expect(row[4] as? Double == 0.9)
            let shortfall = (group["shortfall"] as? [String: Any])?["signing"] as? Int
            #expect(row[5] as? Int == shortfall || (shortfall == nil && row[5] as? String == "—"))
            #expect(row[6] as? Int == group["employees"] as? Int)
            #expect(row[9] as? Int == group["due"] as? Int)
            #expect(row[10] as? Int == group["renewed"] as? Int)
        }
        let formats = try #require(sheet["formats"] as? [[String]])
        #expect(formats[4][3] == "0.0%" && formats[4][4] == "0.0%")

        let every = try store.run(["coverage", "--as-of", "2025-06-30", "--out", path])
        #expect(every.status == 0, "\(every.stderr)")
        #expect(try Self.sheets(path).map { $0["name"] as? String }
            == ["合计 total", "按区 by district", "按街道 by street", "按行业 by industry", "按是否工商联会员 by chamber"])
    }

    @Test("the laggards workbook lists the --json laggards, most employees first, with the days uncovered")
    func laggardsWorkbook() throws {
        guard RequiredTool.available([Self.python, "-c", "import openpyxl"], install: "python3 -m pip install openpyxl") else { return }
        let store = try CoverageCommandTests.loaded()
        let path = store.directory.url.appendingPathComponent("待督促.xlsx").path
        let written = try store.run(["coverage", "laggards", "--as-of", "2025-12-31", "--out", path])
        #expect(written.status == 0, "\(written.stderr)")
        let json = try JSON.object(try store.run(["coverage", "laggards", "--as-of", "2025-12-31", "--json"]).stdout)
        let laggards = json["laggards"] as? [[String: Any]] ?? []
        #expect(laggards.count >= 2)

        let rows = try #require(try Self.sheets(path).first?["rows"] as? [[Any]])
        #expect(rows[2].first as? String == "序号\n#")
        let body = Array(rows.dropFirst(3))
        #expect(body.count == laggards.count)
        #expect(Set(body.compactMap { $0[2] as? String }) == Set(laggards.compactMap { $0["enterprise"] as? String }))
        let employees = body.compactMap { $0[6] as? Int }
        #expect(employees == employees.sorted(by: >))
        #expect(body.map { $0[0] as? Int } == Array(1...body.count).map { Optional($0) })
        for row in body {
            let laggard = laggards.first { $0["enterprise"] as? String == row[2] as? String } ?? [:]
            #expect(row[6] as? Int == laggard["employees"] as? Int)
            if laggard["reason"] as? String == "not-covered", let end = (laggard["coverageEnd"] as? String).flatMap(Day.init) {
                #expect(row[9] as? Int == end.days(until: Day("2025-12-31")!), "\(row)")
            }
        }
    }

    @Test("csv, svg and html by the extension; any other refused before anything runs")
    func otherFormats() throws {
        let store = try CoverageCommandTests.loaded()
        let folder = store.directory.url
        let csv = folder.appendingPathComponent("r.csv").path
        #expect(try store.run(["coverage", "--as-of", "2025-06-30", "--by", "street", "--out", csv]).status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: csv)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(lines.first?.hasPrefix("分组 group,建会企业 unionised,") == true)
        #expect(lines.last?.hasPrefix("合计 total,4,3,75.0%,90%,1,") == true, "\(lines)")

        let svg = folder.appendingPathComponent("r.svg").path, chart = folder.appendingPathComponent("chart.svg").path
        #expect(try store.run(["coverage", "--as-of", "2025-06-30", "--by", "street", "--out", svg, "--svg", chart]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: svg)) == Data(contentsOf: URL(fileURLWithPath: chart)))

        let html = folder.appendingPathComponent("l.html").path
        #expect(try store.run(["coverage", "laggards", "--as-of", "2025-12-31", "--out", html]).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<th>企业名称\nname</th>") && page.contains("六号印刷有限公司"))

        let wrong = try store.run(["coverage", "laggards", "--as-of", "2025-12-31", "--out", folder.appendingPathComponent("l.svg").path])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("the file's extension says what to write: .xlsx, .csv, .html"), "\(wrong.stderr)")
        let unknown = try store.run(["coverage", "--as-of", "2025-06-30", "--out", folder.appendingPathComponent("r.pdf").path])
        #expect(unknown.status == 64)
    }

    @Test("LibreOffice prints the workbooks and Chromium the page; the PDF text has the figures")
    func printed() throws {
        guard RequiredTool.available(["libreoffice", "--version"], install: "apt-get install libreoffice-calc libreoffice-writer"),
              RequiredTool.available(["chromium", "--version"], install: "apt-get install chromium"),
              RequiredTool.available(["pdftotext", "-v"], install: "apt-get install poppler-utils") else { return }
        let store = try CoverageCommandTests.loaded()
        let folder = store.directory.url
        var outputs: [String] = []
        for (arguments, name) in [(["coverage", "--as-of", "2025-06-30", "--by", "street"], "coverage.xlsx"),
                                  (["coverage", "laggards", "--as-of", "2025-12-31"], "laggards.xlsx"),
                                  (["coverage", "laggards", "--as-of", "2025-12-31"], "laggards-page.html")] {
            let path = folder.appendingPathComponent(name).path
            #expect(try store.run(arguments + ["--out", path]).status == 0)
            outputs.append(path)
        }
        let profile = "-env:UserInstallation=file://" + folder.appendingPathComponent("lo-profile").path
        for path in outputs {
            let pdf = (path as NSString).deletingPathExtension + ".pdf"
            // LibreOffice's HTML import is no browser (it lays this page out blank): the page goes to Chromium.
            let converted = path.hasSuffix(".html")
                ? Subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                     "--user-data-dir=" + folder.appendingPathComponent("chromium").path, "--print-to-pdf=" + pdf,
                                     "file://" + path])
                : Subprocess.run(["libreoffice", profile, "--headless", "--convert-to", "pdf", "--outdir", folder.path, path])
            #expect(converted.status == 0 && FileManager.default.fileExists(atPath: pdf), "\(converted.stdout)\(converted.stderr)")
            let text = Subprocess.run(["pdftotext", "-layout", pdf, "-"]).stdout
            if path.hasSuffix("coverage.xlsx") {
                #expect(text.contains("亦庄镇") && text.contains("75.0%") && text.contains("2025-06-30"), "\(text)")
            } else {
                #expect(text.contains("六号印刷有限公司") && text.contains("2025-12-31"), "\(text)")
            }
            Self.keepPicture(of: pdf)
        }
    }

    /// The first page as PNG under `.build/test-artifacts/`, for a person to look at.
    static func keepPicture(of pdf: String) {
        let artifacts = Repository.root.appendingPathComponent(".build/test-artifacts/office")
        try? FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let name = ((pdf as NSString).lastPathComponent as NSString).deletingPathExtension
        _ = Subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf, artifacts.appendingPathComponent(name).path])
    }
}
