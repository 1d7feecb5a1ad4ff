import Bargaining
@testable import BargainingXML
import Testing
import TestSupport

/// Export → import → export gives the same bytes: the documents say everything the values hold,
/// and the values hold everything the documents say.
@Suite struct RoundTripTests {
    @Test func everySampleReadsBackAndWritesTheSameBytes() throws {
        let importer = FilingImporter(schemas: try Fixtures.schemas())
        for name in try Samples.goldenFileNames() where !name.hasSuffix(".akn.xml") {
            let bytes = try Samples.readFile(Fixtures.samplesDirectory + "/" + name)
            switch try importer.importDocument(bytes, name: name) {
            case .contract(let contract):
                #expect(name.hasSuffix(".contract.xml"))
                #expect(try contract.xmlBytes() == bytes, "\(name)")
            case .congressRecord(let record):
                #expect(name.hasSuffix(".congress.xml"))
                #expect(try record.xmlBytes() == bytes, "\(name)")
            }
        }
    }

    @Test func exportImportExportThroughFilesAndBags() throws {
        let schemas = try Fixtures.schemas()
        let exporter = Exporter(schemas: schemas)
        let importer = FilingImporter(schemas: schemas)
        let directory = TemporaryDirectory()
        let histories = try SampleExports.histories(Fixtures.directory, link: Samples.placeholderLink)
        let documents = try histories.flatMap { try exporter.documents(for: $0, format: .own) }

        // Single files.
        for path in try DocumentFiles.write(documents, to: directory.file("files")) {
            let imported = try importer.importPath(path)
            #expect(imported.count == 1)
            let again: ExportedDocument
            switch imported[0] {
            case .contract(let contract): again = try exporter.document(for: contract, format: .own)
            case .congressRecord(let record): again = try exporter.document(for: record, format: .own)
            }
            #expect(again.bytes == (try Samples.readFile(path)), "\(path)")
        }

        // A bag of all of them.
        let bag = directory.file("bag")
        try BagWriter.write(try BagWriter.payload(documents, schemas: schemas),
                            info: BagInfo(sourceOrganization: "经开区总工会", externalIdentifier: "test-1", baggingDate: Day("2025-06-30")!),
                            to: bag)
        let imported = try importer.importPath(bag)
        #expect(imported.count == documents.count)
        var rewritten: [ExportedDocument] = []
        for document in imported {
            switch document {
            case .contract(let contract): rewritten.append(try exporter.document(for: contract, format: .own))
            case .congressRecord(let record): rewritten.append(try exporter.document(for: record, format: .own))
            }
        }
        #expect(Set(rewritten) == Set(documents))
    }

    @Test func theContractIndexEntryIsTheContractRecordCoverageCounts() throws {
        let (script, engine) = Samples.enterprise()
        let history = try Samples.history(script, engine)
        let entry = try FiledContract(history).indexEntry
        #expect(entry.contractID == "ENT-2025-001")
        #expect(entry.enterprises == [SampleNegotiations.precisionWorks.creditCode])
        #expect(entry.signedOn == Day("2025-04-30"))
        #expect(entry.effectiveOn == history.state.effectiveOn && entry.expiresOn == history.state.expiresOn)
        #expect(entry.terminatedOn == nil && entry.renews == nil)
    }

    /// Text is carried exactly: markup characters, line breaks, leading and trailing spaces.
    @Test func awkwardTextSurvivesTheRoundTrip() throws {
        let (script, engine) = Samples.enterprise()
        var contract = try FiledContract(try Samples.history(script, engine))
        contract.title = "  <工资> & \"协商\" 'a'\n第二行\t制表 ]]> "
        contract.wageTerms.chosenItems = ["a\nb", " 前后空格 ", "&amp;"]
        contract.rounds[0].summary = "line1\r\nline2\rline3"
        let importer = FilingImporter(schemas: try Fixtures.schemas())
        let bytes = try contract.xmlBytes()
        let back = try importer.importDocument(bytes, name: "awkward")
        guard case .contract(let read) = back else { Issue.record("\(back)"); return }
        #expect(read.title == contract.title)
        #expect(read.wageTerms.chosenItems == contract.wageTerms.chosenItems)
        #expect(read.rounds[0].summary == contract.rounds[0].summary)
        #expect(try read.xmlBytes() == bytes)
    }
}
