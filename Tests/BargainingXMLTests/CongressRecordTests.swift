import Bargaining
@testable import BargainingXML
import Testing
import XMLCore

/// Congress records carry SPEC §5's fields, and their Akoma Ntoso rendition puts the vote where
/// Akoma Ntoso tools look for it.
@Suite struct CongressRecordTests {
    @Test func oneRecordPerSessionWithSpecFields() throws {
        let (script, engine) = Samples.enterprise()
        let history = try Samples.history(script, engine)
        let records = try CongressRecord.records(of: history)
        #expect(records.map(\.recordID) == ["ENT-2025-001-congress-1", "ENT-2025-001-congress-2"])
        let missed = records[0], approved = records[1]
        #expect(missed.sessionNumber == 1 && approved.sessionNumber == 2)
        #expect(missed.body == "职工代表大会" && missed.bodyForm == "workers-congress" && missed.level == .enterprise)
        #expect(missed.heldOn == Day("2025-04-18") && approved.heldOn == Day("2025-04-29"))
        #expect(approved.convenedBy == SampleNegotiations.unionChair)
        #expect(approved.convenedOn == Day("2025-04-21") && approved.itemsDeliveredOn == Day("2025-04-21"))
        #expect(approved.recorder == "孙丽")
        #expect((missed.total, missed.present, missed.quorum, missed.quorumMet) == (65, 41, 44, false))
        #expect((approved.total, approved.present, approved.quorum, approved.quorumMet) == (65, 52, 44, true))
        #expect(approved.enterprises.map(\.creditCode) == [SampleNegotiations.precisionWorks.creditCode])
        let item = approved.items[0]
        #expect(item.title.contains("2025年度工资专项集体协商"))
        #expect((item.votesFor, item.against, item.abstain, item.outcome) == (45, 4, 3, .approved))
        #expect(item.rule.attendance.description == "2/3" && item.rule.approval == "more-than-half-of-all")
        #expect(item.rule.explanation.contains("more than half of all 65 is 33"))
        #expect(missed.items[0].outcome == .quorumMissed)
        // Each record is stamped with its own session's event, which later events never change.
        let holds = history.events.filter { $0.event.action == .holdCongress }
        #expect(records.map(\.provenance) == holds.map { Provenance(eventSequence: $0.event.sequence, eventHash: $0.hash) })
    }

    @Test func regionalCongressesCountManagers() throws {
        let engine = Fixtures.directory.engine(for: .regional)
        let history = try Samples.history(SampleNegotiations.regional(workflow: engine.workflow.reference), engine)
        let records = try CongressRecord.records(of: history)
        #expect(records.map(\.managers) == [9, 13])
        #expect(records.allSatisfy { $0.level == .regional && $0.enterprises.count == 5 })
        #expect(records[1].enterprises.map(\.creditCode) == records[1].enterprises.map(\.creditCode).sorted())
    }

    @Test func theAkomaNtosoDebateCarriesTheVote() throws {
        let schemas = try Fixtures.schemas()
        let (script, engine) = Samples.enterprise()
        let records = try CongressRecord.records(of: try Samples.history(script, engine))
        let exporter = Exporter(schemas: schemas)
        let akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

        func parliamentary(_ record: CongressRecord) throws -> XMLElement {
            let document = try exporter.document(for: record, format: .akn)
            let root = try SafeXMLReader().read(document.bytes)
            let debate = try #require(root.firstChild(named: "debate", namespace: akn))
            #expect(debate.attribute("name") == "workersCongress")
            let meta = try #require(debate.firstChild(named: "meta", namespace: akn))
            let identification = try #require(meta.firstChild(named: "identification", namespace: akn))
            let work = try #require(identification.firstChild(named: "FRBRWork", namespace: akn))
            #expect(work.firstChild(named: "FRBRcountry", namespace: akn)?.attribute("value") == "cn")
            #expect(work.firstChild(named: "FRBRuri", namespace: akn)?.attribute("value")
                    == "/akn/cn/debate/workersCongress/\(record.heldOn)/\(record.recordID)")
            for level in ["FRBRWork", "FRBRExpression", "FRBRManifestation"] {
                let element = try #require(identification.firstChild(named: level, namespace: akn))
                for property in ["FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"] {
                    #expect(element.firstChild(named: property, namespace: akn) != nil, "\(level)/\(property)")
                }
            }
            let body = try #require(debate.firstChild(named: "debateBody", namespace: akn))
            #expect(body.firstChild(named: "rollCall", namespace: akn) != nil)
            #expect(body.firstChild(named: "resolutions", namespace: akn) != nil)
            let analysis = try #require(meta.firstChild(named: "analysis", namespace: akn))
            return try #require(analysis.firstChild(named: "parliamentary", namespace: akn))
        }

        let missed = try parliamentary(records[0])
        #expect(missed.children(named: "voting", namespace: akn).isEmpty, "no vote was held without a quorum")
        let verification = try #require(missed.firstChild(named: "quorumVerification", namespace: akn))
        #expect(verification.attribute("outcome") == "#quorumMissed")
        #expect(verification.firstChild(named: "quorum", namespace: akn)?.attribute("value") == "44")

        let approved = try parliamentary(records[1])
        let voting = try #require(approved.firstChild(named: "voting", namespace: akn))
        #expect(voting.attribute("outcome") == "#approved")
        #expect(voting.firstChild(named: "quorum", namespace: akn)?.attribute("value") == "44")
        let counts = voting.children(named: "count", namespace: akn).map { ($0.attribute("refersTo")!, $0.attribute("value")!) }
        #expect(counts.map(\.0) == ["#present", "#votesFor", "#votesAgainst", "#abstentions"])
        #expect(counts.map(\.1) == ["52", "45", "4", "3"])
    }

    @Test func theAkomaNtosoContractIsACollectiveContractDoc() throws {
        let (script, engine) = Samples.enterprise()
        let document = try Exporter(schemas: try Fixtures.schemas()).document(for: try FiledContract(try Samples.history(script, engine)), format: .akn)
        let akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
        let root = try SafeXMLReader().read(document.bytes)
        let doc = try #require(root.firstChild(named: "doc", namespace: akn))
        #expect(doc.attribute("name") == "collectiveContract")
        let work = try #require(doc.firstChild(named: "meta", namespace: akn)?.firstChild(named: "identification", namespace: akn)?
            .firstChild(named: "FRBRWork", namespace: akn))
        #expect(work.firstChild(named: "FRBRcountry", namespace: akn)?.attribute("value") == "cn")
        #expect(work.firstChild(named: "FRBRthis", namespace: akn)?.attribute("value") == "/akn/cn/doc/collectiveContract/2025-04-30/ENT-2025-001/!main")
        // Paragraphs keep their text intact: no layout whitespace inside them.
        let text = String(decoding: document.bytes, as: UTF8.self)
        #expect(text.contains("<p>一、年度工资调整幅度：<quantity normalized=\"500\" refersTo=\"#adjustmentRate\">5.00%</quantity>。</p>"))
    }

    @Test func withoutTheOASISSchemaTheRenditionIsRefused() throws {
        let schemas = try ExportSchemas(directory: Fixtures.schemaDirectory, aknSchema: nil)
        let (script, engine) = Samples.enterprise()
        #expect {
            _ = try Exporter(schemas: schemas).documents(for: try Samples.history(script, engine), format: .akn)
        } throws: { error in
            guard case .schemaUnavailable(_, let reason) = error as? ExportError else { return false }
            return reason.contains("BARGAIN_AKN_SCHEMA")
        }
    }
}
