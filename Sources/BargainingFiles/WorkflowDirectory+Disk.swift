#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Bargaining

extension WorkflowDirectory {
    /// Loads the workflows of `levels` (`enterprise.yaml`, `industry.yaml`, `regional.yaml`),
    /// `policy/<policy>.yaml`, `calendar/cn-holidays.yaml`, `minimum-wage/<policy>.yaml` and
    /// `wage-guideline/<policy>.yaml` from `path`. A command about one negotiation needs one
    /// workflow, and parsing the other two would add to every `bargain do`'s start-up:
    /// ``engine(for:)`` may only be asked for the levels loaded.
    public static func load(_ path: String, levels: [Level] = Level.allCases, policy: String = "beijing") throws -> WorkflowDirectory {
        func file(_ name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }
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
            policy: try PolicyLoader.load(contentsOf: file("policy/\(policy).yaml")),
            wageGuidelines: try WageGuidelineFile.load(contentsOf: file("wage-guideline/\(policy).yaml")))
        return WorkflowDirectory(path: path, workflows: workflows, context: context)
    }

    /// The shipped directory: `$BARGAIN_WORKFLOWS`, else `./workflows`, else the `workflows`
    /// folder beside the package the executable was built in, else `<prefix>/share/bargain/workflows`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = RunningExecutable.path,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        if let explicit = environment["BARGAIN_WORKFLOWS"] { return explicit }
        var candidates = [currentDirectory + "/workflows"]
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("workflows").path)
            candidates.append(directory.appendingPathComponent("share/bargain/workflows").path)
            directory.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/enterprise.yaml") }
    }
}
