import Bargaining
import BargainingCoverage
import BargainingFiles
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// `bargain coverage trend` (issue 13 item 2), run as the built binary against a temporary store.
@Suite("coverage trend command")
struct TrendCommandTests {
    /// A store holding a generated 2,000-enterprise district, as `registry import` and `contracts import` take it.
    static func generated() throws -> StoreFixture {
        let store = try StoreFixture()
        let registry = store.directory.url.appendingPathComponent("registry.csv").path
        let contracts = store.directory.url.appendingPathComponent("contracts.csv").path
        _ = try CoverageDataGenerator(seed: 16, enterprises: 2_000).writeCSV(registryTo: registry, contractsTo: contracts)
        #expect(try store.run(["registry", "import", registry]).status == 0)
        let imported = try store.run(["contracts", "import", contracts])
        #expect(imported.status == 0, "\(imported.stderr)")
        return store
    }

    @Test("--json: each point is what `coverage --as-of` prints for its date, total and by district")
    func pointsAreReports() throws {
        let store = try Self.generated()
        for grouping in [[], ["--by", "district"]] {
            let result = try store.run(["coverage", "trend", "--from", "2019-12-31", "--to", "2025-06-30", "--every", "quarter", "--json"] + grouping)
            #expect(result.status == 0, "\(result.stderr)")
            let points = try #require(try JSON.object(result.stdout)["points"] as? [Any])
            #expect(points.count == 23)
            for index in [0, 5, 13, 22] {
                let point = try #require(points[index] as? [String: Any])
                let asOf = try #require(point["asOf"] as? String)
                let report = try store.run(["coverage", "--as-of", asOf, "--json"] + grouping)
                let expected = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? NSDictionary
                #expect(NSDictionary(dictionary: point) == expected, "as of \(asOf)")
            }
        }
        let table = try store.run(["coverage", "trend", "--from", "2023-12-31", "--to", "2025-06-30", "--every", "quarter"])
        #expect(table.status == 0, "\(table.stderr)")
        for line in ["Coverage trend, 7 dates from 2023-12-31 to 2025-06-30", "合计 total", "2024-09-30", "2025-06-30"] {
            #expect(table.stdout.contains(line), "\(table.stdout)")
        }
    }

    @Test("--out: the workbook has a sheet per grouping, real dates and percentages; csv with a BOM; svg a chart")
    func files() throws {
        guard RequiredTool.available([ReportFileTests.python, "-c", "import openpyxl"], install: "python3 -m pip install openpyxl") else { return }
        let store = try Self.generated()
        let arguments = ["coverage", "trend", "--from", "2024-06-30", "--to", "2025-06-30"]
        let workbook = store.directory.url.appendingPathComponent("趋势.xlsx").path
        #expect(try store.run(arguments + ["--out", workbook]).status == 0)
        let sheets = try ReportFileTests.sheets(workbook)
        #expect(sheets.map { $0["name"] as? String }
            == ["合计 total", "按区 by district", "按街道 by street", "按行业 by industry", "按是否工商联会员 by chamber"])
        let json = try JSON.object(try store.run(arguments + ["--json"]).stdout)
        let points = try #require(json["points"] as? [[String: Any]])
        let total = try #require(sheets.first)
        #expect(total["frozen"] as? String == "A5")
        let rows = Array(try #require(total["rows"] as? [[Any]]).dropFirst(4))
        #expect(rows.count == 13)
        let formats = try #require(total["formats"] as? [[String]])
        for (index, (row, point)) in zip(rows, points).enumerated() {
            // openpyxl reads a date cell as a datetime: the dump writes it as text.
            #expect(row[0] as? String == (point["asOf"] as? String).map { $0 + " 00:00:00" }, "\(row)")
            let figures = try #require(point["total"] as? [String: Any])
            #expect(row[2] as? Int == figures["unionised"] as? Int)
            #expect(row[4] as? Double ?? Double(row[4] as? Int ?? -1) == figures["signingRate"] as? Double)
            #expect(formats[4 + index][4] == "0.0%")
        }

        let csv = store.directory.url.appendingPathComponent("趋势.csv").path
        #expect(try store.run(arguments + ["--by", "industry", "--out", csv]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(lines.first?.hasPrefix("日期 date,分组 group,建会企业 unionised") == true, "\(lines.first ?? "")")

        let svg = store.directory.url.appendingPathComponent("趋势.svg").path
        #expect(try store.run(arguments + ["--out", svg]).status == 0)
        let chart = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(chart.contains("<svg") && chart.contains("目标 90%") && chart.contains("职工覆盖率"))
        #expect(try XMLDocument(data: Data(chart.utf8)).rootElement()?.name == "svg")
    }

    @Test("a range backwards, a single day, too many dates, a date not in the calendar and an unknown format are refused naming the flag",
          arguments: [
            (["--from", "2025-06-30", "--to", "2024-06-30"], "--from 2025-06-30 is after --to 2024-06-30"),
            (["--from", "2025-06-30", "--to", "2025-06-30"], "a trend needs at least two dates"),
            (["--from", "1980-01-31", "--to", "2025-06-30"], "gives 546 dates; a trend takes at most 400"),
            (["--from", "2025-02-30", "--to", "2025-06-30"], "--from"),
            (["--from", "2024-06-30", "--to", "2025-13-01"], "--to"),
            (["--from", "2024-06-30", "--to", "2025-06-30", "--every", "week"], "--every"),
            (["--from", "2024-06-30", "--to", "2025-06-30", "--out", "t.html"], "--out t.html: the file's extension says what to write: .xlsx, .csv, .svg"),
          ])
    func refusals(_ arguments: [String], _ sentence: String) throws {
        let store = try StoreFixture()
        let result = try store.run(["coverage", "trend"] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(sentence), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store.path), "the store is not touched")
    }
}
