import Foundation
import Testing
import TestSupport

@Suite("bargain workflow check")
struct WorkflowCheckTests {
    @Test("the three shipped workflows pass")
    func shippedWorkflowsPass() throws {
        let files = ["enterprise.yaml", "industry.yaml", "regional.yaml"].map(Repository.workflow)
        let result = try BargainBinary.run(["workflow", "check"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for (line, file) in zip(lines, files) {
            #expect(line.hasPrefix("ok  \(file)"))
        }
        #expect(lines[0].contains("(enterprise v1, enterprise, "))
        #expect(lines[0].contains(" steps, ") && lines[0].contains(" actions, digest "))
    }

    /// A district's edit that the loader must refuse, with the line it must point at.
    struct Breakage: CustomTestStringConvertible, Sendable {
        var name: String
        var find: String
        var replace: String
        /// Text on the line the error must name, in the broken file.
        var onLine: String
        var reason: String
        var testDescription: String { name }
    }

    static let breakages = [
        Breakage(name: "unknown rule", find: "      - delegation-parity\n", replace: "      - delegation-equality\n",
                 onLine: "- delegation-equality", reason: "unknown rule 'delegation-equality'"),
        Breakage(name: "unknown role", find: "    roles: [upper-union]\n    guards: [escalation-ladder]",
                 replace: "    roles: [upper-unoin]\n    guards: [escalation-ladder]",
                 onLine: "roles: [upper-unoin]", reason: "unknown role 'upper-unoin'"),
        Breakage(name: "unreachable step", find: "\ndeadlines:",
                 replace: "  - name: archived\n    title: \"归档 (archived)\"\n    terminal: true\n\ndeadlines:",
                 onLine: "- name: archived", reason: "step 'archived' cannot be reached from 'notice'"),
        Breakage(name: "bad deadline unit", find: "    within: 20 days\n", replace: "    within: 20 weeks\n",
                 onLine: "within: 20 weeks", reason: "bad deadline unit 'weeks'"),
        Breakage(name: "duplicate step", find: "\ndeadlines:", replace: "  - name: notice\n    title: again\n\ndeadlines:",
                 onLine: "- name: notice\n    title: again", reason: "duplicate step 'notice'"),
        Breakage(name: "action without roles", find: "    once: true\n    roles: [labour-administration]\n",
                 replace: "    once: true\n",
                 onLine: "- action: accept-coordination", reason: "action 'accept-coordination' has no roles"),
        Breakage(name: "action without article", find: "  - action: file\n    article: S1 art 42\n",
                 replace: "  - action: file\n",
                 onLine: "- action: file", reason: "action 'file' needs the article it comes from"),
    ]

    @Test("a broken workflow fails with file, line and reason", arguments: breakages)
    func brokenWorkflowFails(_ breakage: Breakage) throws {
        let original = try String(contentsOfFile: Repository.workflow("enterprise.yaml"), encoding: .utf8)
        #expect(original.contains(breakage.find), "the shipped file changed; update the test's text to find")
        let broken = original.replacing(breakage.find, with: breakage.replace, maxReplacements: 1)
        let directory = TemporaryDirectory()
        let file = directory.write("enterprise.yaml", broken)
        let prefix = broken[..<broken.firstRange(of: breakage.onLine)!.lowerBound]
        let line = prefix.count(where: { $0 == "\n" }) + 1

        let result = try BargainBinary.run(["workflow", "check", file])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("\(file):\(line): "), "\(result.stderr)")
        #expect(result.stderr.contains(breakage.reason), "\(result.stderr)")
    }

    @Test("good files still pass when another fails, and the status is 1")
    func mixedFiles() throws {
        let directory = TemporaryDirectory()
        let broken = directory.write("broken.yaml", "workflow: x\n")
        let result = try BargainBinary.run(["workflow", "check", Repository.workflow("regional.yaml"), broken])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("ok  \(Repository.workflow("regional.yaml"))"))
        #expect(result.stderr.hasPrefix("\(broken):"))
    }

    @Test("S2 art 55, S4 art 8: the policy, calendar, minimum wage and wage guideline files are checked too, each told by its top keys")
    func dataFilesChecked() throws {
        let files = ["policy/beijing.yaml", "calendar/cn-holidays.yaml", "minimum-wage/beijing.yaml", "wage-guideline/beijing.yaml"]
        let result = try BargainBinary.run(["workflow", "check"] + files.map(Repository.workflow))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(policy beijing, 5 escalation rungs)"), "\(result.stdout)")
        #expect(result.stdout.contains("(holiday calendar, 12 years 2015–2026)"), "\(result.stdout)")
        #expect(result.stdout.contains("(minimum wage, 北京市, 6 standards from 2015-01-01, 4 not verified)"), "\(result.stdout)")
        #expect(result.stdout.contains("(wage guideline, 12 years 2015–2026, 12 not verified)"), "\(result.stdout)")
    }

    @Test("S4 art 8: a guideline line that is neither a percentage nor unknown fails with its line")
    func badGuidelineFails() throws {
        let original = try String(contentsOfFile: Repository.workflow("wage-guideline/beijing.yaml"), encoding: .utf8)
        let broken = original.replacing("    lower: 4%\n", with: "    lower: four per cent\n", maxReplacements: 1)
        let directory = TemporaryDirectory()
        let file = directory.write("guideline.yaml", broken)
        let line = broken[..<broken.firstRange(of: "lower: four")!.lowerBound].count(where: { $0 == "\n" }) + 1
        let result = try BargainBinary.run(["workflow", "check", file])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file):\(line): lower 'four per cent' is neither a percentage"), "\(result.stderr)")
    }

    @Test("a missing file is reported like any other problem")
    func missingFile() throws {
        let result = try BargainBinary.run(["workflow", "check", "/nonexistent/enterprise.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/enterprise.yaml: cannot read"))
    }

    @Test("no file at all is a usage error")
    func noFiles() throws {
        let result = try BargainBinary.run(["workflow", "check"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing expected argument '<files> ...'"))
    }
}
