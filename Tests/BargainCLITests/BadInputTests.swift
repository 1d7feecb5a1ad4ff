import Foundation
import Testing
import TestSupport

/// Bad input to the store commands: one clear line on standard error (with the rule and its
/// article where one applies), the documented exit status, and nothing recorded.
@Suite("Bad input: one clear line, the documented status, nothing stored")
struct BadInputTests {
    /// A negotiation waiting for the employer's written reply (2 events).
    static func awaitingReply() throws -> (StoreFixture, String) {
        let store = try StoreFixture()
        let id = try store.open("ENT-BAD")
        try store.play(id, until: "reply")
        return (store, id)
    }

    static let reply = ["--as", "employer-side:李强", "--on", "2025-03-10"]

    @Test("each mistake: its status and its one line", arguments: [
        (["do", "ENT-NONE", "accept"] + reply, 66, "error: no negotiation with id ENT-NONE"),
        (["status", "ENT-NONE"], 66, "error: no negotiation with id ENT-NONE"),
        (["log", "ENT-NONE"], 66, "error: no negotiation with id ENT-NONE"),
        (["do", "ENT-BAD", "acept"] + reply, 64, "error: 'acept' is not an action; actions are send-notice, accept, refuse,"),
        (["do", "ENT-BAD", "accept", "--set", "note"] + reply, 64, "error: accept: 'note': write NAME=VALUE, e.g. --set pay-day=10"),
        (["do", "ENT-BAD", "accept", "--set", "colour=red"] + reply, 64, "error: accept: 'colour' is not a field of accept; its fields are note"),
        (["do", "ENT-BAD", "hold-round", "--set", "chair=both", "--set", "minutes-signed=yes"] + reply, 64,
         "error: hold-round: chair: 'both' is not employee or employer"),
        (["do", "ENT-BAD", "hold-round", "--set", "chair=employee"] + reply, 1,
         "refused: 'hold-round' is not possible at step 'reply' (等待书面答复 (awaiting the written reply)); allowed now: accept (employer-side); refuse (employer-side); withdraw (employee-side, upper-union) [not-allowed-now, S1 art 34]"),
        (["do", "ENT-BAD", "refuse"] + reply, 64,
         "error: refuse: needs a field not given: reason (text: the reason given; in Beijing no ground justifies refusal (S5 art 21)) [fields, S1 art 32; S5 art 21]"),
        (["do", "ENT-BAD", "accept", "--as", "labour-administration", "--on", "2025-03-10"], 1,
         "refused: labour-administration may not accept; only employee-side or employer-side may [role-not-allowed, S1 art 32]"),
        (["do", "ENT-BAD", "accept", "--as", "employee-side:王芳", "--on", "2025-03-10"], 1,
         "refused: the notice came from the employee side; the reply is the employer side's to give [replying-side, S1 art 32]"),
        (["do", "ENT-BAD", "hold-round", "--set", "chair=employee", "--set", "minutes-signed=yes"] + reply, 1,
         "refused: 'hold-round' is not possible at step 'reply' (等待书面答复 (awaiting the written reply)); allowed now: accept (employer-side); refuse (employer-side); withdraw (employee-side, upper-union) [not-allowed-now, S1 art 34]"),
        (["do", "ENT-BAD", "accept", "--as", "employer-side:李强", "--on", "2025-03-01"], 1,
         "refused: 2025-03-01 is before the last recorded event (2025-03-03); acts are recorded in date order [date-before-last-event]"),
    ])
    func mistakes(_ arguments: [String], _ status: Int32, _ line: String) throws {
        let (store, id) = try Self.awaitingReply()
        let result = try store.run(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.hasPrefix(line), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try store.version(of: id) == 2, "nothing recorded")
    }

    @Test("a date that is not a date, a role that is not a role, no --as: usage errors naming the value", arguments: [
        (["do", "ENT-BAD", "accept", "--as", "employer-side", "--on", "2025-02-30"], "'2025-02-30' is not a date; write YYYY-MM-DD"),
        (["do", "ENT-BAD", "accept", "--as", "boss:李强"], "'boss' is not a role; use one of employee-side, employer-side"),
        (["do", "ENT-BAD", "accept"], "say who takes the act with --as ROLE[:NAME]"),
        (["status", "ENT-BAD", "--as-of", "next week"], "'next week' is not a date"),
        (["list", "--due-within=-3"], "--due-within takes a number of days, 0 or more"),
        (["list", "--level", "city"], "'city'"),
    ])
    func usage(_ arguments: [String], _ message: String) throws {
        let (store, id) = try Self.awaitingReply()
        let result = try store.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(try store.version(of: id) == 2)
    }

    @Test("a rule's refusal names the rule and its article, and nothing is recorded")
    func ruleRefusal() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-RULE")
        try store.play(id, until: "representatives")
        let result = try store.run(["do", id, "appoint-representatives", "--set", "chief=王芳", "--set", "members=张伟",
                                    "--as", "employee-side:王芳", "--on", "2025-03-12"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("refused: "))
        #expect(result.stderr.hasSuffix("[delegation-size, S1 art 19]\n"), "\(result.stderr)")
        #expect(try store.version(of: id) == 3)
    }

    @Test("open: a credit code with a wrong character is named; an enterprise negotiation needs its enterprise; an id is not taken twice")
    func openMistakes() throws {
        let store = try StoreFixture()
        let base = ["open", "enterprise", "--union", "工会", "--employer", "公司", "--on", "2025-03-03"]
        let lowercase = try store.run(base + ["--enterprise", "91110302ma01C8XK75:公司"])
        #expect(lowercase.status == 64)
        #expect(lowercase.stderr.contains("credit code '91110302ma01C8XK75' character 9 'm' is lowercase; credit codes are written in capitals ('M')"))
        let check = try store.run(base + ["--enterprise", "91110302MA01C8XK74:公司"])
        #expect(check.stderr.contains("check character (18th) is '4' but the first 17 characters give '5'"), "\(check.stderr)")
        let none = try store.run(base)
        #expect(none.status == 64)
        #expect(none.stderr.contains("an enterprise negotiation covers exactly one enterprise"))
        let employees = try store.run(base + ["--enterprise", "\(StoreFixture.enterprise.creditCode):公司:many"])
        #expect(employees.stderr.contains("'many' is not a number of employees"))
        let regional = try store.run(["open", "regional", "--union", "总工会", "--employer", "企业联合会"])
        #expect(regional.stderr.contains("an regional negotiation lists the enterprises it covers") || regional.stderr.contains("regional negotiation lists"))

        try store.open("ENT-TWICE")
        let twice = try store.run(base + ["--id", "ENT-TWICE", "--enterprise", StoreFixture.enterpriseOption])
        #expect(twice.status == 64)
        #expect(twice.stderr == "error: a negotiation with id ENT-TWICE already exists\n")
        let badID = try store.run(base + ["--id", "ENT 1", "--enterprise", StoreFixture.enterpriseOption])
        #expect(badID.status == 64)
        #expect(badID.stderr.contains("'ENT 1' cannot be an id"))
        let role = try store.run(base + ["--enterprise", StoreFixture.enterpriseOption, "--as", "labour-administration"])
        #expect(role.status == 1)
        #expect(role.stderr.contains("[opening, S1 art 32; S2 arts 51, 53; S5 art 22]"), "\(role.stderr)")
        let list = try JSON.object(try store.run(["list", "--json"]).stdout)["negotiations"] as? [Any]
        #expect(list?.count == 1, "only ENT-TWICE was stored")
    }

    @Test("a negotiation whose workflow file changed since it opened: 65, and how to go on")
    func changedWorkflow() throws {
        let store = try StoreFixture()
        let workflows = store.directory.url.appendingPathComponent("workflows")
        try FileManager.default.copyItem(at: Repository.workflows, to: workflows)
        try store.open("ENT-PIN", ["--workflows", workflows.path])
        let file = workflows.appendingPathComponent("enterprise.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "within: 20 days", with: "within: 30 days").write(to: file, atomically: true, encoding: .utf8)
        let result = try store.run(["status", "ENT-PIN", "--workflows", workflows.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: the negotiation runs workflow enterprise v1 ("))
        #expect(result.stderr.contains("a running negotiation keeps the rules it opened with"))
        #expect(try store.run(["status", "ENT-PIN"]).status == 0, "the shipped file is the one it opened with")
    }
}
