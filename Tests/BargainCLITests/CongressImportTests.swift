import Bargaining
import Foundation
import Testing
import TestSupport

/// `bargain congress import` (issue 12 item 7) and the congress establishment rate it feeds:
/// "no data" until some session is recorded, in the text, `--json` and the workbook; and the
/// re-import counts and contract checks of item 8.
@Suite("congress import and no data")
struct CongressImportTests {
    static func code(_ number: Int) -> String { CoverageCommandTests.code(number) }

    /// A district's ledger of sessions as openpyxl (not our writer) saves it: a merged title,
    /// Chinese headers with columns the tool does not use, real Excel dates, a blank row.
    static let ledgerWorkbook = """
        import datetime, sys, openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "职代会"
        sheet.append(["大兴区2025年职代会召开情况"])
        sheet.merge_cells("A1:E1")
        sheet.append(["序号", "企业名称", "统一社会信用代码", "召开日期", "届次"])
        sheet.append([1, "一号精密制造有限公司", sys.argv[2], datetime.date(2025, 3, 2), "第三届"])
        sheet.append([2, "二号餐饮有限公司", sys.argv[3], datetime.date(2025, 4, 18), "第一届"])
        sheet.append([None, None, None, None, None])
        for row in sheet.iter_rows(min_row=3, min_col=4, max_col=4):
            row[0].number_format = "yyyy/m/d"
        book.save(sys.argv[1])
        """

    @Test("the congress rate is no data until sessions are recorded; a ledger workbook imports; the same ledger again is unchanged")
    func ledger() throws {
        let store = try CoverageCommandTests.loaded()
        // No session recorded anywhere: no data, in the text, --json and the workbook
        let text = try store.run(["coverage", "--as-of", "2025-06-30"])
        #expect(text.status == 0, "\(text.stderr)")
        let totalLine = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("合计 total") })
        #expect(totalLine.contains("no data") && !totalLine.contains("(0/4)"), "\(totalLine)")
        let before = try #require(try JSON.object(try store.run(["coverage", "--as-of", "2025-06-30", "--json"]).stdout)["total"] as? [String: Any])
        #expect(before["congressRate"] is NSNull && before["signingRate"] as? Double == 0.75)
        let hasOpenpyxl = RequiredTool.available([ReportFileTests.python, "-c", "import openpyxl"], install: "python3 -m pip install openpyxl")
        if hasOpenpyxl {
            let report = store.directory.url.appendingPathComponent("覆盖.xlsx").path
            #expect(try store.run(["coverage", "--as-of", "2025-06-30", "--out", report]).status == 0)
            let rows = try #require(try ReportFileTests.sheets(report).first?["rows"] as? [[Any]])
            #expect(rows.last?.last as? String == "no data", "\(rows.last ?? [])")
        }
        guard hasOpenpyxl else { return }

        let path = store.directory.url.appendingPathComponent("职代会召开情况.xlsx").path
        let made = Subprocess.run([ReportFileTests.python, "-c", Self.ledgerWorkbook, path, Self.code(1), Self.code(2)])
        #expect(made.status == 0, "\(made.stderr)")
        let imported = try store.run(["congress", "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "\(path): sessions: 2 added, 0 updated, 0 unchanged\n")
        #expect(imported.stderr.contains("\(path): header found on line 2; line 1 skipped"), "\(imported.stderr)")
        #expect(imported.stderr.contains("\(path): columns not used: 序号, 企业名称, 届次"), "\(imported.stderr)")

        let after = try #require(try JSON.object(try store.run(["coverage", "--as-of", "2025-06-30", "--json"]).stdout)["total"] as? [String: Any])
        #expect(after["congressEstablished"] as? Int == 2 && after["congressRate"] as? Double == 0.5)
        let shown = try store.run(["coverage", "--as-of", "2025-06-30"])
        #expect(shown.stdout.split(separator: "\n").first { $0.hasPrefix("合计 total") }?.contains("50.0% (2/4)") == true, "\(shown.stdout)")

        let again = try store.run(["congress", "import", path, "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        let counts = try JSON.object(again.stdout)
        #expect(counts["added"] as? Int == 0 && counts["updated"] as? Int == 0 && counts["unchanged"] as? Int == 2)
    }

    @Test("a bad ledger row refuses the file with its line and nothing is stored; --skip-invalid keeps the good rows, the rest in a file with a BOM")
    func badRows() throws {
        let store = try CoverageCommandTests.loaded()
        let stranger = CreditCode.makeValid(prefix17: "91110115MA0CW0099").description
        let file = store.directory.write("sessions.csv", """
            统一社会信用代码,召开日期
            \(Self.code(1)),2025-03-02
            \(stranger),2025-03-02
            \(Self.code(2)),2025年13月1日

            """)
        let refused = try store.run(["congress", "import", file])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(file):3: column 1 (统一社会信用代码): enterprise \(stranger) is not in the registry; import it first"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("\(file):4: column 2 (召开日期): '2025年13月1日' is not a date"), "\(refused.stderr)")
        let total = try JSON.object(try store.run(["coverage", "--as-of", "2025-06-30", "--json"]).stdout)["total"] as? [String: Any]
        #expect(total?["congressRate"] is NSNull, "nothing stored")

        let rejected = store.directory.url.appendingPathComponent("rejected.csv").path
        let skipped = try store.run(["congress", "import", file, "--skip-invalid", "--rejected", rejected])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout == "\(file): sessions: 1 added, 0 updated, 0 unchanged\n2 rows set aside, with the reasons, in \(rejected)\n")
        let written = try Data(contentsOf: URL(fileURLWithPath: rejected))
        #expect(Array(written.prefix(3)) == [0xEF, 0xBB, 0xBF], "Excel on Chinese Windows reads it as UTF-8")
        #expect(String(decoding: written, as: UTF8.self).contains("is not in the registry"))
    }

    @Test("issue 12 item 8: contracts imported again are unchanged; dates a contract cannot have are refused with the line and the rule")
    func contracts() throws {
        let store = try CoverageCommandTests.loaded()
        let again = try store.run(["contracts", "import", store.directory.write("contracts.csv", CoverageCommandTests.contracts)])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasSuffix(": contracts: 0 added, 0 updated, 5 unchanged\n"), "\(again.stdout)")

        let file = store.directory.write("bad.csv", """
            contract_id,level,title,signed_on,effective_on,expires_on,terminated_on,enterprises
            L1,enterprise,超期合同,2024-12-20,2025-01-01,2028-06-30,,\(Self.code(6))
            L2,enterprise,先生效后签订,2025-02-01,2025-01-01,2025-12-31,,\(Self.code(6))
            L3,enterprise,生效前终止,,2025-01-01,2025-12-31,2024-12-01,\(Self.code(6))

            """)
        let refused = try store.run(["contracts", "import", file])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(file):2: column 6 (expires_on): a term from 2025-01-01 to 2028-06-30 is over 3 years (S1 art 38"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("\(file):3: column 4 (signed_on): signed on 2025-02-01, after it takes effect on 2025-01-01"))
        #expect(refused.stderr.contains("\(file):4: column 7 (terminated_on): terminated on 2024-12-01, before it takes effect on 2025-01-01"))
    }

    @Test("--help lists the ledger's header names from the one table")
    func help() throws {
        let help = try BargainBinary.run(["congress", "import", "--help"])
        #expect(help.stdout.contains("held_on: 召开日期, 召开时间"), "\(help.stdout)")
    }
}
