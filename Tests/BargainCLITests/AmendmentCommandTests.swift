import Foundation
import Testing
import TestSupport

/// `bargain do ID request-amendment` (S1 arts 39, 41) through the service and a real store: the
/// request and the amendment's opening are one commit, the new id is printed for scripts, and the
/// old contract ends as amended only after an amendment was proposed.
@Suite("bargain do request-amendment")
struct AmendmentCommandTests {
    @Test("S1 arts 39, 41: request-amendment opens a linked negotiation with a chosen id, listed and shown with the link both ways; terminate as amended ends the old contract")
    func amendThroughTheStore() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-2025-001")
        try store.play(id)

        let early = try store.run(["do", id, "terminate", "--set", "ground=amended", "--set", "reason=变更后的合同已生效",
                                   "--as", "employee-side:王芳", "--on", "2025-10-15"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("request-amendment"), "\(early.stderr)")

        let asked = try store.run(["do", id, "request-amendment", "--set", "reason=调整最低工资标准条款",
                                   "--as", "employee-side:王芳", "--on", "2025-10-15"])
        #expect(asked.status == 0, "\(asked.stderr)")
        let amendment = asked.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(amendment.hasPrefix("ENT-2025-"), "the service chose an id: \(asked.stdout)")
        #expect(asked.stderr.contains("amendment negotiation opened: \(amendment)"), "\(asked.stderr)")

        let opened = try store.status(amendment, asOf: "2025-10-15")
        #expect(opened["amends"] as? String == id)
        #expect((opened["title"] as? String)?.hasSuffix("（变更）") == true)
        #expect((opened["step"] as? [String: Any])?["name"] as? String == "notice")
        #expect(try store.status(id, asOf: "2025-10-15")["amendment"] as? String == amendment)
        let listed = try store.run(["list", "--as-of", "2025-10-15"]).stdout
        #expect(listed.contains(amendment) && listed.contains(id), "\(listed)")

        let again = try store.run(["do", id, "request-amendment", "--set", "reason=再次变更", "--as", "employer-side:李强", "--on", "2025-10-16"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already proposed as \(amendment)"), "\(again.stderr)")

        let ended = try store.run(["do", id, "terminate", "--set", "ground=amended", "--set", "reason=变更后的合同已生效",
                                   "--as", "employee-side:王芳", "--on", "2025-12-01"])
        #expect(ended.status == 0, "\(ended.stderr)")
        #expect((try store.status(id, asOf: "2025-12-01")["step"] as? [String: Any])?["name"] as? String == "terminated")
        #expect(try store.run(["verify"]).status == 0)
    }
}
