import Bargaining
import Foundation
import Testing

/// A late act through the command line: recorded with exit 0, and the lateness is shown by
/// `do`, `log`, `log --json`, `status` and `status --json` (issue 14 item 2).
@Suite("A late filing on the command line")
struct LateActCommandTests {
    @Test("S1 art 42: a filing 1 day after the 10-day window is recorded and marked late everywhere it is read")
    func lateFilingShown() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-LATE")
        try store.play(id, until: "filing")
        let deadlines = try store.status(id)["deadlines"] as? [[String: Any]] ?? []
        let due = try #require(deadlines.first { $0["name"] as? String == "filing" }?["due"] as? String)
        let filedOn = Day(due)!.adding(days: 1).description
        let file = StoreFixture.script.acts.first { $0.action.kind == .file }!
        var arguments = StoreFixture.arguments(file, on: id)
        arguments[arguments.firstIndex(of: "--on")! + 1] = filedOn
        let filed = try store.run(arguments)
        #expect(filed.status == 0, "\(filed.stderr)")
        let mark = "late: 1 day after 报送期限 (file with the labour administration) ended on \(due) (S1 art 42 [policy: Beijing 10 days])"
        #expect(filed.stdout.contains(mark), "\(filed.stdout)")

        #expect(try store.run(["log", id]).stdout.contains(mark))
        let events = try JSON.object(try store.run(["log", id, "--json"]).stdout)["events"] as? [[String: Any]] ?? []
        let late = try #require((events.last?["late"] as? [[String: Any]])?.first)
        #expect(late["days"] as? Int == 1 && late["deadline"] as? String == "filing" && late["due"] as? String == due)

        let status = try store.status(id, asOf: filedOn)
        let shown = try #require((status["late"] as? [[String: Any]])?.first)
        #expect(shown["action"] as? String == "file" && shown["on"] as? String == filedOn && shown["days"] as? Int == 1)
        #expect(try store.run(["status", id, "--as-of", filedOn]).stdout.contains("file on \(filedOn) was \(mark)"))
    }
}
