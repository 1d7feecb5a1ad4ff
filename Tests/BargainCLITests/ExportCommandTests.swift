import Foundation
import GRDB
import Testing
import TestSupport

/// `bargain export` and `bargain import` as an archivist runs them, on the demo's negotiations,
/// with the files checked by tools nobody here wrote: xmllint (Debian's libxml2-utils) against our
/// XSDs and the OASIS Akoma Ntoso schema, and the Library of Congress `bagit` module.
@Suite("bargain export and import", .serialized)
struct ExportCommandTests {
    /// A store holding the demo's negotiations: ENT-2025-001 and REG-2025-001 filed and in force,
    /// the renewal ENT-2026-001 at its first step.
    static func demoStore(in directory: TemporaryDirectory) throws -> String {
        let path = directory.url.appendingPathComponent("demo.sqlite").path
        let demo = try BargainBinary.run(["demo", "--store", path])
        try #require(demo.status == 0, "\(demo.stderr)")
        return path
    }

    @Test("each file written for a filed negotiation validates with xmllint: ours against our XSDs, Akoma Ntoso against OASIS")
    func exportedFilesValidate() throws {
        let directory = TemporaryDirectory()
        let store = try Self.demoStore(in: directory)
        let own = directory.url.appendingPathComponent("own").path, akn = directory.url.appendingPathComponent("akn").path

        let exported = try BargainBinary.run(["export", "ENT-2025-001", "--out", own, "--store", store])
        #expect(exported.status == 0, "\(exported.stderr)")
        let files = exported.stdout.split(separator: "\n").map(String.init)
        #expect(files.map { ($0 as NSString).lastPathComponent }
                == ["ENT-2025-001.contract.xml", "ENT-2025-001-congress-1.congress.xml", "ENT-2025-001-congress-2.congress.xml"])
        let rendition = try BargainBinary.run(["export", "ENT-2025-001", "--out", akn, "--format", "akn", "--store", store])
        #expect(rendition.status == 0, "\(rendition.stderr)")
        let renditions = rendition.stdout.split(separator: "\n").map(String.init)
        #expect(renditions.count == 3)

        guard RequiredTool.available(["xmllint", "--version"], install: "apt-get install libxml2-utils") else { return }
        let schemas = Repository.root.appendingPathComponent("exports/schema")
        let contract = Subprocess.run(["xmllint", "--noout", "--nonet", "--schema",
                                          schemas.appendingPathComponent("bargain-contract-1.0.xsd").path, files[0]])
        #expect(contract.status == 0, "\(contract.stderr)")
        let congress = Subprocess.run(["xmllint", "--noout", "--nonet", "--schema",
                                          schemas.appendingPathComponent("bargain-congress-1.0.xsd").path] + files.dropFirst())
        #expect(congress.status == 0, "\(congress.stderr)")
        let oasis = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/akn/akomantoso30.xsd").path
        let akomaNtoso = Subprocess.run(["xmllint", "--noout", "--nonet", "--schema", oasis] + renditions)
        #expect(akomaNtoso.status == 0, "\(akomaNtoso.stderr)")
    }

    @Test("a store whose chain was edited is never exported: export and export --bag exit 1 naming the event")
    func brokenChainRefusesExport() throws {
        let directory = TemporaryDirectory()
        let store = try Self.demoStore(in: directory)
        // Raise the agreed wage in event 11 behind bargain's back, as someone with an SQLite shell would.
        let database = try DatabaseQueue(path: store)
        try database.write { db in
            try db.execute(sql: "UPDATE events SET body = body || ' ' WHERE negotiation_id = 'ENT-2025-001' AND sequence = 11")
            #expect(db.changesCount == 1)
        }
        try database.close()

        let out = directory.url.appendingPathComponent("out").path
        let one = try BargainBinary.run(["export", "ENT-2025-001", "--out", out, "--store", store])
        #expect(one.status == 1)
        #expect(one.stderr.contains("ENT-2025-001: the hash chain is broken at event 11"), "\(one.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))

        let bag = directory.url.appendingPathComponent("bag").path
        let batch = try BargainBinary.run(["export", "--filed-from", "2025-01-01", "--filed-to", "2025-12-31", "--bag", bag, "--store", store])
        #expect(batch.status == 1)
        #expect(batch.stderr.contains("event 11"), "\(batch.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bag))
    }

    @Test("a batch by filing date is a bag that bagit.py validates, and `bargain import` reads it back")
    func bagValidatesAndImports() throws {
        let directory = TemporaryDirectory()
        let store = try Self.demoStore(in: directory)
        let bag = directory.url.appendingPathComponent("bag").path
        let exported = try BargainBinary.run(["export", "--filed-from", "2025-01-01", "--filed-to", "2025-12-31", "--bag", bag,
                                              "--source-organization", "北京市大兴区总工会", "--store", store])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout == "\(bag): 2 contract(s), 6 document(s)\n")
        let info = try String(contentsOfFile: bag + "/bag-info.txt", encoding: .utf8)
        #expect(info.contains("Source-Organization: 北京市大兴区总工会"))

        if RequiredTool.available([RequiredTool.python, "-c", "import bagit"], install: "python3 -m pip install bagit") {
            let validated = Subprocess.run([RequiredTool.python, "-m", "bagit", "--validate", bag])
            #expect(validated.status == 0, "\(validated.stderr)")
        }

        let imported = try BargainBinary.run(["import", bag, "--json", "--store", directory.url.appendingPathComponent("archive.sqlite").path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let documents = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [[String: Any]]
        let contracts = documents?.filter { $0["kind"] as? String == "contract" }.compactMap { $0["id"] as? String }
        #expect(contracts?.sorted() == ["ENT-2025-001", "REG-2025-001"])
        #expect(documents?.count == 6)
    }

    @Test("export, import into an empty store, export again: the same bytes but the export time, for every document; a second import is unchanged")
    func losslessRoundTrip() throws {
        let directory = TemporaryDirectory()
        let store = try Self.demoStore(in: directory)
        let bag = directory.url.appendingPathComponent("bag").path
        #expect(try BargainBinary.run(["export", "--filed-from", "2025-01-01", "--filed-to", "2025-12-31", "--bag", bag, "--store", store]).status == 0)
        let archive = directory.url.appendingPathComponent("archive.sqlite").path
        let first = try BargainBinary.run(["import", bag, "--store", archive])
        #expect(first.status == 0, "\(first.stderr)")
        // The archive keeps no registry, so each contract's enterprises are named as unknown.
        #expect(first.stderr.contains("kept: 2 contracts (2 added, 0 updated, 0 unchanged), 4 congress records (4 added, 0 updated, 0 unchanged)"), "\(first.stderr)")
        #expect(first.stderr.contains("warning: contract ENT-2025-001 lists 1 enterprise not in the registry"))
        let second = try BargainBinary.run(["import", bag, "--store", archive])
        #expect(second.stderr.contains("kept: 2 contracts (0 added, 0 updated, 2 unchanged), 4 congress records (0 added, 0 updated, 4 unchanged)"), "\(second.stderr)")

        let again = directory.url.appendingPathComponent("again").path
        for id in ["ENT-2025-001", "REG-2025-001"] {
            let exported = try BargainBinary.run(["export", id, "--out", again, "--store", archive])
            #expect(exported.status == 0, "\(exported.stderr)")
        }
        func withoutExportTime(_ path: String) throws -> [Substring] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.contains("<exportedAt>") }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: bag + "/data").filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files.count == 6)
        #expect(try FileManager.default.contentsOfDirectory(atPath: again).sorted() == files)
        for file in files {
            let original = try withoutExportTime(bag + "/data/" + file), roundTripped = try withoutExportTime(again + "/" + file)
            #expect(original == roundTripped, "\(file)")
            #expect(original.count == (try String(contentsOfFile: bag + "/data/" + file, encoding: .utf8)).split(separator: "\n").count - 1,
                    "exactly one line, the export time, is left out")
        }
        let unknown = try BargainBinary.run(["export", "ENT-NONE", "--out", again, "--store", archive])
        #expect(unknown.status == 66)
    }

    @Test("before filing there is nothing for the archives: refused with the step and the article, nothing written")
    func refusedBeforeFiling() throws {
        let directory = TemporaryDirectory()
        let store = try Self.demoStore(in: directory)
        let out = directory.url.appendingPathComponent("out").path
        let result = try BargainBinary.run(["export", "ENT-2026-001", "--out", out, "--store", store])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("negotiation ENT-2026-001 has no filed contract to export yet"))
        #expect(result.stderr.contains("S1 art 42"))
        #expect(!FileManager.default.fileExists(atPath: out + "/ENT-2026-001.contract.xml"))
    }

    @Test("a bag over one altered byte is refused whole: exit 65, nothing imported")
    func alteredBagRefused() throws {
        let directory = TemporaryDirectory()
        let store = try Self.demoStore(in: directory)
        let bag = directory.url.appendingPathComponent("bag").path
        #expect(try BargainBinary.run(["export", "--filed-from", "2025-01-01", "--filed-to", "2025-12-31", "--bag", bag, "--store", store]).status == 0)
        let file = bag + "/data/REG-2025-001.contract.xml"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let position = try #require(bytes.firstIndex(of: UInt8(ascii: "5")))
        bytes[position] = UInt8(ascii: "6")
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        let result = try BargainBinary.run(["import", bag, "--store", directory.url.appendingPathComponent("archive.sqlite").path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("REG-2025-001.contract.xml"), "\(result.stderr)")
    }
}
