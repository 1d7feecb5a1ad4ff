import Yams

/// Reads a policy file (`workflows/policy/*.yaml`), refusing with file, line and reason.
public enum PolicyLoader {
    public static func load(yaml: String, file: String) throws(DataFileError) -> Policy {
        let reader = YAMLReader(file: file)
        let root = try reader.root(yaml)
        let top = try reader.mapping(root, allowed: ["policy", "title", "targets", "coverage", "reminders", "escalation-ladder", "archive", "districts"], what: "the policy")
        func section(_ key: String) throws(DataFileError) -> Node {
            guard let node = top.first(where: { $0.key == key })?.value else { throw reader.fail(root, "missing '\(key)'") }
            return node
        }
        func percent(_ node: Node, _ what: String) throws(DataFileError) -> Int {
            guard case .rate(let bp)? = FieldType.rate.parse(try reader.string(node, what: what)), (0...10_000).contains(bp) else {
                throw reader.fail(node, "\(what) must be a percentage between 0% and 100%, e.g. 90%")
            }
            return bp
        }
        let targets = try reader.mapping(try section("targets"), allowed: ["signing", "renewal", "chamber"], what: "targets")
        func target(_ key: String) throws(DataFileError) -> Int {
            guard let node = targets.first(where: { $0.key == key })?.value else { throw reader.fail(try section("targets"), "targets: missing '\(key)'") }
            return try percent(node, "target '\(key)'")
        }
        let coverage = try reader.mapping(try section("coverage"), allowed: ["count-industry-and-regional", "renewal-grace-days", "congress-lookback-months"], what: "coverage")
        func coverageValue(_ key: String) throws(DataFileError) -> Node {
            guard let node = coverage.first(where: { $0.key == key })?.value else { throw reader.fail(try section("coverage"), "coverage: missing '\(key)'") }
            return node
        }
        let reminders = try reader.mapping(try section("reminders"), allowed: ["window-days"], what: "reminders")
        guard let window = reminders.first(where: { $0.key == "window-days" })?.value else { throw reader.fail(try section("reminders"), "reminders: missing 'window-days'") }

        var ladder: [Policy.EscalationRung] = []
        let workflowParser = WorkflowLoader.Parser(reader: reader)
        for item in try reader.sequence(try section("escalation-ladder"), what: "escalation-ladder") {
            let entries = try reader.mapping(item, allowed: ["rung", "title", "within", "article"], what: "a rung")
            func value(_ key: String) -> Node? { entries.first(where: { $0.key == key })?.value }
            guard let rungNode = value("rung"), let articleNode = value("article") else { throw reader.fail(item, "a rung needs 'rung' and 'article'") }
            let name = try reader.string(rungNode, what: "rung")
            guard !ladder.contains(where: { $0.rung == name }) else { throw reader.fail(rungNode, "duplicate rung '\(name)'") }
            var length: Workflow.DeadlineLength?
            if let within = value("within") {
                length = try workflowParser.parseLength(within)
                if length == .escalationRung { throw reader.fail(within, "a rung's time is a number of days or working-days") }
            }
            ladder.append(Policy.EscalationRung(
                rung: name,
                title: try value("title").map { (node) throws(DataFileError) in try reader.string(node, what: "title") } ?? name,
                length: length,
                article: try reader.string(articleNode, what: "article")))
        }
        guard !ladder.isEmpty else { throw reader.fail(try section("escalation-ladder"), "the escalation ladder needs at least one rung") }

        var depositor: Policy.Depositor?
        if let archive = top.first(where: { $0.key == "archive" })?.value {
            let entries = try reader.mapping(archive, allowed: ["depositor", "credit-code"], what: "archive")
            guard let nameNode = entries.first(where: { $0.key == "depositor" })?.value,
                  let codeNode = entries.first(where: { $0.key == "credit-code" })?.value else {
                throw reader.fail(archive, "archive needs 'depositor' (the organisation's name) and 'credit-code'")
            }
            let code = try reader.string(codeNode, what: "credit-code")
            let creditCode: CreditCode
            do { creditCode = try CreditCode(code) } catch { throw reader.fail(codeNode, "credit-code \(code): \(error)") }
            depositor = Policy.Depositor(name: try reader.string(nameNode, what: "depositor"), creditCode: creditCode)
        }

        var districts: [String: Policy.DistrictOffice] = [:]
        if let node = top.first(where: { $0.key == "districts" })?.value {
            for (district, office, _) in try reader.mapping(node, what: "districts") {
                let entries = try reader.mapping(office, allowed: ["issuer", "contact", "phone"], what: "districts: \(district)")
                func field(_ key: String) throws(DataFileError) -> String {
                    guard let value = entries.first(where: { $0.key == key })?.value else {
                        throw reader.fail(office, "districts: \(district): missing '\(key)' (every district names its issuer, contact and phone)")
                    }
                    let text = try reader.string(value, what: "districts: \(district): \(key)")
                    guard !text.allSatisfy(\.isWhitespace) else { throw reader.fail(value, "districts: \(district): '\(key)' is empty") }
                    return text
                }
                districts[district] = Policy.DistrictOffice(issuer: try field("issuer"), contact: try field("contact"), phone: try field("phone"))
            }
        }

        let name = try reader.string(try section("policy"), what: "policy")
        return Policy(
            name: name,
            title: try top.first(where: { $0.key == "title" }).map { (entry) throws(DataFileError) in try reader.string(entry.value, what: "title") } ?? name,
            signingTarget: try target("signing"),
            renewalTarget: try target("renewal"),
            chamberTarget: try target("chamber"),
            countIndustryAndRegional: try reader.bool(try coverageValue("count-industry-and-regional"), what: "count-industry-and-regional"),
            renewalGraceDays: try reader.integer(try coverageValue("renewal-grace-days"), what: "renewal-grace-days"),
            congressLookbackMonths: try reader.integer(try coverageValue("congress-lookback-months"), what: "congress-lookback-months"),
            reminderWindowDays: try reader.integer(window, what: "window-days"),
            escalationLadder: ladder,
            depositor: depositor,
            districts: districts)
    }
}
