import Bargaining
import Foundation
import Testing

/// `bargain registry import` on a registry saved by Excel on Chinese Windows (issue 12): the file
/// imports, and the output says what was decided about it.
@Suite("registry import of a district's own file")
struct DistrictFileImportTests {
    @Test("a GBK file with a title row, Chinese headers, extra columns and blank rows imports and says how it was read")
    func gbkRegistry() throws {
        let store = try StoreFixture()
        let code = SampleNegotiations.precisionWorks.creditCode
        let text = """
            大兴区2016年企业名录,,,,,,,,
            序号,企业名称,统一社会信用代码,所属区,所属街道/乡镇,行业类别,职工人数,建会日期,是否工商联会员
            1,北京亦庄精密制造有限公司,\(code),大兴区,荣华街道,制造业,"1,186",2019/6/1,否
            ,,,,,,,,

            """
        let gbk = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        let path = store.directory.url.appendingPathComponent("名录.csv").path
        try gbk.write(to: URL(fileURLWithPath: path))

        let imported = try store.run(["registry", "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "\(path): enterprises: 1 added, 0 updated, 0 unchanged\n")
        #expect(imported.stderr.contains("\(path): read as GB18030 (GBK) text"))
        #expect(imported.stderr.contains("\(path): header found on line 2; line 1 skipped"))
        #expect(imported.stderr.contains("\(path): columns not used: 序号"))
        #expect(imported.stderr.contains("\(path): 1 blank row skipped"))

        let forced = try store.run(["registry", "import", path, "--encoding", "utf-8"])
        #expect(forced.status == 65)
        #expect(forced.stderr.contains("the file is not UTF-8 text; save it from Excel as 'CSV UTF-8'"), "\(forced.stderr)")
    }

    @Test("--help lists the header names accepted for each field, from the one table")
    func helpListsSynonyms() throws {
        let help = try BargainBinary.run(["registry", "import", "--help"])
        #expect(help.stdout.contains("street: 街道, 所属街道"), "\(help.stdout)")
        #expect(help.stdout.contains("--map"))
    }
}
