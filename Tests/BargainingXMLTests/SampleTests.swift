import Bargaining
@testable import BargainingXML
import Testing
import TestSupport

/// The golden samples in exports/samples: produced by `scripts/export-samples` from the demo
/// negotiations, valid against our schemas and the OASIS Akoma Ntoso schema, and reproduced
/// byte for byte.
@Suite struct SampleTests {
    @Test func regeneratingTheSamplesGivesTheSameBytes() throws {
        let schemas = try Fixtures.schemas()
        let documents = try SampleExports.documents(Fixtures.directory, schemas: schemas, link: try Samples.goldenLink())
        #expect(Set(documents.map(\.fileName)) == Set(try Samples.goldenFileNames()),
                "exports/samples holds exactly the sample documents; run scripts/export-samples")
        for document in documents {
            let golden = try Samples.readFile(Fixtures.samplesDirectory + "/" + document.fileName)
            #expect(document.bytes == golden, "\(document.fileName) differs from the golden sample; run scripts/export-samples and review the diff")
        }
    }

    @Test func exportingTwiceGivesTheSameBytes() throws {
        let schemas = try Fixtures.schemas()
        let first = try SampleExports.documents(Fixtures.directory, schemas: schemas, link: Samples.placeholderLink)
        let second = try SampleExports.documents(Fixtures.directory, schemas: schemas, link: Samples.placeholderLink)
        #expect(first == second)
        #expect(first.count == 12, "two negotiations × (contract + two congress records) × two formats")
    }

    @Test func everySampleValidatesInProcess() throws {
        let schemas = try Fixtures.schemas()
        for name in try Samples.goldenFileNames() {
            let kind: ExportedDocument.Kind = name.contains(".contract.") ? .contract : .congressRecord
            let format: ExportFormat = name.hasSuffix(".akn.xml") ? .akn : .own
            let problems = try schemas.validate(try Samples.readFile(Fixtures.samplesDirectory + "/" + name),
                                                name: name, kind: kind, format: format)
            #expect(problems.isEmpty, "\(name): \(problems)")
        }
    }

    @Test func xmllintAcceptsEverySample() throws {
        guard try ExternalTools.require(.xmllint) else { return }
        let names = try Samples.goldenFileNames()
        let own = names.filter { !$0.hasSuffix(".akn.xml") }
        for (suffix, schema) in [(".contract.xml", ExportSchemas.contractFileName), (".congress.xml", ExportSchemas.congressFileName)] {
            let files = own.filter { $0.hasSuffix(suffix) }.map { Fixtures.samplesDirectory + "/" + $0 }
            #expect(!files.isEmpty)
            let result = Subprocess.run(["xmllint", "--noout", "--nonet", "--schema", Fixtures.schemaDirectory + "/" + schema] + files)
            #expect(result.status == 0, "\(result.output)")
        }
        let akn = names.filter { $0.hasSuffix(".akn.xml") }.map { Fixtures.samplesDirectory + "/" + $0 }
        #expect(akn.count == 6)
        let result = Subprocess.run(["xmllint", "--noout", "--nonet", "--schema", Fixtures.aknSchema] + akn)
        #expect(result.status == 0, "\(result.output)")
    }

    /// Every element and type our schemas declare explains itself (Chinese term and English).
    @Test(arguments: [ExportSchemas.contractFileName, ExportSchemas.congressFileName])
    func schemasDocumentEveryElement(_ fileName: String) throws {
        let tree = try XSD.read(Fixtures.schemaDirectory + "/" + fileName)
        var undocumented: [String] = []
        XSD.walk(tree) { element, documented in
            guard ["element", "complexType", "simpleType"].contains(element.name), element.attribute("name") != nil else { return }
            if !documented(element) { undocumented.append("\(element.name) \(element.attribute("name")!)") }
        }
        #expect(undocumented.isEmpty, "without xs:annotation/xs:documentation: \(undocumented)")
    }
}
