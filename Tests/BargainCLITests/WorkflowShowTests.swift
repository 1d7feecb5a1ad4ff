import Bargaining
import BargainingFiles
import Foundation
import Testing
import TestSupport

@Suite("bargain workflow show")
struct WorkflowShowTests {
    @Test("text: steps in order with their actions, roles, guards with articles, and the deadlines")
    func text() throws {
        let result = try BargainBinary.run(["workflow", "show", "enterprise"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.hasPrefix("enterprise v1  企业工资集体协商"))
        #expect(out.contains("  1  notice  发出要约 (written notice)"))
        #expect(out.contains("congress-vote {approval: more-than-half-of-all, attendance: 2/3}  S1 art 36"))
        #expect(out.contains("quorum-missed → congress-pending"))
        #expect(out.contains("(each side once)"))
        #expect(out.contains("entering it makes the agreement take effect"))
        // Deadlines: length, what happens when it passes, article.
        let review = try #require(out.split(separator: "\n").first { $0.contains(" review ") && $0.contains("15 days") })
        #expect(review.contains("→ effective") && review.contains("S1 arts 45, 47"))
        let headers = ["notice", "reply", "escalation", "representatives"].enumerated().map { out.firstRange(of: "\n  \($0 + 1)  \($1)  ") }
        #expect(headers.allSatisfy { $0 != nil })
        #expect(headers.map { $0!.lowerBound } == headers.map { $0!.lowerBound }.sorted())
        #expect(!out.contains("\u{1B}["), "no colour when standard output is not a terminal")
    }

    @Test("--json: the documented shape, matching the loaded workflow")
    func json() throws {
        let result = try BargainBinary.run(["workflow", "show", "enterprise", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let workflow = try WorkflowLoader.load(contentsOf: Repository.workflow("enterprise.yaml"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["workflow"] as? String == "enterprise")
        #expect(object["digest"] as? String == workflow.digest)
        #expect(object["initial"] as? String == "notice")
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.map { $0["name"] as? String } == workflow.steps.map(\.name))
        let actions = try #require(object["actions"] as? [[String: Any]])
        #expect(actions.count == workflow.actions.count)
        let congress = try #require(actions.first { $0["action"] as? String == "hold-congress" })
        #expect(congress["outcomes"] as? [String: String] == ["approved": "signing", "rejected": "talks", "quorum-missed": "congress-pending"])
        #expect(congress["to"] == nil)
        let vote = try #require((congress["guards"] as? [[String: Any]])?.first)
        #expect(vote["article"] as? String == "S1 art 36")
        #expect(vote["parameters"] as? [String: String] == ["attendance": "2/3", "approval": "more-than-half-of-all"])
        let deadlines = try #require(object["deadlines"] as? [[String: Any]])
        let reply = try #require(deadlines.first { $0["name"] as? String == "reply" })
        #expect(reply["lapse"] as? String == "escalation")
        #expect((reply["length"] as? [String: Any])?["kind"] as? String == "calendar-days")
        #expect((reply["length"] as? [String: Any])?["days"] as? Int == 20)
    }

    @Test("a workflow file given by path, as a district checks its adapted copy")
    func byPath() throws {
        let result = try BargainBinary.run(["workflow", "show", Repository.workflow("regional.yaml")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("regional v"))
    }

    @Test("found beside the executable when run from elsewhere")
    func locatesWorkflows() throws {
        let elsewhere = TemporaryDirectory()
        let result = try BargainBinary.run(["workflow", "show", "industry"], in: elsewhere.url)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("a directory without workflows says how to point at one, exit 65")
    func missingDirectory() throws {
        let empty = TemporaryDirectory()
        let result = try BargainBinary.run(["workflow", "show", "enterprise", "--workflows", empty.url.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: \(empty.url.path) (from --workflows) is not a workflows directory"))
        #expect(result.stderr.contains("pass --workflows DIR or set BARGAIN_WORKFLOWS"))
    }

    @Test("neither a level nor a file is a usage error")
    func unknownLevel() throws {
        let result = try BargainBinary.run(["workflow", "show", "national"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("national"))
    }
}
