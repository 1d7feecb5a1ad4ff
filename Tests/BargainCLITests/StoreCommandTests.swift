import Bargaining
import Foundation
import GRDB
import Testing

/// Every store command run as a built binary against a temporary store: open, do, status, log,
/// list and verify, in text and in JSON.
@Suite("Negotiations in a store: open, do, status, log, list, verify")
struct StoreCommandTests {
    @Test("open prints only the new id, ENT-YEAR-XXXXXX unless --id chooses it")
    func openPrintsTheID() throws {
        let store = try StoreFixture()
        let result = try store.run(["open", "enterprise", "--union", "工会", "--employer", "公司",
                                    "--enterprise", StoreFixture.enterpriseOption, "--on", "2025-03-03"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.wholeMatch(of: /ENT-2025-[2-9A-HJKMNP-Z]{6}\n/) != nil, "\(result.stdout)")
        #expect(result.stderr.isEmpty)
        let id = String(result.stdout.dropLast())
        let status = try store.status(id)
        #expect((status["step"] as? [String: Any])?["name"] as? String == "notice")
        #expect(status["title"] as? String == "2025年度工资专项集体协商")
        #expect((status["parties"] as? [String: Any])?["employeeSide"] as? String == "工会")
        #expect(try store.open("ENT-CHOSEN") == "ENT-CHOSEN")
    }

    @Test("a whole enterprise negotiation through `bargain do`, from the notice to the agreement in force")
    func wholeNegotiation() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-2025-001")
        try store.play(id)
        let status = try store.status(id, asOf: "2025-06-03")
        #expect((status["step"] as? [String: Any])?["name"] as? String == "in-force")
        #expect(status["effectiveOn"] as? String == "2025-05-27")
        #expect(status["expiresOn"] as? String == "2026-04-30")

        let text = try store.run(["status", id, "--as-of", "2025-06-03"]).stdout
        #expect(text.hasPrefix("Status on 2025-06-03  ENT-2025-001  2025年度工资专项集体协商\n"))
        #expect(text.contains("  职工方     北京亦庄精密制造有限公司工会\n"))
        #expect(text.contains("  covers     北京亦庄精密制造有限公司 (\(StoreFixture.enterprise.creditCode), 412 employees)\n"))
        #expect(text.contains("  step       in-force  履行中 (in force)"))
        #expect(text.contains("expiry  due 2026-04-30  331 days left  S1 art 38  合同期满 (expiry)"))
        #expect(text.contains("request-renewal    employee-side, employer-side  提出续订 (request renewal)"))
        #expect(text.contains("Renewal is asked for in the window before expiry. (renewal-window, S1 art 38; S4 art 24)"))

        let log = try store.run(["log", id])
        #expect(log.status == 0)
        #expect(log.stdout.contains("  2025-03-03  职工方 王芳  发出书面要约 (written notice)\n"))
        #expect(log.stdout.contains("quorum-missed: 41 of 65 representatives present"))
        #expect(log.stdout.contains("期限届满     审查期限 (review window) — passed"))
        #expect(log.stdout.contains("lowest-wage: 2800.00"))
        #expect(log.stdout.contains("→ in-force: 履行中 (in force)"))
        #expect(try store.run(["verify", id]).status == 0)
    }

    @Test("bargain do prints what it recorded, the step it moved to and what comes next")
    func doReport() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-DO")
        let result = try store.run(StoreFixture.arguments(StoreFixture.script.acts[0], on: id))
        #expect(result.status == 0)
        #expect(result.stdout == """
            recorded on ENT-DO (now 2 events)
              2025-03-03  职工方 王芳  发出书面要约 (written notice)
                                       proposed-on: 2025-03-25
                                       place: 公司三楼会议室
                                       content: 2025年度职工工资调整幅度、最低工资、工资支付日
                                       → reply: 等待书面答复 (awaiting the written reply)
                                       deadline 2025-03-24: 书面答复期限 (written reply due)
            next: accept (employer-side); refuse (employer-side); withdraw (employee-side, upper-union)

            """)
    }

    @Test("status counts the days left, shows overdue deadlines, the side still awaited, and the rules")
    func deadlinesAndWaiting() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-DAYS")
        try store.play(id, until: "representatives")
        let reply = try store.run(["status", id, "--as-of", "2025-03-11"]).stdout
        #expect(reply.contains("appoint-representatives  employee-side, employer-side  确定协商代表 (appoint representatives)"))
        #expect(reply.contains("Each side has at least 3 representatives (and at most the cap the district sets). (delegation-size, S1 art 19)"))
        // The union appoints; the employer side is awaited.
        #expect(try store.run(StoreFixture.arguments(StoreFixture.script.acts[2], on: id)).status == 0)
        let waiting = try store.run(["status", id, "--as-of", "2025-03-12"]).stdout
        #expect(waiting.contains("(waiting for the employer side)"))
        let next = try store.status(id, asOf: "2025-03-12")["next"] as? [[String: Any]]
        #expect(next?.first?["waitingFor"] as? [String] == ["employer"])

        // Information asked for on 2025-03-14 is due 5 days before the first meeting, 2025-03-20.
        try store.play(id, until: "talks")
        #expect(try store.run(StoreFixture.arguments(StoreFixture.script.acts[5], on: id)).status == 0)
        #expect(try store.run(["status", id, "--as-of", "2025-03-17"]).stdout.contains("information  due 2025-03-20  3 days left  S4 art 18"))
        let overdue = try store.run(["status", id, "--as-of", "2025-03-22"]).stdout
        #expect(overdue.contains("information  due 2025-03-20  2 days overdue  S4 art 18"))
        let deadline = (try store.status(id, asOf: "2025-03-22")["deadlines"] as? [[String: Any]])?.first
        #expect(deadline?["daysLeft"] as? Int == -2)
        #expect(deadline?["overdue"] as? Bool == true)
    }

    @Test("status --as-of before the last act shows the negotiation as it stood then")
    func lookingBack() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-BACK")
        try store.play(id, until: "preparation")
        let then = try store.status(id, asOf: "2025-03-05")
        #expect((then["step"] as? [String: Any])?["name"] as? String == "reply")
        #expect(then["version"] as? Int == 2)
        #expect(then["lastDay"] as? String == "2025-03-03")
        let before = try store.run(["status", id, "--as-of", "2025-01-01"])
        #expect(before.status == 64)
        #expect(before.stderr == "error: --as-of 2025-01-01: the negotiation had not been opened on 2025-01-01\n")
    }

    @Test("list: next deadline and days left; --overdue, --due-within, --level and --step filter")
    func list() throws {
        let store = try StoreFixture()
        try store.open("ENT-A")
        try store.open("ENT-B")
        try store.play("ENT-B", until: "reply")
        let table = try store.run(["list", "--as-of", "2025-03-20"])
        #expect(table.status == 0)
        #expect(table.stdout == """
            ID     LEVEL       STEP    NEXT DEADLINE  DUE           LEFT  TITLE
            ENT-A  enterprise  notice  —                                  2025年度工资专项集体协商
            ENT-B  enterprise  reply   reply          2025-03-24  4 days  2025年度工资专项集体协商

            """)
        func ids(_ arguments: [String]) throws -> [String] {
            let document = try JSON.object(try store.run(["list", "--json"] + arguments).stdout)
            return (document["negotiations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try ids(["--as-of", "2025-03-20"]) == ["ENT-A", "ENT-B"])
        #expect(try ids(["--overdue", "--as-of", "2025-03-24"]) == [])
        // The reply was due 03-24: on 03-25 the notice went unanswered and ENT-B moved to
        // escalation (S1 art 32), which runs no deadline, as `bargain status` says too.
        #expect(try ids(["--overdue", "--as-of", "2025-03-25"]) == [])
        #expect(try ids(["--step", "escalation", "--as-of", "2025-03-25"]) == ["ENT-B"])
        #expect(try ids(["--due-within", "3", "--as-of", "2025-03-20"]) == [])
        #expect(try ids(["--due-within", "4", "--as-of", "2025-03-20"]) == ["ENT-B"])
        #expect(try ids(["--step", "notice"]) == ["ENT-A"])
        #expect(try ids(["--level", "regional"]) == [])
        #expect(try store.run(["list", "--level", "regional"]).stdout == "No negotiations match.\n")
        let overdue = try store.run(["list", "--as-of", "2025-03-27"]).stdout
        #expect(overdue.contains("ENT-B  enterprise  escalation  —"), "\(overdue)")
    }

    @Test("list and status agree on a date: a deadline that passed and moved the negotiation on is applied in both")
    func listAgreesWithStatus() throws {
        let store = try StoreFixture()
        try store.open("ENT-DONE")
        try store.play("ENT-DONE")
        try store.open("ENT-WAIT")
        try store.play("ENT-WAIT", until: "reply")
        try store.open("ENT-FILE")
        try store.play("ENT-FILE", until: "filing")
        func listed(_ day: String, _ filters: [String] = []) throws -> [String: String] {
            let list = try JSON.object(try store.run(["list", "--json", "--as-of", day] + filters).stdout)["negotiations"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as! String, $0["step"] as! String) })
        }
        let filing = try #require(try store.status("ENT-FILE")["deadlines"] as? [[String: Any]])
        let filingDue = try #require(filing.first?["due"] as? String)
        let dayAfterFiling = Day(filingDue)!.adding(days: 1).description
        for day in ["2025-03-01", "2025-03-20", "2025-03-27", filingDue, dayAfterFiling, "2026-04-30", "2026-05-01", "2027-01-01"] {
            for (id, step) in try listed(day) {
                let status = try JSON.object(try store.run(["status", id, "--json", "--as-of", day]).stdout)
                #expect((status["step"] as? [String: Any])?["name"] as? String == step, "\(id) on \(day)")
            }
        }
        // The agreement expired on 2026-04-30 (its last day): in force that day, expired the next,
        // and then no longer "overdue" on an expiry that has happened.
        #expect(try listed("2026-04-30")["ENT-DONE"] == "in-force")
        #expect(try listed("2026-05-01")["ENT-DONE"] == "expired")
        #expect(try listed("2027-01-01", ["--overdue"])["ENT-DONE"] == nil)
        // An unanswered notice moved to escalation when the reply was overdue (S1 art 32).
        #expect(try listed("2025-03-27")["ENT-WAIT"] == "escalation")
        #expect(try listed("2025-03-27", ["--step", "reply"]).isEmpty)
        // Filing does not move by itself: a day late, it is overdue in both.
        #expect(try listed(dayAfterFiling, ["--overdue"]).keys.contains("ENT-FILE"))
        #expect(try listed("2025-03-01").isEmpty, "nothing was open yet")
    }

    @Test("--file gives an act's fields from YAML; --set wins over it")
    func fieldsFromFile() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-FILE")
        try store.play(id, until: "talks")
        for act in StoreFixture.script.acts where act.action.kind == .holdRound || act.action.kind == .requestInformation
            || act.action.kind == .supplyInformation {
            #expect(try store.run(StoreFixture.arguments(act, on: id)).status == 0)
        }
        let file = store.directory.write("draft.yaml", """
            adjustment-rate: 5%
            lowest-wage: 2800
            pay-day: 10
            starts-on: 2025-05-01
            expires-on: 2026-04-30
            other-items: [高温津贴, 夜班补贴]
            """)
        let result = try store.run(["do", id, "agree-draft", "--file", file, "--set", "pay-day=15", "--as", "employee-side:王芳", "--on", "2025-04-08"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pay-day: 15"))
        #expect(result.stdout.contains("other-items: 高温津贴, 夜班补贴"))
        let bad = store.directory.write("bad.yaml", "pay-day: ten\n")
        let refused = try store.run(["do", id, "sign-draft", "--file", bad, "--as", "employee-side:王芳"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("bad.yaml:1:"))
    }

    @Test("request-renewal opens the renewal negotiation and prints only its id; both are stored and linked")
    func renewal() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-2025-001"), other = try store.open("ENT-EARLY")
        try store.play(id)
        try store.play(other)

        // An id already taken is refused before anything is written.
        let taken = try store.run(["do", id, "request-renewal", "--set", "renewal=ENT-EARLY", "--as", "employee-side:王芳", "--on", "2026-02-02"])
        #expect(taken.status == 64)
        #expect(taken.stderr == "error: a negotiation with id ENT-EARLY already exists\n")
        #expect(try store.status(id, asOf: "2026-02-02")["renewal"] == nil)

        let result = try store.run(["do", id, "request-renewal", "--as", "employee-side:王芳", "--on", "2026-02-02"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.wholeMatch(of: /ENT-2026-[2-9A-HJKMNP-Z]{6}\n/) != nil, "\(result.stdout)")
        #expect(result.stderr.contains("提出续订 (request renewal)"))
        let renewal = String(result.stdout.dropLast())
        #expect(try store.status(id, asOf: "2026-02-02")["renewal"] as? String == renewal)
        let new = try store.status(renewal, asOf: "2026-02-02")
        #expect(new["renews"] as? String == id)
        #expect((new["step"] as? [String: Any])?["name"] as? String == "notice")

        // Outside the window: refused with the rule, nothing recorded, no new negotiation.
        let early = try store.run(["do", other, "request-renewal", "--set", "renewal=ENT-RENEW", "--as", "employee-side:王芳", "--on", "2025-12-01"])
        #expect(early.status == 1)
        #expect(early.stderr.hasPrefix("refused: ") && early.stderr.contains("[renewal-window, S1 art 38; S4 art 24]"), "\(early.stderr)")
        #expect(try store.run(["status", "ENT-RENEW"]).status == 66)
        let chosen = try store.run(["do", other, "request-renewal", "--set", "renewal=ENT-RENEW", "--as", "employer-side:李强", "--on", "2026-03-01"])
        #expect(chosen.stdout == "ENT-RENEW\n", "\(chosen.stderr)")
        #expect(try store.run(["verify"]).status == 0)
    }

    @Test("verify: 0 when every chain is intact, 1 naming the negotiation and event that was changed")
    func verify() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-V")
        let notice = ["do", id, "send-notice", "--set", "proposed-on=2025-03-25", "--set", "place=PLACE-MARKER-1",
                      "--set", "content=2025", "--as", "employee-side:王芳", "--on", "2025-03-03"]
        #expect(try store.run(notice).status == 0)
        try store.open("ENT-W")
        let ok = try store.run(["verify"])
        #expect(ok.status == 0)
        #expect(ok.stdout == "ok  2 negotiations, 3 events: every hash chain is intact\n")
        #expect(JSON.keys(try JSON.object(try store.run(["verify", "--json"]).stdout))
                == ["negotiationsChecked", "eventsChecked", "unsealedEvents", "intact", "mismatches", "summaries"])

        // Edit the stored event behind bargain's back, as someone with an SQLite shell would.
        let database = try DatabaseQueue(path: store.path)
        try database.write { db in
            try db.execute(sql: "UPDATE events SET body = replace(body, 'PLACE-MARKER-1', 'PLACE-MARKER-2') WHERE negotiation_id = 'ENT-V' AND body LIKE '%PLACE-MARKER-1%'")
            #expect(db.changesCount == 1)
        }
        try database.close()

        let broken = try store.run(["verify"])
        #expect(broken.status == 1)
        #expect(broken.stdout.hasPrefix("mismatch  ENT-V event 2: "), "\(broken.stdout)")
        #expect(try store.run(["verify", "ENT-W"]).status == 0)
        let document = try JSON.object(try store.run(["verify", "--json"]).stdout)
        #expect(document["intact"] as? Bool == false)
        #expect((document["mismatches"] as? [[String: Any]])?.first?["sequence"] as? Int == 2)
    }

    @Test("verify recomputes the summary rows: a step or contract changed in the negotiations table is named, exit 1")
    func verifySummaries() throws {
        let store = try StoreFixture()
        try store.open("ENT-S")
        try store.play("ENT-S", until: "talks")
        #expect(try store.run(["verify"]).status == 0)
        let database = try DatabaseQueue(path: store.path)
        try database.write { db in
            try db.execute(sql: "UPDATE negotiations SET step = 'withdrawn' WHERE id = 'ENT-S'")
            #expect(db.changesCount == 1)
        }
        try database.close()
        #expect(try store.run(["list"]).stdout.contains("withdrawn"), "list reads the edited row")
        let caught = try store.run(["verify"])
        #expect(caught.status == 1)
        #expect(caught.stdout.contains("summary  ENT-S: step: stored 'withdrawn', from the events 'talks'"), "\(caught.stdout)")
        let document = try JSON.object(try store.run(["verify", "--json"]).stdout)
        #expect((document["summaries"] as? [[String: Any]])?.first?["negotiation"] as? String == "ENT-S")
        #expect(document["intact"] as? Bool == false)
    }

    @Test("a party name with control characters is refused at opening; an actor's escapes print as U+FFFD, never as escapes")
    func controlCharacters() throws {
        let store = try StoreFixture()
        let hostile = "工会\u{1B}]0;PWNED\u{07}\u{1B}[2J"
        let refused = try store.run(["open", "enterprise", "--id", "ENT-X", "--union", hostile, "--employer", "公司",
                                     "--enterprise", StoreFixture.enterpriseOption, "--as", "employee-side:王芳", "--on", "2025-03-03"])
        #expect(refused.status == 1 && refused.stderr.contains("the union side contains a control character"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("\u{1B}"), "the refusal itself prints the name escaped")

        try store.open("ENT-Y")
        let named = try store.run(["do", "ENT-Y", "send-notice", "--set", "proposed-on=2025-03-25", "--set", "place=会议室",
                                   "--set", "content=工资调整", "--as", "employee-side:王\u{1B}[2J芳", "--on", "2025-03-03"])
        #expect(named.status == 0, "\(named.stderr)")
        let log = try store.run(["log", "ENT-Y"])
        #expect(!log.stdout.contains("\u{1B}") && log.stdout.contains("王\u{FFFD}[2J芳"), "\(log.stdout)")
    }

    @Test("--json shapes: status, log and list have the keys their help documents")
    func jsonShapes() throws {
        let store = try StoreFixture()
        let id = try store.open("ENT-JSON")
        try store.play(id, until: "representatives")
        let status = try store.status(id, asOf: "2025-03-11")
        #expect(JSON.keys(status) == ["id", "title", "level", "workflow", "asOf", "version", "lastDay", "step", "parties", "enterprises",
                                      "district", "street", "lapses", "late", "deadlines", "next"])
        #expect(JSON.keys(status["workflow"]) == ["name", "version", "digest"])
        #expect(JSON.keys(status["step"]) == ["name", "title", "about", "terminal"])
        #expect(JSON.keys((status["enterprises"] as? [Any])?.first) == ["creditCode", "name", "employees"])
        let next = (status["next"] as? [[String: Any]])?.first
        #expect(JSON.keys(next) == ["action", "title", "roles", "waitingFor", "rules"])
        #expect(JSON.keys((next?["rules"] as? [Any])?.first) == ["rule", "summary", "article"])

        let log = try JSON.object(try store.run(["log", id, "--json"]).stdout)
        #expect(JSON.keys(log) == ["id", "title", "workflow", "events"])
        let events = log["events"] as? [[String: Any]] ?? []
        #expect(events.count == 3)
        #expect(JSON.keys(events[1]) == ["sequence", "on", "recordedAt", "hash", "actor", "kind", "action", "title", "fields", "notes",
                                         "opened", "late", "step"])
        #expect(JSON.keys(events[1]["actor"]) == ["role", "roleName", "name"])
        #expect((events[1]["fields"] as? [String: Any])?["proposed-on"] as? [String: String] == ["day": "2025-03-25"])
        #expect((events[1]["hash"] as? String)?.count == 64)
        #expect((events[1]["recordedAt"] as? String)?.hasSuffix("Z") == true)
        #expect(events[0]["kind"] as? String == "opened" && events[2]["step"] as? String == "representatives")

        let list = try JSON.object(try store.run(["list", "--json", "--as-of", "2025-03-11"]).stdout)
        #expect(JSON.keys(list) == ["asOf", "negotiations"])
        #expect(JSON.keys((list["negotiations"] as? [Any])?.first) == ["id", "level", "title", "employeeSide", "employerSide", "district",
                                                                        "street", "step", "version", "lastDay", "workflow", "deadlines"])
    }

    @Test("every read command's help documents its --json shape", arguments: ["status", "log", "list", "verify", "workflow show"])
    func helpDocumentsJSON(_ command: String) throws {
        let result = try BargainBinary.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("With --json, prints one object"), "\(result.stdout)")
    }
}
