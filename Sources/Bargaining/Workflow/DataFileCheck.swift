/// `bargain workflow check` for every file of a workflows directory: it tells the files apart by
/// their top keys and loads each with its own loader, so a district checks a changed minimum
/// wage or guideline the same way as a changed workflow, before putting it in place.
public enum DataFileCheck {
    /// What a file that passed holds, in one line; `path` names the file in errors.
    public static func check(text: String, file path: String) throws(DataFileError) -> String {
        let reader = YAMLReader(file: path)
        let keys = Set(try reader.mapping(try reader.root(text), what: "the file").map(\.key))
        switch true {
        case keys.contains("workflow"):
            let workflow = try WorkflowLoader.load(yaml: text, file: path)
            return "\(workflow.name) v\(workflow.version), \(workflow.level.rawValue), \(workflow.steps.count) steps, \(workflow.actions.count) actions, digest \(workflow.digest.prefix(12))"
        case keys.contains("policy"):
            let policy = try PolicyLoader.load(yaml: text, file: path)
            return "policy \(policy.name), \(policy.escalationLadder.count) escalation rungs"
        case keys.contains("region") && keys.contains("entries"):
            let table = try MinimumWageTable.load(yaml: text, file: path)
            let unverified = table.entries.filter { !$0.verified }.count
            return "minimum wage, \(table.region), \(table.entries.count) standards from \(table.entries[0].effectiveFrom), \(unverified) not verified"
        case keys.contains("region") && keys.contains("years"):
            let years = try WageGuidelineFile.load(yaml: text, file: path)
            let unverified = years.values.filter { !$0.verified }.count
            return "wage guideline, \(years.count) years \(years.keys.min().map(String.init) ?? "")–\(years.keys.max().map(String.init) ?? ""), \(unverified) not verified"
        case keys.contains("years"):
            let calendar = try HolidayCalendar.load(yaml: text, file: path)
            let years = (2000...2100).filter { calendar.covers(year: $0) }
            return "holiday calendar, \(years.count) years \(years.first.map(String.init) ?? "")–\(years.last.map(String.init) ?? "")"
        default:
            throw DataFileError(file: path, line: 1, reason: "not a workflows file: expected a top key 'workflow', 'policy', 'years' (calendar), or 'region' with 'entries' (minimum wage) or 'years' (wage guideline)")
        }
    }
}
