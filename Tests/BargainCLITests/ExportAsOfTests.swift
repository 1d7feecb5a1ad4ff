import Foundation
import Testing
import TestSupport

/// One as-of truth in exports (issue 14 item 1): what time alone did since the last act is what
/// an archive receives, as `status`, `list` and `coverage` show it.
@Suite("bargain export as of today")
struct ExportAsOfTests {
    @Test("S1 art 47: a contract filed and left to the review window is exported as effective by silence, as status says, with the last recorded event as provenance")
    func reviewSilenceExported() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-SILENT")
        try store.play(id, until: "review")  // filed on 2025-05-09; nothing recorded after
        let status = try store.status(id)
        let effectiveOn = try #require(status["effectiveOn"] as? String, "status sees the lapse: \(status)")
        let version = try #require(status["version"] as? Int)

        let out = store.directory.url.appendingPathComponent("out").path
        let exported = try store.run(["export", id, "--out", out])
        #expect(exported.status == 0, "\(exported.stderr)")
        let xml = try String(contentsOfFile: out + "/\(id).contract.xml", encoding: .utf8)
        #expect(xml.contains("<outcome>lapsed</outcome>"), "the review window closed without objection")
        #expect(xml.contains("<decidedOn>\(effectiveOn)</decidedOn>"))
        #expect(xml.contains("<effectiveOn>\(effectiveOn)</effectiveOn>"))
        #expect(xml.contains("<lastEventSequence>\(version)</lastEventSequence>"), "provenance is the last recorded event, not a derived lapse")
        #expect(try Subprocess.run(["xmllint", "--noout", "--nonet", "--schema", Repository.root.appendingPathComponent("exports/schema/bargain-contract-1.0.xsd").path,
                                    out + "/\(id).contract.xml"]).status == 0)
    }
}
