import Bargaining
import BargainingCoverage
import BargainingFiles
import Foundation
import Testing

/// Registries as district federation staff actually have them (issue 12): saved by Excel or WPS on
/// Chinese Windows, with a title row, their own headers, extra columns, Excel's dates and numbers,
/// and blank rows at the bottom. Each must import to exactly the rows of the clean file.
@Suite("District files as staff save them: encodings, titles, synonyms, Excel values")
struct DistrictFileTests {
    /// The clean file the tool itself would write, and the rows it holds.
    static let clean = """
        uscc,name,district,street,industry,employees,union_founded_on,chamber_member,closed_on
        \(code(1)),北京华信科技有限公司,大兴区,荣华街道,制造业,1186,2019-05-02,true,
        \(code(2)),北京瑞丰商贸有限公司,大兴区,亦庄镇,批发和零售业,120,,false,

        """

    /// The same two enterprises as a clerk's spreadsheet has them.
    static let asSaved = """
        大兴区2016年企业名录,,,,,,,,,
        ,,,,,,,,,
        序号,企业名称,统一社会信用代码,所属区,所属街道/乡镇,行业类别,职工人数,建会日期,是否工商联会员,备注
        1,北京华信科技有限公司　,\(code(1)),大兴区,荣华街道,制造业,"1,186",2019年5月2日,是,重点企业
        2,北京瑞丰商贸有限公司,\(code(2)),大兴区,亦庄镇,批发和零售业,１２０,,否,
        ,,,,,,,,,
        ,,,,,,,,,

        """

    static func gb18030(_ text: String) throws -> [UInt8] {
        try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)).map { Array($0) })
    }

    @Test("GBK (Excel's CSV on Chinese Windows), UTF-8 with a BOM and UTF-16 with a BOM import the same rows as the clean file")
    func encodingsAndLayouts() throws {
        let expected = try RegistryCSV.read(bytes(Self.clean), file: "clean.csv").rows
        #expect(expected.count == 2)
        let gbk = try Self.gb18030(Self.asSaved)
        #expect(String(bytes: gbk, encoding: .utf8) == nil, "the test file must really be GBK, not UTF-8")
        let utf8BOM = [0xEF, 0xBB, 0xBF] + bytes(Self.asSaved)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Self.asSaved.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let files: [(String, [UInt8], CSVEncoding)] = [("gbk.csv", gbk, .gb18030), ("bom.csv", utf8BOM, .utf8), ("utf16.txt", utf16, .utf16)]
        for (name, data, encoding) in files {
            let imported = try RegistryCSV.read(data, file: name)
            #expect(imported.rows == expected, "\(name)")
            #expect(imported.notes.encoding == encoding, "\(name)")
            #expect(imported.notes.headerLine == 3)
            #expect(imported.notes.titleLines == [1])
            #expect(imported.notes.ignoredColumns == ["序号", "备注"])
            #expect(imported.notes.blankRows == 2)
            #expect(imported.notes.sentences.contains("header found on line 3; line 1 skipped"))
        }
    }

    @Test("A GBK file read in chunks from disk: detected from its first chunk, converted whole")
    func gbkFromDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gbk-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(try Self.gb18030(Self.asSaved)).write(to: URL(fileURLWithPath: path))
        let imported = try RegistryCSV.read(contentsOf: path)
        #expect(imported.rows == (try RegistryCSV.read(bytes(Self.clean), file: "clean.csv").rows))
        #expect(imported.notes.sentences.first == "read as GB18030 (GBK) text")
    }

    @Test("An encoding forced wrongly is one message, not one per cell")
    func wrongEncodingIsOneMessage() throws {
        let utf16Odd: [UInt8] = [0xFF, 0xFE, 0x41]
        let failure = try #require(#expect(throws: CSVImportFailure.self) {
            try RegistryCSV.read(utf16Odd, file: "odd.txt", options: CSVReadOptions(encoding: .utf16))
        })
        #expect(failure.errors.map(\.reason) == [.notInEncoding(.utf16)])
    }

    @Test("A UTF-8 file with one damaged cell stays UTF-8 and names the cell, rather than decoding the whole file as GBK")
    func damagedUTF8IsNotGBK() throws {
        var data = bytes(Self.clean)
        data += Array("\(code(3)),".utf8) + [0xB1, 0xB1, 0xBE, 0xA9] + Array(",大兴区,荣华街道,制造业,5,2020-01-01,false,\n".utf8)
        let failure = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read(data, file: "mixed.csv") })
        #expect(failure.errors.map(\.reason) == [.invalidUTF8])
        #expect(failure.errors.map(\.line) == [4])
    }

    @Test("Excel's dates, numbers and yes/no in every spelling staff use")
    func excelValues() throws {
        let dates = ["2019-05-02", "2019-5-2", "2019/5/2", "2019.5.2", "2019年5月2日", "2019/5/2 0:00", "２０１９/５/２", "20190502"]
        for (index, text) in dates.enumerated() {
            let csv = "uscc,name,district,street,industry,employees,union_founded_on,chamber_member\n"
                + "\(code(index + 1)),企业,大兴区,荣华街道,制造业,1,\(text),是\n"
            #expect(try RegistryCSV.read(bytes(csv), file: "d.csv").rows.first?.unionFoundedOn == day("2019-05-02"), "\(text)")
        }
        for (text, value) in [("是", true), ("有", true), ("√", true), ("Y", true), ("yes", true), ("否", false), ("无", false),
                              ("×", false), ("N", false), ("0", false)] {
            let csv = "uscc,name,district,street,industry,employees,union_founded_on,chamber_member\n"
                + "\(code(1)),企业,大兴区,荣华街道,制造业,1,,\(text)\n"
            #expect(try RegistryCSV.read(bytes(csv), file: "b.csv").rows.first?.chamberMember == value, "\(text)")
        }
        for (text, value) in [("\"1,186\"", 1186), ("１２０", 120), ("　35　", 35)] {
            let csv = "uscc,name,district,street,industry,employees,union_founded_on,chamber_member\n"
                + "\(code(1)),企业,大兴区,荣华街道,制造业,\(text),,否\n"
            #expect(try RegistryCSV.read(bytes(csv), file: "n.csv").rows.first?.employees == value, "\(text)")
        }
        let wrong = "uscc,name,district,street,industry,employees,union_founded_on,chamber_member\n"
            + "\(code(1)),企业,大兴区,荣华街道,制造业,\"1,18\",2019/13/2,也许\n"
        let failure = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read(bytes(wrong), file: "w.csv") })
        #expect(failure.errors.map(\.reason) == [.badNumber("1,18"), .badDate("2019/13/2"), .badBoolean("也许")])
    }

    @Test("A credit code Excel turned into 9.11101E+17 is refused with what happened and how to keep it as text")
    func scientificCreditCode() throws {
        let csv = "uscc,name,district,street,industry,employees,union_founded_on,chamber_member\n"
            + "9.11101E+17,企业,大兴区,荣华街道,制造业,1,,否\n"
        let failure = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read(bytes(csv), file: "s.csv") })
        #expect(failure.errors.map(\.reason) == [.creditCodeInScientificNotation("9.11101E+17")])
        #expect(failure.errors[0].description.contains("format the column as text (设置单元格格式 → 文本)"))
    }

    @Test("No header among the first lines: one message naming the columns expected")
    func noHeaderFound() throws {
        let csv = (1...12).map { "第\($0)行,说明\n" }.joined()
        let failure = try #require(#expect(throws: CSVImportFailure.self) { try RegistryCSV.read(bytes(csv), file: "t.csv") })
        guard case .noHeaderFound(10, let expected) = failure.errors.first?.reason, failure.errors.count == 1 else {
            Issue.record("\(failure.errors)")
            return
        }
        #expect(expected.first == "uscc")
    }

    @Test("--map names a column no synonym covers")
    func columnMap() throws {
        let csv = "uscc,name,district,street,industry,员工数量,union_founded_on,chamber_member\n"
            + "\(code(1)),企业,大兴区,荣华街道,制造业,42,,否\n"
        #expect(throws: CSVImportFailure.self) { try RegistryCSV.read(bytes(csv), file: "m.csv") }
        let mapped = try RegistryCSV.read(bytes(csv), file: "m.csv", options: CSVReadOptions(columnNames: ["员工数量": "employees"]))
        #expect(mapped.rows.first?.employees == 42)
    }

    @Test("Rejected rows open in Excel: a UTF-8 BOM, and a cell starting with = is text, not a formula (OWASP CSV injection)")
    func rejectedRowsAreSafeForExcel() throws {
        let csv = "uscc,name,district,street,industry,employees,union_founded_on,chamber_member\n"
            + "=WEBSERVICE(1),企业,大兴区,荣华街道,制造业,3,,否\n"
        let imported = try RegistryCSV.read(bytes(csv), file: "r.csv", mode: .skipInvalid)
        #expect(imported.rejected.count == 1)
        let report = imported.rejectsCSV()
        #expect(Array(report.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: report.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix(",\"'=WEBSERVICE(1),企业,大兴区,荣华街道,制造业,3,,否\""), "\(lines[1])")
    }
}
