import Bargaining
import BargainingCoverage
import BargainingFiles
import Foundation
import Testing

@Suite("Registry CSV import (issue 5)")
struct RegistryCSVTests {
    static let header = "uscc,name,district,street,industry,employees,union_founded_on,chamber_member,closed_on\n"

    static func row(_ uscc: String, employees: String = "12", founded: String = "2020-01-01", chamber: String = "false",
                    closed: String = "") -> String {
        "\(uscc),企业,朝阳区,建外街道,制造业,\(employees),\(founded),\(chamber),\(closed)\n"
    }

    /// A code with a wrong check character: the valid one's last character changed.
    static var badCheckCode: String {
        let valid = code(1).description
        let last = valid.last == "0" ? "1" : "0"
        return String(valid.dropLast()) + last
    }

    @Test("English header: every column read, empty dates as nil")
    func english() throws {
        let text = Self.header + Self.row(code(1).description, closed: "2025-03-01") + Self.row(code(2).description, founded: "", chamber: "true")
        let imported = try RegistryCSV.read(bytes(text), file: "r.csv")
        #expect(imported.rejected.isEmpty)
        #expect(imported.rows == [
            RegistryEnterprise(uscc: code(1), name: "企业", district: "朝阳区", street: "建外街道", industry: "制造业", employees: 12,
                               unionFoundedOn: day("2020-01-01"), chamberMember: false, closedOn: day("2025-03-01")),
            RegistryEnterprise(uscc: code(2), name: "企业", district: "朝阳区", street: "建外街道", industry: "制造业", employees: 12,
                               unionFoundedOn: nil, chamberMember: true, closedOn: nil),
        ])
    }

    @Test("Chinese headers in another order, a UTF-8 byte order mark, CRLF line ends, no closure column")
    func chineseHeadersBOMAndCRLF() throws {
        let text = "\u{FEFF}名称,统一社会信用代码,职工人数,区,街道,行业,建会日期,工商联会员\r\n"
            + "北京华信科技有限公司,\(code(7)),300,海淀区,中关村街道,信息传输、软件和信息技术服务业,2019-05-04,是\r\n"
            + "北京瑞丰商贸有限公司,\(code(8)),15,海淀区,学院路街道,批发和零售业,,否\r\n"
        let rows = try RegistryCSV.read(bytes(text), file: "登记.csv").rows
        #expect(rows.count == 2)
        #expect(rows[0].uscc == code(7) && rows[0].name == "北京华信科技有限公司" && rows[0].employees == 300)
        #expect(rows[0].chamberMember && !rows[1].chamberMember)
        #expect(rows[0].unionFoundedOn == day("2019-05-04") && rows[1].unionFoundedOn == nil)
        #expect(rows[1].closedOn == nil)
    }

    @Test("RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes; line numbers count the breaks")
    func quoting() throws {
        let text = Self.header
            + "\(code(1)),\"北京\"\"星火\"\"科技有限公司, 第一分公司\",朝阳区,建外街道,制造业,5,2020-01-01,false,\n"
            + "\(code(2)),\"两行\n的名称\",朝阳区,建外街道,制造业,5,2020-01-01,false,\n"
            + "\(code(3)),企业,朝阳区,建外街道,制造业,-1,2020-01-01,false,\n"
        let failure = #expect(throws: CSVImportFailure.self) { try RegistryCSV.read(bytes(text), file: "q.csv") }
        // The third record starts on line 5: the second one spans lines 3 and 4.
        #expect(failure?.errors.map(\.line) == [5])
        let fixed = text.replacingOccurrences(of: ",-1,", with: ",1,")
        let rows = try RegistryCSV.read(bytes(fixed), file: "q.csv").rows
        #expect(rows[0].name == "北京\"星火\"科技有限公司, 第一分公司")
        #expect(rows[1].name == "两行\n的名称")
    }

    @Test("Booleans: true/false in any case, 是/否, 1/0; anything else is refused", arguments: [
        ("true", true), ("TRUE", true), ("True", true), ("是", true), ("1", true),
        ("false", false), ("FALSE", false), ("否", false), ("0", false),
    ])
    func booleans(text: String, expected: Bool) throws {
        let rows = try RegistryCSV.read(bytes(Self.header + Self.row(code(1).description, chamber: text)), file: "b.csv").rows
        #expect(rows.first?.chamberMember == expected)
    }

    @Test("Each bad value is reported with file, line, column number and name, and the precise reason")
    func badValues() throws {
        let text = Self.header
            + Self.row(Self.badCheckCode)                                   // line 2
            + Self.row(code(3).description, founded: "2025-02-30")           // line 3
            + Self.row(code(4).description, employees: "-5")                 // line 4
            + Self.row(code(5).description, chamber: "也许")                 // line 5
            + Self.row(code(6).description, employees: "十二")               // line 6
            + Self.row(code(3).description)                                  // line 7: duplicate of line 3? no: line 3 was refused
            + Self.row(code(7).description) + Self.row(code(7).description)  // lines 8, 9
            + Self.row(String(code(10).description.dropLast()))              // line 10
            + Self.row(CreditCode.makeValid(prefix17: "91110105MA01XY2K3").description.lowercased())  // line 11
        let failure = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read(bytes(text), file: "bad.csv") })
        let errors = failure.errors
        #expect(errors.map(\.line) == [2, 3, 4, 5, 6, 9, 10, 11])
        #expect(errors.allSatisfy { $0.file == "bad.csv" })
        #expect(errors.map(\.column) == [1, 7, 6, 8, 6, 1, 1, 1])
        #expect(errors.map(\.columnName) == ["uscc", "union_founded_on", "employees", "chamber_member", "employees", "uscc", "uscc", "uscc"])
        guard case .badCreditCode(_, .checkCharacterMismatch) = errors[0].reason else { Issue.record("\(errors[0])"); return }
        #expect(errors[1].reason == .badDate("2025-02-30"))
        #expect(errors[2].reason == .negativeEmployees(-5))
        #expect(errors[3].reason == .badBoolean("也许"))
        #expect(errors[4].reason == .badNumber("十二"))
        #expect(errors[5].reason == .duplicateCode(code(7), firstLine: 8))
        guard case .badCreditCode(_, .wrongLength(17)) = errors[6].reason else { Issue.record("\(errors[6])"); return }
        guard case .badCreditCode(_, .lowercase) = errors[7].reason else { Issue.record("\(errors[7])"); return }
        #expect(errors[2].description == "bad.csv:4: column 6 (employees): negative number of employees (-5)")
        #expect(errors[0].description.hasPrefix("bad.csv:2: column 1 (uscc): credit code '\(Self.badCheckCode)' check character (18th) is"))
    }

    @Test("All-or-nothing (the default): any bad row refuses the file, every error is returned and no row")
    func allOrNothing() throws {
        let text = Self.header + Self.row(code(1).description) + Self.row(Self.badCheckCode) + Self.row(code(2).description, employees: "-1")
        let failure = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read(bytes(text), file: "r.csv") })
        #expect(failure.errors.count == 2)
    }

    @Test("Skip-invalid: the good rows, and the bad ones as written with their reasons")
    func skipInvalid() throws {
        let bad = Self.row(code(2).description, employees: "-1")
        let text = Self.header + Self.row(code(1).description) + Self.row(Self.badCheckCode) + bad + Self.row(code(3).description)
        let imported = try RegistryCSV.read(bytes(text), file: "r.csv", mode: .skipInvalid)
        #expect(imported.rows.map(\.uscc) == [code(1), code(3)])
        #expect(imported.rejected.map(\.line) == [3, 4])
        #expect(imported.rejected[1].text + "\n" == bad)
        #expect(imported.rejected[1].errors.map(\.reason) == [.negativeEmployees(-1)])
        let report = String(decoding: imported.rejectsCSV(byteOrderMark: false), as: UTF8.self)
        #expect(report.hasPrefix("line,column,reason,row\n"))
        #expect(report.contains("4,6 (employees),negative number of employees (-1),\"\(code(2)),企业,"))
    }

    @Test("Skip-invalid: a duplicate of a rejected row is not a duplicate")
    func duplicateOfRejectedRow() throws {
        let text = Self.header + Self.row(code(1).description, employees: "-1") + Self.row(code(1).description)
        let imported = try RegistryCSV.read(bytes(text), file: "r.csv", mode: .skipInvalid)
        #expect(imported.rows.count == 1)
        #expect(imported.rejected.map(\.line) == [2])
    }

    @Test("Header problems refuse the file in every mode: missing and repeated columns, all reported, the unused ones named")
    func headerProblems() throws {
        let text = "uscc,name,district,street,industry,staff,union_founded_on,name\n"
        let failure = try #require(#expect(throws: CSVImportFailure.self) {
            try RegistryCSV.read(bytes(text), file: "h.csv", mode: .skipInvalid)
        })
        let reasons = failure.errors.map(\.reason)
        #expect(failure.errors.allSatisfy { $0.line == 1 })
        #expect(reasons == [.duplicateColumn("name", firstColumn: 2),
                            .missingColumn(RegistryCSV.headerNames[5], unused: ["staff"]),
                            .missingColumn(RegistryCSV.headerNames[7], unused: ["staff"])])
        #expect(failure.errors[0].column == 8)
        #expect(failure.errors[1].description.contains("the file's columns not used: staff (name one with --map 'COLUMN=employees')"))
    }

    @Test("Invalid UTF-8 is refused with its line and column")
    func invalidUTF8() throws {
        var data = bytes(Self.header + Self.row(code(1).description))
        data += Array("\(code(2)),".utf8) + [0xB1, 0xB1, 0xBE, 0xA9] + Array(",朝阳区,建外街道,制造业,5,2020-01-01,false,\n".utf8)
        let failure = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read(data, file: "gbk.csv") })
        #expect(failure.errors.map(\.line) == [3])
        #expect(failure.errors.map(\.column) == [2])
        #expect(failure.errors.map(\.reason) == [.invalidUTF8])
    }

    @Test("Malformed records: wrong field count, text after a closing quote, an unclosed quote, an empty file")
    func malformed() throws {
        let short = Self.header + "\(code(1)),企业,朝阳区\n"
        let shortFailure = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read(bytes(short), file: "s.csv") })
        #expect(shortFailure.errors.map(\.reason) == [.wrongFieldCount(found: 3, expected: 9)])
        #expect(shortFailure.errors[0].column == nil)

        let stray = Self.header + "\(code(1)),\"企业\"x,朝阳区,建外街道,制造业,5,2020-01-01,false,\n"
        let strayFailure = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read(bytes(stray), file: "s.csv") })
        #expect(strayFailure.errors.map(\.reason) == [.textAfterClosingQuote])
        #expect(strayFailure.errors[0].column == 2)

        let unclosed = Self.header + Self.row(code(1).description) + "\(code(2)),\"企业,朝阳区,建外街道,制造业,5,2020-01-01,false,\n"
        let unclosedFailure = try #require(#expect(throws: CSVImportFailure.self) {
            try RegistryCSV.read(bytes(unclosed), file: "u.csv", mode: .skipInvalid)
        })
        #expect(unclosedFailure.errors.map(\.reason) == [.unterminatedQuote])
        #expect(unclosedFailure.errors.map(\.line) == [3])

        let empty = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read([0xEF, 0xBB, 0xBF], file: "e.csv") })
        #expect(empty.errors.map(\.reason) == [.noHeader])
    }

    @Test("Blank lines are skipped and a last line without a line break is read")
    func blankLines() throws {
        let text = Self.header + "\n" + Self.row(code(1).description) + "\r\n\n" + Self.row(code(2).description).dropLast()
        #expect(try RegistryCSV.read(bytes(text), file: "r.csv").rows.count == 2)
    }

    @Test("An unreadable file is reported as such")
    func unreadable() throws {
        let failure = try #require(#expect(throws: CSVImportFailure.self) {
            try RegistryCSV.read(contentsOf: "/nonexistent/registry.csv")
        })
        guard case .cannotRead = failure.errors.first?.reason else { Issue.record("\(failure)"); return }
    }

    @Test("Re-importing replaces enterprises by credit code and appends new ones")
    func merge() {
        let old = [enterprise(1, employees: 5), enterprise(2, employees: 6)]
        let merged = RegistryEnterprise.merge(old, updates: [enterprise(3), enterprise(1, employees: 50)])
        #expect(merged.map(\.uscc) == [code(1), code(2), code(3)])
        #expect(merged[0].employees == 50)
    }
}
