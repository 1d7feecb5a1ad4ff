import Foundation
import Testing

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
        #expect(out.contains("Status on 2025-06-03"))
        #expect(out.contains("in-force"))
        #expect(out.contains("expiry  due 2026-04-30"))
        #expect(out.contains("request-renewal"))
        #expect(!out.contains("\u{1B}["))
    }

    @Test("the timeline's columns line up although names are in Chinese")
    func alignedTimeline() throws {
        let out = try BargainBinary.run(["demo"]).stdout
        let acts = out.split(separator: "\n").filter { $0.hasPrefix("  2025-") }
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
