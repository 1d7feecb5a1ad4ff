import Bargaining
import BargainingCoverage
import Testing

@Suite("Congress sessions from a district's ledger (issue 12 item 7)")
struct CongressCSVTests {
    static let known = (1...5).map(code)

    @Test("Chinese headers below a title, extra columns, Excel dates, blank rows: one session per row")
    func ledger() throws {
        let text = "\u{FEFF}大兴区2025年职代会召开情况\r\n"
            + "序号,企业名称,统一社会信用代码,召开日期,届次\r\n"
            + "1,企业一,\(code(1)),2025/3/2,第三届\r\n"
            + "2,企业二,\(code(2)),2025年4月18日,第一届\r\n"
            + "3,企业一,\(code(1)),2024-03-01,第二届\r\n"
            + ",,,,\r\n"
        let imported = try CongressCSV.read(bytes(text), file: "职代会.csv", knownEnterprises: Self.known)
        #expect(imported.rows == [
            CoverageCongressSession(enterprise: code(1), heldOn: day("2025-03-02")),
            CoverageCongressSession(enterprise: code(2), heldOn: day("2025-04-18")),
            CoverageCongressSession(enterprise: code(1), heldOn: day("2024-03-01")),
        ])
        #expect(imported.notes.sentences == ["header found on line 2; line 1 skipped", "columns not used: 序号, 企业名称, 届次", "1 blank row skipped"])
    }

    @Test("Each bad row with its line and column: unknown enterprise, bad code, no date, a session listed twice")
    func badRows() throws {
        let text = "uscc,held_on\n"
            + "\(code(9)),2025-03-02\n"          // 2: not in the registry
            + "91110000ABC,2025-03-02\n"         // 3: not a credit code
            + "\(code(1)),2025-02-30\n"          // 4: no such date
            + "\(code(1)),\n"                    // 5: no date
            + "\(code(2)),2025-03-02\n"          // 6: fine
            + "\(code(2)),2025/3/2\n"            // 7: the session of line 6 again
        let failure = try #require(#expect(throws: CSVImportFailure.self) {
            try CongressCSV.read(bytes(text), file: "s.csv", knownEnterprises: Self.known)
        })
        #expect(failure.errors.map(\.line) == [2, 3, 4, 5, 7])
        #expect(failure.errors.map(\.column) == [1, 1, 2, 2, 2])
        #expect(failure.errors[0].reason == .unknownEnterprise(code(9)))
        guard case .badCreditCode = failure.errors[1].reason else { Issue.record("\(failure.errors[1])"); return }
        #expect(failure.errors[2].reason == .badDate("2025-02-30"))
        #expect(failure.errors[3].reason == .emptyValue)
        #expect(failure.errors[4].description == "s.csv:7: column 2 (held_on): the session of \(code(2)) on 2025-03-02 is already on line 6")

        let skipped = try CongressCSV.read(bytes(text), file: "s.csv", knownEnterprises: Self.known, mode: .skipInvalid)
        #expect(skipped.rows == [CoverageCongressSession(enterprise: code(2), heldOn: day("2025-03-02"))])
        #expect(skipped.rejected.map(\.line) == [2, 3, 4, 5, 7])
        #expect(Array(skipped.rejectsCSV().prefix(3)) == [0xEF, 0xBB, 0xBF], "the rejected rows open in Excel as UTF-8")
    }

    @Test("A file without the date column is refused naming the columns; --map names the one it has")
    func missingColumn() throws {
        let text = "统一社会信用代码,企业名称,日期\n\(code(1)),x,2025-03-02\n"
        let failure = try #require(#expect(throws: CSVImportFailure.self) {
            try CongressCSV.read(bytes(text), file: "s.csv", knownEnterprises: Self.known)
        })
        // One known name of three is not a header: a title line also names one now and then
        #expect(failure.errors.map(\.description) == ["s.csv: no header row in the first 2 lines: the header names the columns, e.g. uscc, held_on"])
        let mapped = try CongressCSV.read(bytes(text), file: "s.csv", knownEnterprises: Self.known,
                                          options: CSVReadOptions(columnNames: ["日期": "held_on"]))
        #expect(mapped.rows == [CoverageCongressSession(enterprise: code(1), heldOn: day("2025-03-02"))])
    }

    @Test("Write and read back")
    func roundTrip() throws {
        let sessions = CoverageDataGenerator(seed: 3, enterprises: 200).dataset().congressSessions
        #expect(!sessions.isEmpty)
        let known = CoverageDataGenerator(seed: 3, enterprises: 200).dataset().registry.map(\.uscc)
        #expect(try CongressCSV.read(CongressCSV.write(sessions), file: "s.csv", knownEnterprises: known).rows == sessions)
    }
}
