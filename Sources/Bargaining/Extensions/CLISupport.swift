import Foundation

extension WorkflowDirectory {
    /// Like ``load(_:policy:)``, but reads only the workflows of `levels` (with the policy, the
    /// calendar and the minimum wage). A command about one negotiation needs one workflow, and
    /// parsing the other two is a third of a `bargain do`'s start-up time. ``engine(for:)``
    /// may only be asked for the levels loaded.
    public static func load(_ path: String, levels: [Level], policy: String = "beijing") throws -> WorkflowDirectory {
        func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        var workflows: [Level: Workflow] = [:]
        for level in levels {
            let workflow = try WorkflowLoader.load(contentsOf: file("\(level.rawValue).yaml"))
            guard workflow.level == level else {
                throw DataFileError(file: file("\(level.rawValue).yaml"), reason: "declares level \(workflow.level.rawValue), expected \(level.rawValue)")
            }
            workflows[level] = workflow
        }
        let context = EngineContext(
            calendar: try HolidayCalendar.load(contentsOf: file(HolidayCalendar.bundledRelativePath.replacingOccurrences(of: "workflows/", with: ""))),
            minimumWages: try MinimumWageTable.load(contentsOf: file("minimum-wage/\(policy).yaml")),
            policy: try PolicyLoader.load(contentsOf: file("policy/\(policy).yaml")))
        return WorkflowDirectory(path: path, workflows: workflows, context: context)
    }
}
