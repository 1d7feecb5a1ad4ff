import BargainingKeys
import Bargaining
@testable import BargainingXML
import Glibc
import Testing
import TestSupport

/// BagIt 1.0 (RFC 8493) bags: written whole or not at all, accepted by the Library of
/// Congress's bagit.py, and verified in full before anything in them is imported.
@Suite struct BagTests {
    let schemas: ExportSchemas
    let documents: [ExportedDocument]
    let info = BagInfo(sourceOrganization: "北京经济技术开发区总工会", externalIdentifier: "bargain-2025-05", baggingDate: Day("2025-06-30")!,
                       externalDescription: "Filed contracts 2025-05-01 to 2025-05-31")

    init() throws {
        schemas = try Fixtures.schemas()
        let exporter = Exporter(schemas: schemas)
        documents = try SampleExports.histories(Fixtures.directory, link: Samples.placeholderLink)
            .flatMap { try exporter.documents(for: $0, format: .own) }
    }

    func makeBag(in directory: TemporaryDirectory, format: ExportFormat = .own, _ name: String = "bag") throws -> String {
        let path = directory.file(name)
        let exporter = Exporter(schemas: schemas)
        let files = format == .own ? documents
            : try documents + SampleExports.histories(Fixtures.directory, link: Samples.placeholderLink).flatMap { try exporter.documents(for: $0, format: .akn) }
        try BagWriter.write(try BagWriter.payload(files, schemas: schemas), info: info, to: path)
        return path
    }

    @Test func theBagHasTheLayoutRFC8493Asks() throws {
        let directory = TemporaryDirectory()
        let bag = try makeBag(in: directory)
        #expect(try FileSystem.entries(bag) == ["bag-info.txt", "bagit.txt", "data", "manifest-sha256.txt", "tagmanifest-sha256.txt"])
        #expect(String(decoding: try Samples.readFile(bag + "/bagit.txt"), as: UTF8.self) == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        let payload = documents.map(\.fileName) + ["schema", ExportSchemas.stylesheetFileName]
        #expect(try FileSystem.entries(bag + "/data") == payload.sorted())
        #expect(try FileSystem.entries(bag + "/data/schema")
                == [ExportSchemas.congressFileName, ExportSchemas.contractFileName, ExportSchemas.xmlNamespaceFileName])
        let octets = try documents.reduce(0) { $0 + $1.bytes.count }
            + [schemas.contractSchemaPath, schemas.congressSchemaPath, schemas.xmlNamespaceSchemaPath, schemas.stylesheetPath]
                .reduce(0) { $0 + (try Samples.readFile($1)).count }
        let bagInfo = String(decoding: try Samples.readFile(bag + "/bag-info.txt"), as: UTF8.self)
        for line in ["Source-Organization: 北京经济技术开发区总工会", "External-Identifier: bargain-2025-05", "Bagging-Date: 2025-06-30",
                     "Payload-Oxum: \(octets).\(documents.count + 4)", "Bag-Software-Agent: bargain \(Producer.version)"] {
            #expect(bagInfo.contains(line + "\n"), "\(line)")
        }
        let manifest = String(decoding: try Samples.readFile(bag + "/manifest-sha256.txt"), as: UTF8.self)
        #expect(manifest.split(separator: "\n").count == documents.count + 4)
        for document in documents {
            #expect(manifest.contains("\(Hex.sha256(document.bytes))  data/\(document.fileName)\n"))
        }
        let tagManifest = String(decoding: try Samples.readFile(bag + "/tagmanifest-sha256.txt"), as: UTF8.self)
        #expect(tagManifest.split(separator: "\n").map { $0.split(separator: " ").last! } == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"])
        // Nothing is left beside the bag.
        #expect(try FileSystem.entries(directory.path) == ["bag"])
    }

    @Test(arguments: [ExportFormat.own, .akn])
    func bagitPyValidatesTheBag(_ format: ExportFormat) throws {
        guard try ExternalTools.require(.bagit) else { return }
        let directory = TemporaryDirectory()
        let bag = try makeBag(in: directory, format: format)
        let result = Subprocess.run([ExternalTools.python, "-m", "bagit", "--validate", bag])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func xmllintValidatesEveryFileInTheBag() throws {
        guard try ExternalTools.require(.xmllint) else { return }
        let directory = TemporaryDirectory()
        for format in ExportFormat.allCases {
            let bag = try makeBag(in: directory, format: format, "bag-\(format)")
            let files = try FileSystem.entries(bag + "/data").filter { $0.hasSuffix(".xml") }
            #expect(files.count == (format == .own ? 6 : 12))
            for file in files {
                let schema = file.hasSuffix(".akn.xml") ? bag + "/data/schema/akn/akomantoso30.xsd"
                    : bag + "/data/schema/" + (file.hasSuffix(".contract.xml") ? ExportSchemas.contractFileName : ExportSchemas.congressFileName)
                let result = Subprocess.run(["xmllint", "--noout", "--nonet", "--schema", schema, bag + "/data/" + file])
                #expect(result.status == 0, "\(result.output)")
            }
        }
    }

    @Test func anExistingDestinationIsRefusedAndLeftAlone() throws {
        let directory = TemporaryDirectory()
        directory.write("bag/keep.txt", Array("mine".utf8))
        #expect(throws: ExportError.self) {
            try BagWriter.write(try BagWriter.payload(documents, schemas: schemas), info: info, to: directory.file("bag"))
        }
        #expect(try FileSystem.entries(directory.file("bag")) == ["keep.txt"])
        #expect(try FileSystem.entries(directory.path) == ["bag"])
    }

    @Test func aFailedBagLeavesNothingBehind() throws {
        let directory = TemporaryDirectory()
        let unsafe = [PayloadFile(path: "ok.xml", bytes: [1]), PayloadFile(path: "../escape.xml", bytes: [2])]
        #expect(throws: ExportError.self) { try BagWriter.write(unsafe, info: info, to: directory.file("bag")) }
        #expect(try FileSystem.entries(directory.path).isEmpty)
    }

    @Test func oneAlteredByteRefusesTheWholeBag() throws {
        let directory = TemporaryDirectory()
        let bag = try makeBag(in: directory)
        let target = bag + "/data/" + documents[1].fileName
        var bytes = try Samples.readFile(target)
        let offset = bytes.count / 2
        bytes[offset] ^= 0x01
        directory.write("bag/data/" + documents[1].fileName, bytes)
        let importer = FilingImporter(schemas: schemas)
        do {
            let imported = try importer.importPath(bag)
            Issue.record("imported \(imported.count) documents from an altered bag")
        } catch {
            guard case .checksumMismatch(_, let file, let expected, let found) = error else { Issue.record("\(error)"); return }
            #expect(file == "data/" + documents[1].fileName)
            #expect(expected == Hex.sha256(documents[1].bytes) && found == Hex.sha256(bytes))
            #expect(error.description.contains("nothing was imported"))
        }
    }

    @Test func payloadAndManifestMustAgree() throws {
        let importer = FilingImporter(schemas: schemas)
        func refusal(_ change: (String, TemporaryDirectory) throws -> Void) throws -> String {
            let directory = TemporaryDirectory()
            let bag = try makeBag(in: directory)
            try change(bag, directory)
            do {
                _ = try importer.importPath(bag)
                return "imported"
            } catch {
                return "\(error)"
            }
        }
        #expect(try refusal { _, directory in directory.write("bag/data/extra.xml", [0x3C]) }.contains("data/extra.xml is in the payload but not in the manifest"))
        #expect(try refusal { bag, _ in unlink(bag + "/data/" + documents[0].fileName) }.contains("in the manifest but not in the payload"))
        #expect(try refusal { bag, _ in symlink("/etc/passwd", bag + "/data/link.xml") }.contains("symbolic link"))
        #expect(try refusal { bag, directory in
            var manifest = try Samples.readFile(bag + "/manifest-sha256.txt")
            manifest += Array("\(String(repeating: "0", count: 64))  data/../../etc/passwd\n".utf8)
            directory.write("bag/manifest-sha256.txt", manifest)
        }.contains("unsafe path"))
        #expect(try refusal { bag, directory in
            directory.write("bag/bag-info.txt", Array("Payload-Oxum: 1.1\n".utf8))
        }.contains("Payload-Oxum"))
        #expect(try refusal { _, directory in directory.write("bag/bagit.txt", Array("BagIt-Version: 2.0\n".utf8)) }.contains("BagIt-Version"))
        #expect(try refusal { bag, _ in unlink(bag + "/manifest-sha256.txt") }.contains("manifest-sha256.txt"))
    }

    @Test func aTagFileChangedAfterBaggingIsCaught() throws {
        let directory = TemporaryDirectory()
        let bag = try makeBag(in: directory)
        var bagInfo = try Samples.readFile(bag + "/bag-info.txt")
        bagInfo += Array("Contact-Name: someone\n".utf8)
        directory.write("bag/bag-info.txt", bagInfo)
        #expect {
            _ = try FilingImporter(schemas: schemas).importPath(bag)
        } throws: { error in
            guard case .checksumMismatch(_, let file, _, _) = error as? ImportError else { return false }
            return file == "bag-info.txt"
        }
    }

    /// A bag with the Akoma Ntoso renditions beside our documents imports our documents.
    @Test func renditionsInABagArePassedOver() throws {
        let directory = TemporaryDirectory()
        let imported = try FilingImporter(schemas: schemas).importPath(try makeBag(in: directory, format: .akn))
        #expect(imported.count == documents.count)
    }

    @Test func bagsMadeByBagitPyAreRead() throws {
        guard try ExternalTools.require(.bagit) else { return }
        let directory = TemporaryDirectory()
        for document in documents { directory.write("made/" + document.fileName, document.bytes) }
        let result = Subprocess.run([ExternalTools.python, "-m", "bagit", "--sha256", "--sha512", "--source-organization", "test", directory.file("made")])
        #expect(result.status == 0, "\(result.output)")
        let imported = try FilingImporter(schemas: schemas).importPath(directory.file("made"))
        #expect(imported.count == documents.count)
    }
}
