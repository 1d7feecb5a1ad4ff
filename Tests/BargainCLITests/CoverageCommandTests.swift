import Bargaining
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// `bargain registry import`, `contracts import`, `coverage`, `coverage laggards`, `reminders`
/// and `import`, run as the built binary against a temporary store.
@Suite("Coverage commands")
struct CoverageCommandTests {
    static func code(_ number: Int) -> String { CreditCode.makeValid(prefix17: "91110115MA0CW00\(number)X").description }

    /// A hand-computed case (SPEC §6), as of 2025-06-30, renewals over the year to date:
    /// - E1 chamber member, 100 staff, own contract C1 2025-01-01…2025-12-31 (expires after D:
    ///   not due);
    /// - E2 50 staff, covered only by the regional contract R1;
    /// - E3 listed by R1, union founded 2026-01-01: not unionised (its street has no data);
    /// - E4 chamber member, 200 staff, C4 expires 2025-03-31 and C4b covers it from 2025-04-01:
    ///   due and renewed;
    /// - E5 closed on 2025-05-01: out of U(D) and U(B);
    /// - E6 30 staff, C6 expired 2025-01-31 with nothing after: not covered, due, not renewed.
    ///
    /// U(D) = {E1, E2, E4, E6}: signed 3 of 4; employees 350 of 380; due {E4, E6}, renewed 1;
    /// chamber 2 of 2; congress 0 of 4; shortfalls: signing ⌈0.9·4⌉ − 3 = 1, renewal ⌈0.9·2⌉ − 1 = 1,
    /// chamber ⌈0.85·2⌉ − 2 = 0.
    static let registry = """
        uscc,name,district,street,industry,employees,union_founded_on,chamber_member,closed_on
        \(code(1)),一号精密制造有限公司,大兴区,旧宫镇,制造业,100,2020-01-01,是,
        \(code(2)),二号餐饮有限公司,大兴区,亦庄镇,餐饮业,50,2021-05-01,否,
        \(code(3)),三号物流有限公司,大兴区,瀛海镇,物流业,40,2026-01-01,否,
        \(code(4)),四号电子有限公司,大兴区,亦庄镇,制造业,200,2019-03-01,true,
        \(code(5)),五号商贸有限公司,大兴区,旧宫镇,批发零售业,80,2018-01-01,false,2025-05-01
        \(code(6)),六号印刷有限公司,大兴区,旧宫镇,制造业,30,2022-01-01,0,

        """

    static let contracts = """
        contract_id,level,title,signed_on,effective_on,expires_on,terminated_on,enterprises
        C1,enterprise,一号2025年度工资专项集体合同,2024-12-20,2025-01-01,2025-12-31,,\(code(1))
        R1,regional,亦庄镇区域性工资专项集体合同,,2024-07-01,2026-06-30,,\(code(2));\(code(3))
        C4,enterprise,四号2024年度合同,,2024-01-01,2025-03-31,,\(code(4))
        C4b,enterprise,四号2025年度合同,,2025-04-01,2026-03-31,,\(code(4))
        C6,enterprise,六号2024年度合同,,2024-02-01,2025-01-31,,\(code(6))

        """

    /// A store holding the hand-computed case.
    static func loaded() throws -> StoreFixture {
        let store = try StoreFixture()
        let registry = store.directory.write("registry.csv", Self.registry)
        let contracts = store.directory.write("contracts.csv", Self.contracts)
        let first = try store.run(["registry", "import", registry])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try store.run(["contracts", "import", contracts])
        #expect(second.status == 0, "\(second.stderr)")
        return store
    }

    /// A registry of the sample negotiations' enterprise alone.
    static func importPrecisionWorks(into store: StoreFixture) throws {
        let registry = store.directory.write("registry.csv", """
            uscc,name,district,street,industry,employees,union_founded_on,chamber_member
            \(SampleNegotiations.precisionWorks.creditCode),北京亦庄精密制造有限公司,北京经济技术开发区,荣华街道,制造业,412,2019-06-01,false

            """)
        #expect(try store.run(["registry", "import", registry]).status == 0)
    }

    func coverage(_ store: StoreFixture, _ extra: [String] = []) throws -> [String: Any] {
        let result = try store.run(["coverage", "--as-of", "2025-06-30", "--json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSON.object(result.stdout)
    }

    @Test("registry import: a bad credit code is named with file, line and column, exit 65, nothing stored; then the corrected file imports")
    func registryAllOrNothing() throws {
        let store = try StoreFixture()
        let good = Self.code(2)
        let bad = String(good.dropLast()) + (good.last == "0" ? "1" : "0")
        let file = store.directory.write("registry.csv", Self.registry.replacingOccurrences(of: good, with: bad))

        let refused = try store.run(["registry", "import", file])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(file):3: column 1 (uscc): credit code '\(bad)'"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was imported"))
        #expect(refused.stdout.isEmpty)
        let after = try store.run(["coverage", "--as-of", "2025-06-30"])
        #expect(after.status == 69 && after.stderr.contains("there is no store"), "nothing stored, not even an empty store: \(after.stderr)")

        let corrected = store.directory.write("registry.csv", Self.registry)
        let imported = try store.run(["registry", "import", corrected])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "\(corrected): enterprises: 6 added, 0 updated, 0 unchanged\n")

        // Re-importing updates by credit code
        let changed = store.directory.write("changed.csv", Self.registry.replacingOccurrences(of: "六号印刷有限公司,大兴区,旧宫镇,制造业,30",
                                                                                                  with: "六号印刷有限公司,大兴区,旧宫镇,制造业,35"))
        let again = try store.run(["registry", "import", changed, "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        let counts = try JSON.object(again.stdout)
        #expect(counts["added"] as? Int == 0 && counts["updated"] as? Int == 1 && counts["unchanged"] as? Int == 5)
        #expect((try coverage(store)["total"] as? [String: Any])?["employees"] as? Int == 385)
    }

    @Test("registry import --skip-invalid stores the good rows and writes the bad one with its reason")
    func registrySkipInvalid() throws {
        let store = try StoreFixture()
        let file = store.directory.write("registry.csv", Self.registry.replacingOccurrences(of: ",40,2026-01-01", with: ",-40,2026-01-01"))
        let rejected = store.directory.url.appendingPathComponent("rejected.csv").path
        let result = try store.run(["registry", "import", file, "--skip-invalid", "--rejected", rejected])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("5 added"))
        #expect(result.stdout.contains("1 row set aside, with the reasons, in \(rejected)"))
        let text = try String(contentsOfFile: rejected, encoding: .utf8)
        #expect(text.hasPrefix("line,column,reason,row\n4,6 (employees),negative number of employees (-40),"), "\(text)")

        let usage = try store.run(["registry", "import", file, "--skip-invalid"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--skip-invalid needs --rejected FILE"))
    }

    @Test("contracts import: a contract naming an enterprise not in the registry is refused and nothing stored")
    func contractsUnknownEnterprise() throws {
        let store = try StoreFixture()
        let registry = store.directory.write("registry.csv", Self.registry)
        #expect(try store.run(["registry", "import", registry]).status == 0)
        let stranger = CreditCode.makeValid(prefix17: "91110115MA0CW0099").description
        let file = store.directory.write("contracts.csv", Self.contracts + "C9,enterprise,陌生企业合同,,2025-01-01,2025-12-31,,\(stranger)\n")

        let refused = try store.run(["contracts", "import", file])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(file):7: column 8 (enterprises): enterprise \(stranger) is not in the registry; import it first"),
                "\(refused.stderr)")
        #expect((try coverage(store)["total"] as? [String: Any])?["signed"] as? Int == 0, "nothing stored")

        let good = store.directory.write("good.csv", Self.contracts)
        let imported = try store.run(["contracts", "import", good])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "\(good): contracts: 5 added, 0 updated, 0 unchanged\n")
    }

    @Test("coverage --json: the fixed shape, and the hand-computed rates of SPEC §6")
    func handComputed() throws {
        let store = try Self.loaded()
        let report = try coverage(store, ["--by", "street"])
        #expect(JSON.keys(report) == ["asOf", "from", "to", "groupBy", "groups", "total"])
        #expect(report["asOf"] as? String == "2025-06-30" && report["from"] as? String == "2025-01-01" && report["to"] as? String == "2025-06-30",
                "the renewal period is the year to date by default")
        #expect(report["groupBy"] as? String == "street")
        let figures: Set<String> = ["key", "unionised", "signed", "signingRate", "employees", "employeesCovered", "employeeCoverage", "due",
                                    "renewed", "renewalRate", "chamberMembers", "chamberSigned", "chamberRate", "congressEstablished",
                                    "congressRate", "shortfall"]
        let groups = try #require(report["groups"] as? [[String: Any]])
        #expect(groups.map { $0["key"] as? String } == ["亦庄镇", "旧宫镇", "瀛海镇"], "sorted by key")
        for group in groups { #expect(Set(group.keys) == figures.union(["district"]), "a street group names its district") }
        let total = try #require(report["total"] as? [String: Any])
        #expect(Set(total.keys) == figures)
        #expect(JSON.keys(total["shortfall"]) == ["signing", "renewal", "chamber"])

        #expect(total["key"] as? String == "total")
        #expect(total["unionised"] as? Int == 4 && total["signed"] as? Int == 3)
        #expect(total["signingRate"] as? Double == 0.75)
        #expect(total["employees"] as? Int == 380 && total["employeesCovered"] as? Int == 350)
        // JSONSerialization may read the last bit differently: compared to 1e-12
        #expect(abs((total["employeeCoverage"] as? Double ?? 0) - 350.0 / 380.0) < 1e-12)
        // E1's contract expires on 2025-12-31, after D: not due in the year to date
        #expect(total["due"] as? Int == 2 && total["renewed"] as? Int == 1)
        #expect(total["renewalRate"] as? Double == 0.5)
        #expect(total["chamberMembers"] as? Int == 2 && total["chamberSigned"] as? Int == 2 && total["chamberRate"] as? Double == 1)
        #expect(total["congressEstablished"] as? Int == 0 && total["congressRate"] is NSNull, "no session recorded anywhere: no data, not 0%")
        let shortfall = try #require(total["shortfall"] as? [String: Any])
        #expect(shortfall["signing"] as? Int == 1 && shortfall["renewal"] as? Int == 1 && shortfall["chamber"] as? Int == 0)

        // 瀛海镇 has an enterprise but no unionised one: its rates are null, never 0 or 1
        let empty = try #require(groups.last)
        #expect(empty["unionised"] as? Int == 0)
        #expect(empty["signingRate"] is NSNull && empty["renewalRate"] is NSNull && empty["congressRate"] is NSNull)
        #expect((empty["shortfall"] as? [String: Any])?["signing"] is NSNull)

        // A renewal one day late counts with grace 30, not with the default grace 0
        let late = store.directory.write("late.csv", """
            contract_id,level,title,signed_on,effective_on,expires_on,terminated_on,enterprises
            C6b,enterprise,六号2025年度合同,,2025-02-02,2026-02-01,,\(Self.code(6))

            """)
        #expect(try store.run(["contracts", "import", late]).status == 0)
        let grace0 = try #require(try coverage(store)["total"] as? [String: Any])
        #expect(grace0["renewed"] as? Int == 1)
        let policy = try String(contentsOf: Repository.workflows.appendingPathComponent("policy/beijing.yaml"), encoding: .utf8)
        let lenient = store.directory.write("lenient.yaml", policy.replacingOccurrences(of: "renewal-grace-days: 0", with: "renewal-grace-days: 30"))
        let grace30 = try #require(try coverage(store, ["--policy", lenient])["total"] as? [String: Any])
        #expect(grace30["renewed"] as? Int == 2)
    }

    @Test("coverage: the table and the bars with the target marked; an empty group says no data")
    func humanOutput() throws {
        let store = try Self.loaded()
        let result = try store.run(["coverage", "--as-of", "2025-06-30", "--by", "street"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("Coverage as of 2025-06-30; renewals due 2025-01-01 to 2025-06-30 (the year to date); by street\n"), "\(text)")
        #expect(text.contains("75.0% (3/4)"))
        #expect(text.contains("50.0% (1/2)"))
        #expect(text.contains("│ marks the target (signing 90%, renewal 90%)"))
        #expect(text.contains("瀛海镇"))
        let bars = text.split(separator: "\n").filter { $0.contains("signing ") && $0.contains("█") }
        #expect(bars.allSatisfy { $0.contains("│") }, "every bar has its target mark")
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("瀛海镇") && $0.contains("signing  no data") }, "\(text)")
        // Worst first (旧宫镇 1 of 2, 亦庄镇 2 of 2, 瀛海镇 no data), or by name with --sort name;
        // employee coverage under each signing bar, beside the group's size.
        func order(_ output: String) -> [String] {
            output.split(separator: "\n").filter { $0.contains("  signing  ") }.map { String($0.prefix { $0 != " " }) }
        }
        #expect(order(text) == ["旧宫镇", "亦庄镇", "瀛海镇", "合计"])
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("n=2 ") && $0.contains("coverage ") && $0.contains("(100/130)") }, "\(text)")
        let byName = try store.run(["coverage", "--as-of", "2025-06-30", "--by", "street", "--sort", "name"])
        #expect(order(byName.stdout) == ["亦庄镇", "旧宫镇", "瀛海镇", "合计"])
    }

    @Test("coverage --svg writes a chart that parses as XML with an svg root")
    func svg() throws {
        let store = try Self.loaded()
        let file = store.directory.url.appendingPathComponent("chart.svg").path
        let result = try store.run(["coverage", "--as-of", "2025-06-30", "--by", "street", "--svg", file])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: file))
        #expect(document.rootElement()?.localName == "svg")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("旧宫镇"))
    }

    @Test("coverage laggards: not covered, and coverage ending within the window")
    func laggards() throws {
        let store = try Self.loaded()
        let june = try store.run(["coverage", "laggards", "--as-of", "2025-06-30", "--json"])
        #expect(june.status == 0, "\(june.stderr)")
        let document = try JSON.object(june.stdout)
        #expect(JSON.keys(document) == ["asOf", "district", "laggards"])
        let list = try #require(document["laggards"] as? [[String: Any]])
        #expect(list.map { $0["enterprise"] as? String } == [Self.code(6)])
        #expect(list.first?["reason"] as? String == "not-covered" && list.first?["contractID"] as? String == "C6")

        let october = try store.run(["coverage", "laggards", "--as-of", "2025-10-15"])
        #expect(october.status == 0, "\(october.stderr)")
        #expect(october.stdout.contains("coverage-ending") && october.stdout.contains("一号精密制造有限公司"), "\(october.stdout)")
        #expect(october.stdout.hasSuffix("2 laggards: 1 not covered, 1 with coverage ending within 90 days\n"), "\(october.stdout)")
    }

    @Test("reminders: one letter per laggard, recorded after writing; a second run the same day writes nothing")
    func remindersOncePerDay() throws {
        let store = try Self.loaded()
        let out = store.directory.url.appendingPathComponent("letters").path
        let first = try store.run(["reminders", "--as-of", "2025-10-15", "--out", out, "--format", "txt"])
        #expect(first.status == 0, "\(first.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["2025-10-15-\(Self.code(1))-特别提示函.txt", "2025-10-15-\(Self.code(6))-特别提示函.txt", "督促登记簿.xlsx"])
        let letter = try String(contentsOfFile: out + "/" + files[0], encoding: .utf8)
        #expect(letter.hasPrefix("特别提示函\n\n一号精密制造有限公司："))
        #expect(letter.contains("北京市大兴区总工会\n\n2025年10月15日\n\n联系人：张敏　联系电话：010-00000000\n"), "the policy's districts: 大兴区")
        #expect(first.stdout.contains("2 letters written to \(out) and recorded as sent on 2025-10-15\n"), "\(first.stdout)")
        #expect(first.stderr.isEmpty, "大兴区 is in the policy: \(first.stderr)")

        // The ledger, not the files, decides: with the letters moved away, the second run writes none
        for file in files.dropLast() { try FileManager.default.removeItem(atPath: out + "/" + file) }
        let second = try store.run(["reminders", "--as-of", "2025-10-15", "--out", out, "--json"])
        #expect(second.status == 0, "\(second.stderr)")
        let document = try JSON.object(second.stdout)
        let ladder = try #require(document["ladder"] as? [[String: Any]])
        #expect((document["written"] as? [Any])?.isEmpty == true && ladder.count == 2)
        #expect(ladder.allSatisfy { $0["step"] as? String == "taken" && $0["rung"] as? String == "reminder-letter" }, "\(ladder)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["督促登记簿.xlsx"])
        let human = try store.run(["reminders", "--as-of", "2025-10-15", "--out", out])
        #expect(human.stdout.contains("no letters written and no rung taken as of 2025-10-15\n2 enterprises already had their rung taken on 2025-10-15 (reminder-letter 2)\n"),
                "\(human.stdout)")
    }

    @Test("reminders: the next day writes nothing and says why; after the 15 days the next rung, recorded; a letter's issuer names its district")
    func remindersClimbTheLadder() throws {
        let store = try Self.loaded()
        let out = store.directory.url.appendingPathComponent("letters").path
        #expect(try store.run(["reminders", "--as-of", "2025-10-15", "--out", out]).status == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: out).count

        let next = try store.run(["reminders", "--as-of", "2025-10-16", "--out", out])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == written, "nothing written the next day")
        #expect(next.stdout.contains("no letters written and no rung taken as of 2025-10-16\n"), "\(next.stdout)")
        #expect(next.stdout.contains("2 enterprises inside their rung's response window, nothing sent (reminder-letter 2); the first window ends on 2025-10-30\n"),
                "\(next.stdout)")
        #expect(next.stdout.contains("reminder-letter") && next.stdout.contains("2025-10-30") && next.stdout.contains("inside the response window"))

        let lastDay = try JSON.object(try store.run(["reminders", "--as-of", "2025-10-30", "--out", out, "--json"]).stdout)
        #expect((lastDay["ladder"] as? [[String: Any]])?.allSatisfy { $0["step"] as? String == "waiting" } == true, "\(lastDay)")

        let after = try store.run(["reminders", "--as-of", "2025-10-31", "--out", out, "--json"])
        #expect(after.status == 0, "\(after.stderr)")
        let document = try JSON.object(after.stdout)
        let ladder = try #require(document["ladder"] as? [[String: Any]])
        #expect((document["written"] as? [Any])?.isEmpty == true, "the rectification opinion is for staff: no letter")
        #expect(ladder.map { $0["rung"] as? String } == ["rectification", "rectification"], "\(ladder)")
        #expect(ladder.allSatisfy { $0["step"] as? String == "take" && $0["since"] as? String == "2025-10-31" && $0["answerBy"] as? String == "2025-11-17" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == written)

        // Recorded: the day after, both wait on the rectification opinion.
        let human = try store.run(["reminders", "--as-of", "2025-11-01", "--out", out])
        #expect(human.stdout.contains("(rectification 2); the first window ends on 2025-11-17\n"), "\(human.stdout)")
    }

    @Test("reminders: an as-of day after today or outside the holiday calendar is refused and nothing is recorded; the reports warn",
          arguments: [("2014-06-30", 65, "outside the holiday calendar"), ("2031-03-02", 64, "is after today")])
    func remindersRefuseDays(_ asOf: String, _ status: Int32, _ message: String) throws {
        let store = try Self.loaded()
        let out = store.directory.url.appendingPathComponent("letters").path
        let refused = try store.run(["reminders", "--as-of", asOf, "--out", out])
        #expect(refused.status == status, "\(refused.stderr)")
        #expect(refused.stderr.contains(message) && refused.stderr.contains("reminders records what it does on that day"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let report = try store.run(["coverage", "--as-of", asOf])
        #expect(report.status == 0 && report.stderr.hasPrefix("warning: --as-of \(asOf)") && report.stderr.contains(message), "\(report.stderr)")
        let laggards = try store.run(["coverage", "laggards", "--as-of", asOf, "--json"])
        #expect(laggards.status == 0 && laggards.stderr.contains(message), "\(laggards.stderr)")
        // Nothing was recorded: a letter is still due on a day that can be acted on.
        let today = try store.run(["reminders", "--as-of", "2025-10-15", "--out", out, "--json"])
        #expect((try JSON.object(today.stdout)["written"] as? [Any])?.count == 2, "\(today.stdout)")
    }

    @Test("reminders: the day after today is refused whichever check catches it first")
    func remindersRefuseTomorrow() throws {
        let store = try Self.loaded()
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        let tomorrow = try #require(Day(format.string(from: Date())), "today in the local time zone, as bargain reads it").adding(days: 1)
        let refused = try store.run(["reminders", "--as-of", tomorrow.description, "--out", store.directory.url.appendingPathComponent("l").path])
        #expect(refused.status == 64 || refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("is after today") || refused.stderr.contains("outside the holiday calendar"), "\(refused.stderr)")
    }

    @Test("reminders: a district the policy's districts: map lacks signs <district>总工会, with no contact and a warning")
    func remindersUnlistedDistrict() throws {
        let store = try StoreFixture()
        let registry = store.directory.write("registry.csv", Self.registry.replacingOccurrences(of: "大兴区", with: "延庆区"))
        #expect(try store.run(["registry", "import", registry]).status == 0)
        #expect(try store.run(["contracts", "import", store.directory.write("contracts.csv", Self.contracts)]).status == 0)
        let out = store.directory.url.appendingPathComponent("letters").path
        let run = try store.run(["reminders", "--as-of", "2025-10-15", "--out", out, "--format", "txt", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "warning: the policy has no 'districts: 延庆区' entry: its letters are signed 延庆区总工会 and name no contact person or phone\n")
        let letter = try String(contentsOfFile: out + "/2025-10-15-\(Self.code(6))-特别提示函.txt", encoding: .utf8)
        #expect(letter.hasSuffix("延庆区总工会\n\n2025年10月15日\n") && !letter.contains("联系人"))
        let written = try #require(try JSON.object(run.stdout)["written"] as? [[String: Any]])
        #expect(written.allSatisfy { $0["issuer"] as? String == "延庆区总工会" })
    }

    @Test("reminders: when the letters cannot be written, exit 73 and none is recorded as sent")
    func remindersUnwritable() throws {
        let store = try Self.loaded()
        let blocked = store.directory.write("letters", "a file where the directory should be")
        let refused = try store.run(["reminders", "--as-of", "2025-10-15", "--out", blocked, "--format", "txt"])
        #expect(refused.status == 73, "\(refused.stderr)")
        #expect(refused.stderr.contains("no letter was written or recorded"), "\(refused.stderr)")

        let out = store.directory.url.appendingPathComponent("letters-ok").path
        let retried = try store.run(["reminders", "--as-of", "2025-10-15", "--out", out, "--format", "txt"])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".txt") }.count == 2, "nothing was recorded by the failed run")
    }

    @Test("a date that is not a date is a usage error (64)", arguments: [
        ["coverage", "--as-of", "2025-13-01"],
        ["coverage", "--as-of", "2025-06-30", "--from", "yesterday"],
        ["coverage", "laggards", "--as-of", "30/06/2025"],
        ["reminders", "--as-of", "soon", "--out", "/tmp/never-written"],
        ["coverage", "--as-of", "2025-06-30", "--from", "2025-07-01", "--to", "2025-06-01"],
        ["coverage", "--as-of", "2025-06-30", "--by", "province"],
    ])
    func usage(_ arguments: [String]) throws {
        let store = try StoreFixture()
        let result = try store.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store.path), "the store is not touched")
    }

    @Test("issue 13 item 5: a renewal period lying after the as-of date is refused with a sentence", arguments: [
        (["--to", "2025-12-31"], "the renewal period ends on 2025-12-31, after the as-of date 2025-06-30"),
        (["--from", "2025-07-01", "--to", "2025-06-30"], "the renewal period starts on 2025-07-01, after the as-of date 2025-06-30"),
        (["--from", "2025-06-01", "--to", "2025-05-01"], "the renewal period ends (2025-05-01) before it starts (2025-06-01)"),
    ])
    func renewalPeriodAfterAsOf(_ period: [String], _ sentence: String) throws {
        let store = try Self.loaded()
        let result = try store.run(["coverage", "--as-of", "2025-06-30"] + period)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(sentence), "\(result.stderr)")
        let fits = try store.run(["coverage", "--as-of", "2025-06-30", "--from", "2025-04-01", "--to", "2025-06-30", "--json"])
        #expect(try JSON.object(fits.stdout)["from"] as? String == "2025-04-01")
    }

    @Test("an empty registry gives no data, never 0% or 100%")
    func emptyRegistry() throws {
        let store = try StoreFixture()
        try store.open("ENT-NO-REGISTRY")
        let result = try store.run(["coverage", "--as-of", "2025-06-30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("no data: no unionised enterprise in scope"), "\(result.stdout)")
        let total = try #require(try coverage(store)["total"] as? [String: Any])
        #expect(total["signingRate"] is NSNull && total["renewalRate"] is NSNull)
    }

    @Test("issue 12 item 6: a regional contract listing enterprises not in the registry is imported with a warning naming them, in CSV and XML alike")
    func regionalWithUnregisteredEnterprises() throws {
        let store = try StoreFixture()
        #expect(try store.run(["registry", "import", store.directory.write("registry.csv", Self.registry)]).status == 0)
        let stranger = CreditCode.makeValid(prefix17: "91110115MA0CW0099").description
        // A regional contract for E6 and a stranger, beside a row that is wrong (an impossible date)
        let file = store.directory.write("contracts.csv", """
            contract_id,level,title,signed_on,effective_on,expires_on,terminated_on,enterprises
            R2,regional,旧宫镇区域性工资专项集体合同,,2025-01-01,2025-12-31,,\(Self.code(6))；\(stranger)
            BAD,enterprise,错误日期的合同,,2025-02-30,2025-12-31,,\(Self.code(1))

            """)
        let rejected = store.directory.url.appendingPathComponent("rejected.csv").path
        let result = try store.run(["contracts", "import", file, "--skip-invalid", "--rejected", rejected])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(file): contracts: 1 added, 0 updated"), "\(result.stdout)")
        #expect(result.stderr.contains("\(file): warning: contract R2 lists 1 enterprise not in the registry (\(stranger)); imported with them"),
                "\(result.stderr)")
        // --skip-invalid lost no registered enterprise's coverage: E6 is covered by R2
        let total = try #require(try coverage(store)["total"] as? [String: Any])
        #expect(total["signed"] as? Int == 1, "E6 counts; the stranger does not, until the registry lists it")

        // An enterprise contract for an unknown enterprise is still refused: it would cover nobody
        let own = store.directory.write("own.csv", Self.contracts + "C9,enterprise,陌生企业合同,,2025-01-01,2025-12-31,,\(stranger)\n")
        #expect(try store.run(["contracts", "import", own]).status == 65)

        // The XML import says the same of the regional sample, whose five enterprises this registry lacks
        let samples = Repository.root.appendingPathComponent("exports/samples").path
        let xml = try store.run(["import", samples + "/REG-2025-001.contract.xml"])
        #expect(xml.status == 0, "\(xml.stderr)")
        #expect(xml.stderr.contains("warning: contract REG-2025-001 lists 5 enterprises not in the registry ("), "\(xml.stderr)")
        for enterprise in SampleNegotiations.rongHuaEnterprises { #expect(xml.stderr.contains(enterprise.creditCode.description)) }
    }

    @Test("bargain import records filed contracts and congress sessions for coverage")
    func importRecords() throws {
        let store = try StoreFixture()
        try Self.importPrecisionWorks(into: store)
        let samples = Repository.root.appendingPathComponent("exports/samples").path
        let result = try store.run(["import", samples + "/ENT-2025-001.contract.xml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("contract ENT-2025-001: enterprise, 1 enterprise(s)"), "\(result.stdout)")
        #expect(result.stderr.contains("kept: 1 contract (1 added, 0 updated, 0 unchanged), 0 congress records (0 added, 0 updated, 0 unchanged); "
                                       + "recorded for coverage: 1 contract, 0 congress sessions"), "\(result.stderr)")
        let congress = try store.run(["import", samples + "/ENT-2025-001-congress-2.congress.xml", "--json"])
        #expect(congress.status == 0, "\(congress.stderr)")

        let total = try #require(try coverage(store)["total"] as? [String: Any])
        #expect(total["signed"] as? Int == 1 && total["congressEstablished"] as? Int == 1)
    }

    @Test("a negotiation's contract and congress count by themselves; an open renewal takes it off the laggards")
    func negotiatedContractAndOpenRenewal() throws {
        let store = try StoreFixture()
        try Self.importPrecisionWorks(into: store)
        let id = try store.open("ENT-COV")
        try store.play(id)

        // In force from 2025-05-27 to 2026-04-30; its second congress met its quorum on 2025-04-29
        let total = try #require(try coverage(store)["total"] as? [String: Any])
        #expect(total["signed"] as? Int == 1 && total["congressEstablished"] as? Int == 1)

        func laggards() throws -> [[String: Any]] {
            let result = try store.run(["coverage", "laggards", "--as-of", "2026-02-15", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try JSON.object(result.stdout)["laggards"] as? [[String: Any]] ?? []
        }
        #expect(try laggards().map { $0["reason"] as? String } == ["coverage-ending"])
        let renewal = try store.run(["do", id, "request-renewal", "--set", "renewal=ENT-COV-2026", "--as", "employee-side:王芳", "--on", "2026-02-15"])
        #expect(renewal.status == 0, "\(renewal.stderr)")
        #expect(try laggards().isEmpty, "the renewal negotiation ENT-COV-2026 is open")
    }

    @Test("S1 art 47: a contract in effect by review silence counts in coverage and list as status says, with no act recorded")
    func reviewSilenceCounts() throws {
        let store = try StoreFixture()
        try Self.importPrecisionWorks(into: store)
        let id = try store.open("ENT-SILENT")
        try store.play(id, until: "review")  // filed on 2025-05-09; nothing recorded after
        func signed(_ day: String) throws -> Int? {
            let result = try store.run(["coverage", "--as-of", day, "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            return (try JSON.object(result.stdout)["total"] as? [String: Any])?["signed"] as? Int
        }
        func listed(_ day: String, _ extra: [String] = []) throws -> [[String: Any]] {
            let result = try store.run(["list", "--as-of", day, "--json"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return try JSON.object(result.stdout)["negotiations"] as? [[String: Any]] ?? []
        }
        #expect(try signed("2025-05-20") == 0, "still under review")
        #expect(try listed("2025-05-20").first?["step"] as? String == "review")

        let step = (try store.status(id, asOf: "2025-06-30")["step"] as? [String: Any])?["name"] as? String
        #expect(step == "in-force" || step == "effective")
        #expect(try listed("2025-06-30").first?["step"] as? String == step)
        #expect(try signed("2025-06-30") == 1, "in effect since the review window closed in silence")

        // After its expiry (2026-04-30): expired in status and list, not overdue, not covering
        #expect((try store.status(id, asOf: "2026-06-01")["step"] as? [String: Any])?["name"] as? String == "expired")
        #expect(try listed("2026-06-01").first?["step"] as? String == "expired")
        #expect(try listed("2026-06-01", ["--overdue"]).isEmpty)
        #expect(try signed("2026-06-01") == 0)
    }

    @Test("each coverage command's help has an example and documents its --json shape",
          arguments: [["registry", "import"], ["contracts", "import"], ["coverage", "report"], ["coverage", "trend"], ["coverage", "laggards"], ["reminders"]])
    func help(_ command: [String]) throws {
        let result = try BargainBinary.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example:"), "\(result.stdout)")
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("With --json, prints one object"), "\(result.stdout)")
    }
}
