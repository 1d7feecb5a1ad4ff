import Bargaining
@testable import BargainingXML
import Testing
import XMLCore

/// What an archivist asks of a document (issue 17 item 5): a global id, who deposited it, what
/// wrote it and when, its language, Chinese prose with the articles written out.
@Suite struct ArchiveIdentityTests {
    static let depositor = Policy.Depositor(name: "北京经济技术开发区总工会", creditCode: try! CreditCode("81110302MC00000016"))

    @Test func everyOwnSampleCarriesItsURNDepositorProducerAndLanguage() throws {
        for name in try Samples.goldenFileNames() where !name.hasSuffix(".akn.xml") {
            let root = try SafeXMLReader().read(try Samples.readFile(Fixtures.samplesDirectory + "/" + name))
            #expect(root.attribute("lang", namespace: XMLWriter.xmlNamespace) == "zh-CN", "\(name)")
            let id = try #require(root.firstChild(named: "identification")?.elements.first?.text)
            #expect(root.firstChild(named: "identification")?.firstChild(named: "urn")?.text == "urn:bargain:81110302MC00000016:\(id)", "\(name)")
            let deposit = try #require(root.firstChild(named: "deposit"), "\(name)")
            #expect(deposit.firstChild(named: "depositor")?.text == "北京经济技术开发区总工会")
            #expect(deposit.firstChild(named: "depositor")?.attribute("creditCode") == "81110302MC00000016")
            #expect(deposit.firstChild(named: "producer")?.text == "bargain")
            #expect(deposit.firstChild(named: "producer")?.attribute("version") == Producer.version)
            #expect(deposit.firstChild(named: "exportedAt")?.text == SampleExports.exportedAt)
        }
    }

    @Test func theCongressRuleIsCitedInFullAndExplainedInChineseFirst() throws {
        let golden = String(decoding: try Samples.readFile(Fixtures.samplesDirectory + "/ENT-2025-001-congress-2.congress.xml"), as: UTF8.self)
        #expect(golden.contains("<article citation=\"S1 art 36\">《集体合同规定》第三十六条</article>"))
        #expect(golden.contains("<explanation>全体代表65人，到会52人（法定人数44人）；赞成45票；须超过全体代表半数即33票：通过</explanation>\n"
                                + "        <explanation xml:lang=\"en\">52 of 65 present (quorum 44); 45 voted for; more than half of all 65 is 33: approved (S1 art 36)</explanation>"))
        for name in try Samples.goldenFileNames() where name.hasSuffix(".akn.xml") {
            let text = String(decoding: try Samples.readFile(Fixtures.samplesDirectory + "/" + name), as: UTF8.self)
            #expect(!text.contains("S1 art") && !text.contains("voted for") && !text.contains("representatives present"), "\(name)")
        }
        let akn = String(decoding: try Samples.readFile(Fixtures.samplesDirectory + "/ENT-2025-001.contract.akn.xml"), as: UTF8.self)
        #expect(akn.contains("<FRBRalias name=\"urn\" value=\"urn:bargain:81110302MC00000016:ENT-2025-001\"/>"))
    }

    @Test func theFilingNumberIsCarriedWhenRecorded() throws {
        let (script, engine) = Samples.enterprise()
        let contract = try FiledContract(try Samples.history(script, engine))
        #expect(contract.filings.map(\.filingNumber) == ["京开人社集备〔2025〕0127号"])
    }

    @Test func theURNIsTheDepositorsCreditCodeAndTheEncodedID() {
        let deposit = Deposit(depositor: Self.depositor, exportedAt: "2026-12-03T08:40:00Z")
        #expect(deposit.urn("ENT-2025-001") == "urn:bargain:81110302MC00000016:ENT-2025-001")
        #expect(deposit.urn("亦庄 1") == "urn:bargain:81110302MC00000016:%E4%BA%A6%E5%BA%84%201")
        #expect(Deposit.isTimestamp("2026-12-03T08:40:00Z"))
        #expect(!Deposit.isTimestamp("2026-12-03T08:40:00+08:00") && !Deposit.isTimestamp("2026-02-30T08:40:00Z"))
    }

    @Test func citationsAreWrittenOut() {
        #expect(Citation.chinese("S1 art 36") == "《集体合同规定》第三十六条")
        #expect(Citation.chinese("S1 arts 44–47") == "《集体合同规定》第四十四条至第四十七条")
        #expect(Citation.chinese("S1 arts 34, 37") == "《集体合同规定》第三十四条、第三十七条")
        #expect(Citation.chinese("S5 art 55(4)") == "《北京市实施〈中华人民共和国工会法〉办法》第五十五条第（四）项")
        #expect(Citation.chinese("S1 art 50; S5 art 38") == "《集体合同规定》第五十条；《北京市实施〈中华人民共和国工会法〉办法》第三十八条")
        #expect(Citation.chinese("S11 art 17") == "S11 art 17", "an unverified source is not given a title")
        #expect([1, 10, 11, 20, 105, 110, 999].map(Citation.numeral) == ["一", "十", "十一", "二十", "一百零五", "一百一十", "九百九十九"])
    }

    @Test func importRefusesAnIdentityOrProseThatContradictsTheFacts() throws {
        let importer = FilingImporter(schemas: try Fixtures.schemas())
        let golden = String(decoding: try Samples.readFile(Fixtures.samplesDirectory + "/ENT-2025-001-congress-2.congress.xml"), as: UTF8.self)
        for (from, to, says) in [
            ("<urn>urn:bargain:81110302MC00000016:", "<urn>urn:bargain:91110302MA01C8XK75:",
             "/congressRecord/identification: urn is urn:bargain:91110302MA01C8XK75:ENT-2025-001-congress-2, but the depositor's credit code and the id make urn:bargain:81110302MC00000016:ENT-2025-001-congress-2"),
            ("赞成45票", "赞成47票", "/congressRecord/agenda/item[1]/ruleApplied/explanation[1]: '全体代表65人，到会52人（法定人数44人）；赞成47票；须超过全体代表半数即33票：通过' is not what the numbers give"),
            ("》第三十六条<", "》第三十七条<", "/congressRecord/agenda/item[1]/ruleApplied/article: '《集体合同规定》第三十七条' is not the article cited (S1 art 36: 《集体合同规定》第三十六条)"),
            ("<exportedAt>2025-06-30T08:00:00Z", "<exportedAt>2025-06-31T08:00:00Z", "invalid"),
        ] {
            #expect(golden.contains(from), "\(from)")
            let error = importer.refusal(Array(golden.replacingOccurrences(of: from, with: to).utf8), "forged.congress.xml")
            switch error {
            case .inconsistent(_, let reason)?: #expect(reason.hasPrefix(says), "\(reason)")
            case .invalid?: #expect(says == "invalid")
            default: Issue.record("\(from) → \(to): \(String(describing: error))")
            }
        }
    }

    @Test("policy: the archive depositor's credit code is checked, with its line")
    func policyDepositorIsChecked() throws {
        let policy = String(decoding: try Samples.readFile(Fixtures.workflows + "/policy/beijing.yaml"), as: UTF8.self)
        #expect(try PolicyLoader.load(yaml: policy, file: "beijing.yaml").depositor == Self.depositor)
        let bad = policy.replacingOccurrences(of: "credit-code: 81110302MC00000016", with: "credit-code: 81110302MC00000017")
        let line = policy.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("81110302MC00000016") }! + 1
        #expect(throws: DataFileError.self) { try PolicyLoader.load(yaml: bad, file: "beijing.yaml") }
        do {
            _ = try PolicyLoader.load(yaml: bad, file: "beijing.yaml")
        } catch {
            #expect(error.line == line && error.reason.hasPrefix("credit-code 81110302MC00000017"), "\(error)")
        }
    }
}
