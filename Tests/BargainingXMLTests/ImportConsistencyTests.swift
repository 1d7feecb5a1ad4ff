import Bargaining
@testable import BargainingXML
import Testing

/// Schema-valid documents whose facts the law does not allow together are refused on import,
/// naming the file, the element and the numbers (issue 17 item 4).
@Suite struct ImportConsistencyTests {
    let importer: FilingImporter

    init() throws {
        importer = FilingImporter(schemas: try Fixtures.schemas())
    }

    static func golden(_ name: String) throws -> String {
        String(decoding: try Samples.readFile(Fixtures.samplesDirectory + "/" + name), as: UTF8.self)
    }

    /// The reason `edited` is refused for, after checking the golden holds `from` once.
    func reason(_ golden: String, _ from: String, _ to: String, name: String) -> String? {
        #expect(golden.split(separator: from, omittingEmptySubsequences: false).count == 2, "\(from) occurs once")
        guard case .inconsistent(let document, let reason)? = importer.refusal(Array(golden.replacingOccurrences(of: from, with: to).utf8), name) else {
            Issue.record("\(from) → \(to) was not refused as inconsistent")
            return nil
        }
        #expect(document == name)
        return reason
    }

    static let approvedSession = "<votesFor>45</votesFor>"

    @Test("S1 art 36: 100 votes for with 52 of 65 present is refused, in the contract and in the congress record")
    func moreVotesThanPresent() throws {
        let contract = try reason(Self.golden("ENT-2025-001.contract.xml"), Self.approvedSession, "<votesFor>100</votesFor>",
                                  name: "forged.contract.xml")
        #expect(contract == "/filedContract/congressApproval/session[2]: 100 for + 4 against + 3 abstaining = 107, more than the 52 present (S1 art 36)")
        let record = try reason(Self.golden("ENT-2025-001-congress-2.congress.xml"), Self.approvedSession, "<votesFor>100</votesFor>",
                                name: "forged.congress.xml")
        #expect(record == "/congressRecord/agenda/item[1]: 100 for + 4 against + 3 abstaining = 107, more than the 52 present (S1 art 36)")
    }

    @Test("S1 art 36: 'rejected' for 45 of 65 voting for (more than half of all) is refused with the recomputed outcome")
    func outcomeContradictsTheVote() throws {
        let approved = "<votesAgainst>4</votesAgainst>\n      <abstentions>3</abstentions>\n      <outcome>approved</outcome>"
        let contract = try reason(Self.golden("ENT-2025-001.contract.xml"), approved,
                                  approved.replacingOccurrences(of: ">approved<", with: ">rejected<"), name: "forged.contract.xml")
        #expect(contract?.hasPrefix("/filedContract/congressApproval/session[2]: outcome is 'rejected', but the rule it states gives 'approved': ") == true)
        #expect(contract?.contains("45 voted for; more than half of all 65 is 33") == true, "\(contract ?? "")")
        let record = try reason(Self.golden("ENT-2025-001-congress-2.congress.xml"), "<outcome>approved</outcome>",
                                "<outcome>rejected</outcome>", name: "forged.congress.xml")
        #expect(record?.hasPrefix("/congressRecord/agenda/item[1]: outcome is 'rejected', but the rule it states gives 'approved'") == true)
    }

    @Test("S1 art 36: a quorum-missed session stated as approved is refused (41 of 65 present, quorum 44)")
    func quorumMissedStatedAsApproved() throws {
        let record = try reason(Self.golden("ENT-2025-001-congress-1.congress.xml"), "<outcome>quorum-missed</outcome>",
                                "<outcome>approved</outcome>", name: "forged.congress.xml")
        #expect(record?.contains("gives 'quorum-missed': 41 of 65 representatives present") == true, "\(record ?? "")")
    }

    @Test("S1 art 36: more present than representatives is refused")
    func morePresentThanTotal() throws {
        let record = try reason(Self.golden("ENT-2025-001-congress-2.congress.xml"), "<present>52</present>", "<present>66</present>",
                                name: "forged.congress.xml")
        #expect(record == "/congressRecord/agenda/item[1]: 66 present is impossible for a body of 65 (S1 art 36)")
    }

    @Test("S1 arts 37, 42, 47: signed ≤ filed ≤ effective ≤ expiry; each date out of order is refused naming both")
    func datesInOrder() throws {
        let golden = try Self.golden("ENT-2025-001.contract.xml")
        for (from, to, says) in [
            ("<filedOn>2025-05-09</filedOn>", "<filedOn>2025-04-29</filedOn>",
             "/filedContract/filings/filing[1]: filed on 2025-04-29 is before signed on 2025-04-30"),
            ("<effectiveOn>2025-05-27</effectiveOn>", "<effectiveOn>2025-05-08</effectiveOn>",
             "/filedContract: effectiveOn 2025-05-08 is before filed on 2025-05-09"),
            ("<expiresOn>2026-04-30</expiresOn>", "<expiresOn>2025-05-26</expiresOn>",
             "/filedContract: expiresOn 2025-05-26 is before effectiveOn 2025-05-27"),
            ("<startsOn>2025-05-01</startsOn>", "<startsOn>2026-05-01</startsOn>",
             "/filedContract/term: expiresOn 2026-04-30 is before startsOn 2026-05-01"),
        ] {
            #expect(reason(golden, from, to, name: "dates.contract.xml") == says)
        }
        let record = try Self.golden("ENT-2025-001-congress-2.congress.xml")
        #expect(reason(record, "<convenedOn>2025-04-21</convenedOn>", "<convenedOn>2025-04-30</convenedOn>", name: "dates.congress.xml")
                == "/congressRecord/session: heldOn 2025-04-29 is before convenedOn 2025-04-30")
    }

    @Test func theMessageNamesTheFile() throws {
        let error = importer.refusal(Array(try Self.golden("ENT-2025-001.contract.xml")
            .replacingOccurrences(of: Self.approvedSession, with: "<votesFor>100</votesFor>").utf8), "in/bag/data/x.contract.xml")
        #expect(error?.description.hasPrefix("in/bag/data/x.contract.xml: refused: /filedContract/congressApproval/session[2]: 100 for") == true)
    }
}
