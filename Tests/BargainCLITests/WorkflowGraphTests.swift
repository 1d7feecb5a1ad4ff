import Foundation
import Testing
import TestSupport

@Suite("bargain workflow graph")
struct WorkflowGraphTests {
    @Test("mermaid: a stateDiagram-v2 with safe ids, action labels, outcomes and lapses")
    func mermaid() throws {
        let result = try BargainBinary.run(["workflow", "graph", "enterprise", "--format", "mermaid"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "stateDiagram-v2")
        #expect(lines.contains("    [*] --> s0_notice"))
        #expect(lines.contains("    s0_notice --> s1_reply : send-notice"))
        #expect(lines.contains { $0.contains("--> s9_congress_pending : hold-congress (quorum-missed)") })
        #expect(lines.contains { $0.hasPrefix("    s13_review --> s15_effective : ") && $0.contains("⏱ review passes") })
        // The expiry keeps running after the step that started it: it lapses from in-force too.
        #expect(lines.contains { $0.hasPrefix("    s16_in_force --> s18_expired : ⏱") && $0.contains("expiry passes") })
        // Mermaid refuses hyphens in state ids: every transition uses safe ids.
        let transition = /^    (\[\*\]|s\d+_\w+) --> (\[\*\]|s\d+_\w+)( : [^:]+)?$/
        for line in lines where line.contains("-->") {
            #expect(line.wholeMatch(of: transition) != nil, "\(line)")
        }
    }

    @Test("dot: lapses dashed, and Graphviz accepts it",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "needs Graphviz (apt-get install graphviz)"))
    func dot() throws {
        let result = try BargainBinary.run(["workflow", "graph", "enterprise", "--format", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("digraph \"enterprise\" {"))
        #expect(result.stdout.contains("\"review\" -> \"effective\" [label=\"review passes\", style=dashed];"))
        #expect(result.stdout.contains("\"expired\" [label=\"expired\\n期满终止 (expired)\", peripheries=2];"))

        let directory = TemporaryDirectory()
        let source = directory.write("enterprise.dot", result.stdout)
        let dot = Process()
        dot.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        dot.arguments = ["-Tsvg", "-o", directory.url.appendingPathComponent("enterprise.svg").path, source]
        dot.standardError = FileHandle.nullDevice
        try dot.run()
        dot.waitUntilExit()
        #expect(dot.terminationStatus == 0)
        let svg = try String(contentsOf: directory.url.appendingPathComponent("enterprise.svg"), encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("(approved)"))
    }

    @Test("every level draws", arguments: ["enterprise", "industry", "regional"])
    func everyLevel(_ level: String) throws {
        for format in ["mermaid", "dot"] {
            let result = try BargainBinary.run(["workflow", "graph", level, "--format", format])
            #expect(result.status == 0, "\(level) \(format): \(result.stderr)")
        }
    }

    @Test("an unknown format is a usage error")
    func unknownFormat() throws {
        let result = try BargainBinary.run(["workflow", "graph", "enterprise", "--format", "svg"])
        #expect(result.status == 64)
    }
}
