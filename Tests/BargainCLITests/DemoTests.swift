import Foundation
import Testing
import TestSupport

@Suite("bargain demo")
struct DemoTests {
    @Test("runs the enterprise negotiation to an agreement in force and tells it as a timeline")
    func enterpriseDemo() throws {
        let result = try BargainBinary.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let out = result.stdout
        #expect(out.hasPrefix("2025年度工资专项集体协商"))
        #expect(out.contains("2025-03-03  职工方 王芳"))
        #expect(out.contains("发出书面要约 (written notice)"))
        #expect(out.contains("The union sends the written notice (要约)."))
        // The quorum miss, with the rule's own numbers, then the reconvened congress.
        #expect(out.contains("quorum-missed: 41 of 65 representatives present"))
        #expect(out.contains("approved: 52 of 65 present"))
        // The review window closes in silence: a lapse recorded by the calendar.
        #expect(out.contains("期限届满"))
        #expect(out.contains("→ effective"))
        #expect(out.contains("Status on 2025-06-03  ENT-2025-001"))
        #expect(out.contains("in-force"))
        #expect(out.contains("expiry  due 2026-04-30"))
        #expect(out.contains("request-renewal"))
        #expect(!out.contains("\u{1B}["))
    }

    @Test("then a regional negotiation covering five enterprises, and the renewal of the enterprise contract")
    func regionalAndRenewal() throws {
        let out = try BargainBinary.run(["demo"]).stdout
        let regional = try #require(out.range(of: "荣华街道2025年度区域性工资集体协商  (区域性 · REG-2025-001)"))
        let covers = out[regional.upperBound...].prefix { _ in true }.split(separator: "\n").prefix(10).filter { $0.hasPrefix("  covers") }
        #expect(covers.count == 5)
        #expect(out.contains("Status on 2025-06-03  REG-2025-001"))
        #expect(out.contains("续订 (renewal) of ENT-2025-001"))
        #expect(out.contains("2026-02-02  职工方 王芳  提出续订 (request renewal)"))
        #expect(out.contains("→ renewing: 续订中 (renewal under way)"))
        #expect(out.contains("(企业 · ENT-2026-001)"))
        #expect(out.contains("  renews                  ENT-2025-001"))
        #expect(out.contains("Status on 2026-02-02  ENT-2026-001"))
        #expect(out.contains("send-notice"))
        #expect(out.contains("The demo's store was temporary and has been removed."))
        #expect(out.contains("bargain demo --store demo.sqlite"))
    }

    @Test("--store keeps the negotiations, and the commands it suggests work on them; a second run refuses to mix")
    func keptStore() throws {
        let directory = TemporaryDirectory()
        let path = directory.url.appendingPathComponent("demo.sqlite").path
        let first = try BargainBinary.run(["demo", "--store", path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("The negotiations are kept in \(path)."))
        #expect(first.stdout.contains("bargain status ENT-2026-001 --store \(path)"))
        let status = try BargainBinary.run(["status", "ENT-2026-001", "--store", path, "--as-of", "2026-02-02"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("renews     ENT-2025-001"))
        let list = try BargainBinary.run(["list", "--store", path, "--json"])
        let ids = (try JSON.object(list.stdout)["negotiations"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["ENT-2025-001", "ENT-2026-001", "REG-2025-001"])
        #expect(try BargainBinary.run(["verify", "--store", path]).status == 0)
        let again = try BargainBinary.run(["demo", "--store", path])
        #expect(again.status == 64)
        #expect(again.stderr == "error: \(path) already holds the demo's negotiation ENT-2025-001; give --store a new file\n")
    }

    @Test("the temporary store is removed afterwards")
    func temporaryStoreRemoved() throws {
        let temporary = TemporaryDirectory()
        let result = try BargainBinary.run(["demo"], environment: ["TMPDIR": temporary.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).isEmpty)
    }

    @Test("the timeline's columns line up although names are in Chinese")
    func alignedTimeline() throws {
        let out = try BargainBinary.run(["demo"]).stdout
        let enterprise = out.components(separatedBy: "荣华街道2025年度区域性工资集体协商")[0]
        let acts = enterprise.split(separator: "\n").filter { $0.hasPrefix("  2025-") }
        #expect(acts.count > 20)
        // Date, then who (names have single spaces), then what, separated by two or more spaces.
        let columns = /^  (\S+) {2,}(.+?) {2,}(\S.*)$/
        let whatColumns = Set(acts.map { line in
            DisplayWidthProbe.columns(line[..<line.wholeMatch(of: columns)!.output.3.startIndex])
        })
        #expect(whatColumns.count == 1, "\(acts.joined(separator: "\n"))")
    }
}

/// Columns as a terminal counts them, for checking alignment from outside the binary.
enum DisplayWidthProbe {
    static func columns(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x3000...0x9FFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1) }
    }
}
