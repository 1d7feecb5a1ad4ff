import Foundation

/// The `workflows/` directory as shipped or as a district adapted it: one workflow per level, the
/// policy, the holiday calendar and the minimum wage. Everything the engine consults, loaded once.
public struct WorkflowDirectory: Sendable {
    public var path: String
    public var workflows: [Level: Workflow]
    public var context: EngineContext

    /// Loads `enterprise.yaml`, `industry.yaml`, `regional.yaml`, `policy/<policy>.yaml`,
    /// `calendar/cn-holidays.yaml` and `minimum-wage/<policy>.yaml` from `path`.
    public static func load(_ path: String, policy: String = "beijing") throws -> WorkflowDirectory {
        func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        var workflows: [Level: Workflow] = [:]
        for level in Level.allCases {
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

    /// The shipped directory: `$BARGAIN_WORKFLOWS`, else `./workflows`, else the `workflows`
    /// folder beside the package the executable was built in, else `<prefix>/share/bargain/workflows`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = CommandLine.arguments.first ?? "") -> String? {
        var candidates: [String] = []
        if let explicit = environment["BARGAIN_WORKFLOWS"] { return explicit }
        candidates.append(FileManager.default.currentDirectoryPath + "/workflows")
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("workflows").path)
            candidates.append(directory.appendingPathComponent("share/bargain/workflows").path)
            directory.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/enterprise.yaml") }
    }

    public func engine(for level: Level) -> Engine { Engine(workflow: workflows[level]!, context: context) }
}
