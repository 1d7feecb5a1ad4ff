import Bargaining
@testable import BargainingXML
import Testing
import TestSupport

@Suite struct ExportTests {
    @Test func exportIsRefusedBeforeFiling() throws {
        let (script, engine) = Samples.enterprise()
        let filing = try #require(script.acts.firstIndex { $0.action.kind == .file })
        let history = try Samples.history(script, engine, acts: filing)
        let exporter = Exporter(schemas: try Fixtures.schemas())
        do {
            _ = try exporter.documents(for: history, format: .own)
            Issue.record("exported before filing")
        } catch {
            guard case .notFiled(let id, let reason) = error else { Issue.record("\(error)"); return }
            #expect(id == "ENT-2025-001")
            #expect(reason.contains("nothing has been filed") && reason.contains("'signing'") || reason.contains("nothing has been filed"))
            #expect(error.description.contains("S1 art 42"))
        }
    }

    @Test func theFiledContractStatesWhatTheIssueLists() throws {
        let (script, engine) = Samples.enterprise()
        let contract = try FiledContract(try Samples.history(script, engine))
        #expect(contract.contractID == "ENT-2025-001" && contract.negotiationID == "ENT-2025-001")
        #expect(contract.level == .enterprise)
        #expect(contract.employeeParty == .init(name: "北京亦庄精密制造有限公司工会", chiefRepresentative: "王芳"))
        #expect(contract.employerParty.chiefRepresentative == "李强")
        #expect(contract.enterprises.map(\.employees) == [412])
        #expect(contract.startsOn == Day("2025-05-01") && contract.expiresOn == Day("2026-04-30"))
        #expect(contract.wageTerms == .init(adjustmentRate: 500, lowestWage: 280_000, payDay: 10, chosenItems: ["高温津贴", "夜班补贴"],
                                            averageWageLastYear: 865_000, employeesCovered: 412))
        #expect(contract.delegations.map(\.members) == [["张伟", "刘洋"], ["陈静", "赵磊"]])
        #expect(contract.recorder == "孙丽")
        #expect(contract.rounds.map(\.chair) == [.employee, .employer])
        #expect(contract.congressSessions.map(\.outcome) == [.quorumMissed, .approved])
        let approved = contract.congressSessions[1]
        #expect((approved.total, approved.present, approved.quorum, approved.votesFor, approved.against, approved.abstain) == (65, 52, 44, 45, 4, 3))
        #expect(approved.rule.attendance.description == "2/3" && approved.rule.approval == "more-than-half-of-all")
        #expect(approved.rule.article == "S1 art 36" && approved.rule.explanation.contains("approved"))
        #expect(contract.signatures.map(\.name) == ["王芳", "李强"])
        #expect(contract.filings.count == 1)
        #expect(contract.filings[0].filedBy == SampleNegotiations.employerChief && contract.filings[0].copies == 3)
        guard case .lapsed = contract.filings[0].review else { Issue.record("review: \(contract.filings[0].review)"); return }
        #expect(contract.effectiveOn != nil)
        #expect(contract.publications.map(\.side) == [.employee, .employer])
        #expect(contract.provenance.eventSequence > 20)
    }

    /// An objection sends the parties back to the table: the re-agreed terms cannot be exported
    /// until they are filed again, and then the contract lists both filings and both reviews.
    @Test func refiledContractsListEveryFilingWithItsReview() throws {
        let (original, engine) = Samples.enterprise()
        let file = try #require(original.acts.firstIndex { $0.action.kind == .file })
        let administration = SampleNegotiations.labourAdministration
        var script = original
        script.acts = Array(original.acts.prefix(file + 1))
        func act(_ actor: Actor, _ kind: ActionKind, _ day: String, _ fields: Fields = Fields()) -> SampleNegotiations.Act {
            var act = original.acts[0]
            act.actor = actor
            act.action = Action(kind, fields)
            act.on = Day(day)!
            act.narration = ""
            return act
        }
        script.acts.append(act(administration, .object, "2025-05-15", ["opinion": .text("工资支付日须明确")]))
        script.acts.append(act(SampleNegotiations.unionChair, .reopenTalks, "2025-05-16"))
        let beforeRefiling = try Samples.history(script, engine)
        let draft = try #require(original.acts.first { $0.action.kind == .agreeDraft })
        var redraft = draft.action.fields
        redraft["pay-day"] = .integer(8)
        redraft["starts-on"] = .day(Day("2025-07-01")!)
        redraft["expires-on"] = .day(Day("2026-06-30")!)
        let union = SampleNegotiations.unionChair, employer = SampleNegotiations.employerChief
        script.acts.append(act(union, .agreeDraft, "2025-05-20", redraft))
        do {
            _ = try FiledContract(try Samples.history(script, engine))
            Issue.record("re-agreed terms were exported before they were filed")
        } catch let error as ExportError {
            guard case .notFiled(_, let reason) = error else { Issue.record("unexpected: \(error)"); return }
            #expect(reason.contains("2025-05-20") && reason.contains("2025-05-09"))
        }
        // The objection itself is on record for the first filing.
        let first = try FiledContract(beforeRefiling)
        #expect(first.filings.map(\.review) == [.objection(on: Day("2025-05-15")!, opinion: "工资支付日须明确")])
        #expect(first.effectiveOn == nil)

        script.acts += [
            act(union, .signDraft, "2025-05-21"), act(employer, .signDraft, "2025-05-21"),
            act(union, .conveneCongress, "2025-05-21", ["session-on": .day(Day("2025-05-29")!),
                                                        "items-delivered-on": .day(Day("2025-05-21")!), "body": .text("职工代表大会")]),
            act(union, .holdCongress, "2025-05-29", ["total": .integer(65), "present": .integer(50), "for": .integer(40),
                                                     "against": .integer(5), "abstain": .integer(5), "recorder": .text("孙丽")]),
            act(union, .sign, "2025-05-30"), act(employer, .sign, "2025-05-30", ["sealed": .flag(true)]),
            act(employer, .file, "2025-06-05", ["copies": .integer(3), "authority": .text("北京经济技术开发区社会事业局（人社）")]),
            act(administration, .noObjection, "2025-06-10"),
        ]
        let history = try Samples.history(script, engine)
        let refiled = try FiledContract(history)
        #expect(refiled.filings.count == 2)
        #expect(refiled.filings[0].review == .objection(on: Day("2025-05-15")!, opinion: "工资支付日须明确"))
        #expect(refiled.filings[1].review == .noObjection(on: Day("2025-06-10")!))
        #expect(refiled.wageTerms.payDay == 8)
        #expect(refiled.congressSessions.map(\.outcome) == [.quorumMissed, .approved, .approved])
        #expect(refiled.signatures.map(\.signedOn) == [Day("2025-05-30")!, Day("2025-05-30")!])
        #expect(refiled.effectiveOn != nil)

        let exporter = Exporter(schemas: try Fixtures.schemas())
        let importer = FilingImporter(schemas: exporter.schemas)
        for format in ExportFormat.allCases {
            let documents = try exporter.documents(for: history, format: format)
            #expect(documents.count == 4)
            if format == .own {
                #expect(try importer.importDocument(documents[0].bytes, name: "refiled") == .contract(refiled))
            }
        }
    }

    @Test func aDocumentThatFailsItsSchemaIsNeverWritten() throws {
        let (script, engine) = Samples.enterprise()
        var contract = try FiledContract(try Samples.history(script, engine))
        contract.wageTerms.payDay = 40
        contract.contractID = "ENT 2025"
        let exporter = Exporter(schemas: try Fixtures.schemas())
        let directory = TemporaryDirectory()
        do {
            let document = try exporter.document(for: contract, format: .own)
            try DocumentFiles.write([document], to: directory.path)
            Issue.record("an invalid document was exported")
        } catch {
            guard case .invalid(let name, let schema, let problems) = error else { Issue.record("\(error)"); return }
            #expect(name == "ENT%202025.contract.xml")
            #expect(schema.hasSuffix(ExportSchemas.contractFileName))
            #expect(problems.count == 2)
            #expect(problems.allSatisfy { $0.line > 0 }, "libxml2's messages come with line numbers: \(problems)")
            #expect(problems.contains { $0.message.contains("payDay") && $0.message.contains("40") })
            #expect(error.description.contains("nothing was written"))
            #expect(error.description.contains("ENT%202025.contract.xml:\(problems[0].line):"))
        }
        #expect(try FileSystem.entries(directory.path).isEmpty)
    }

    @Test func aValueXMLCannotCarryIsRefusedBeforeWriting() throws {
        let (script, engine) = Samples.enterprise()
        var contract = try FiledContract(try Samples.history(script, engine))
        contract.title = "工资\u{1B}协商"
        #expect {
            _ = try Exporter(schemas: try Fixtures.schemas()).document(for: contract, format: .own)
        } throws: { error in
            guard case .unwritable(_, let reason) = error as? ExportError else { return false }
            return reason.contains("U+001B")
        }
    }

    @Test func documentsAreWrittenWhole() throws {
        let schemas = try Fixtures.schemas()
        let documents = try SampleExports.documents(Fixtures.directory, schemas: schemas, link: Samples.placeholderLink)
        let directory = TemporaryDirectory()
        let paths = try DocumentFiles.write(documents, to: directory.path + "/out/nested")
        #expect(paths.count == documents.count)
        #expect(try FileSystem.entries(directory.path + "/out/nested") == documents.map(\.fileName).sorted())
        for (path, document) in zip(paths, documents) {
            #expect(try Samples.readFile(path) == document.bytes)
        }
        // Writing again replaces the files and leaves no temporary file behind.
        try DocumentFiles.write(documents, to: directory.path + "/out/nested")
        #expect(try FileSystem.entries(directory.path + "/out/nested").count == documents.count)
    }

    @Test func fileNamesAreSafeForAnyID() {
        #expect(ExportedDocument.fileName(id: "ENT-2025-001", kind: .contract, format: .own) == "ENT-2025-001.contract.xml")
        #expect(ExportedDocument.fileName(id: "../etc/x", kind: .contract, format: .akn) == "%2E.%2Fetc%2Fx.contract.akn.xml")
        #expect(ExportedDocument.fileName(id: ".hidden", kind: .congressRecord, format: .own) == "%2Ehidden.congress.xml")
        #expect(ExportedDocument.fileName(id: "合同1", kind: .contract, format: .own) == "%E5%90%88%E5%90%8C1.contract.xml")
    }

    @Test func theSchemaDirectoryIsFoundFromThePackage() {
        let found = ExportSchemas.locate(environment: [:], executable: Fixtures.root + "/.build/debug/bargain")
        #expect(found.directory != nil)
        let explicit = ExportSchemas.locate(environment: ["BARGAIN_SCHEMAS": Fixtures.schemaDirectory, "BARGAIN_AKN_SCHEMA": Fixtures.aknSchema])
        #expect(explicit.directory == Fixtures.schemaDirectory && explicit.aknSchema == Fixtures.aknSchema)
    }
}
