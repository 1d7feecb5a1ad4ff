import BargainingKeys
import Bargaining
@testable import BargainingXML
import Testing
import TestSupport

/// The printable Chinese page (issue 17 item 6): every document names the stylesheet, and
/// xsltproc, a tool nobody here wrote, turns each into an HTML page stating its facts.
@Suite struct RenditionTests {
    @Test func everyOwnDocumentNamesTheStylesheet() throws {
        for name in try Samples.goldenFileNames() where !name.hasSuffix(".akn.xml") {
            let text = String(decoding: try Samples.readFile(Fixtures.samplesDirectory + "/" + name), as: UTF8.self)
            #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"bargain-filing.xsl\"?>\n"), "\(name)")
        }
    }

    @Test func xsltprocRendersContractsAndCongressRecordsInChinese() throws {
        guard try ExternalTools.require(.xsltproc) else { return }
        let stylesheet = Fixtures.schemaDirectory + "/" + ExportSchemas.stylesheetFileName
        func page(_ file: String) -> String {
            let result = Subprocess.run(["xsltproc", stylesheet, file])
            #expect(result.status == 0, "\(file): \(result.output)")
            return result.output
        }
        let contract = page(Fixtures.samplesDirectory + "/ENT-2025-001.contract.xml")
        for fact in ["<html lang=\"zh-CN\">", "<h1>2025年度工资专项集体协商</h1>", "urn:bargain:81110302MC00000016:ENT-2025-001",
                     "北京亦庄精密制造有限公司工会（首席代表：王芳）", "自 2025年5月1日 起，", "至 2026年4月30日 止", "2800.00 元/月", "每月10日",
                     "备案号：京开人社集备〔2025〕0127号", "审查期满未提出异议，自行生效（2025年5月27日）",
                     "依据《集体合同规定》第三十六条，全体代表65人，到会52人（法定人数44人）；赞成45票；须超过全体代表半数即33票：通过。",
                     "北京经济技术开发区总工会", "本文件未签名"] {
            #expect(contract.contains(fact), "\(fact)")
        }
        #expect(!contract.contains("voted for"), "the English explanation is not shown")
        let record = page(Fixtures.samplesDirectory + "/REG-2025-001-congress-1.congress.xml")
        for fact in ["会议记录（第1次）", "区域性职工代表大会", "其中企业管理人员", "未达到，须重新召开", "不足法定人数"] {
            #expect(record.contains(fact), "\(fact)")
        }

        let key = SigningKey.generate()
        let exporter = Exporter(schemas: try Fixtures.schemas(), deposit: SampleExports.deposit(Fixtures.directory), signer: key)
        let (script, engine) = Samples.enterprise()
        let signed = try exporter.documents(for: try Samples.history(script, engine), format: .own)[0]
        let directory = TemporaryDirectory()
        #expect(page(directory.write(signed.fileName, signed.bytes)).contains("本文件带有 XML 数字签名"))
    }
}
