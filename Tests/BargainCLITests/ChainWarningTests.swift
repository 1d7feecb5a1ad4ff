import Foundation
import GRDB
import Testing
import TestSupport

/// `status` and `log` read one negotiation's history; when its rows no longer match the hash
/// chain they still show it, but say first that it was changed and where (issue 14 item 6).
@Suite("status and log warn about a broken hash chain")
struct ChainWarningTests {
    @Test("a back-dated recorded time: verify fails, status and log warn on stderr and in --json; an intact store says nothing")
    func backDatedRecordedTime() throws {
        let store = try StoreFixture()
        try store.open("ENT-A")
        try store.play("ENT-A", until: "talks")

        let clean = try store.run(["status", "ENT-A"])
        #expect(clean.status == 0 && !clean.stderr.contains("warning"), "\(clean.stderr)")

        // When someone changes when event 2 was typed in, and nothing else
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE events SET recorded_at = '2016-01-01T00:00:00.000Z' WHERE negotiation_id = 'ENT-A' AND sequence = 2")
            #expect(db.changesCount == 1)
        }
        try queue.close()

        let verify = try store.run(["verify", "ENT-A"])
        #expect(verify.status == 1, "\(verify.stdout)")
        #expect(verify.stdout.contains("ENT-A event 2"), "\(verify.stdout)")

        for arguments in [["status", "ENT-A"], ["log", "ENT-A"]] {
            let shown = try store.run(arguments)
            #expect(shown.status == 0, "the history is still shown: \(shown.stderr)")
            #expect(shown.stderr.contains("the hash chain of ENT-A is broken at event 2"), "\(arguments): \(shown.stderr)")
            #expect(shown.stderr.contains("2016-01-01T00:00:00.000Z"), "\(shown.stderr)")
            #expect(shown.stderr.contains("bargain verify ENT-A"), "\(shown.stderr)")

            let json = try store.run(arguments + ["--json"])
            let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            let broken = document?["brokenChain"] as? [String: Any]
            #expect(broken?["sequence"] as? Int == 2, "\(arguments): \(json.stdout.prefix(300))")
        }
    }
}
