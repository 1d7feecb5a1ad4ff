import Foundation

/// The `workflows/` directory as shipped or as a district adapted it: one workflow per level, the
/// policy, the holiday calendar, the minimum wage and the wage guideline. Everything the engine
/// consults, loaded once.
public struct WorkflowDirectory: Sendable {
    public var path: String
    public var workflows: [Level: Workflow]
    public var context: EngineContext

    /// Loads the workflows of `levels` (`enterprise.yaml`, `industry.yaml`, `regional.yaml`),
    /// `policy/<policy>.yaml`, `calendar/cn-holidays.yaml`, `minimum-wage/<policy>.yaml` and
    /// `wage-guideline/<policy>.yaml` from
    /// `path`. A command about one negotiation needs one workflow, and parsing the other two would
    /// add to every `bargain do`'s start-up: ``engine(for:)`` may only be asked for the levels loaded.
    public static func load(_ path: String, levels: [Level] = Level.allCases, policy: String = "beijing") throws -> WorkflowDirectory {
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
            policy: try PolicyLoader.load(contentsOf: file("policy/\(policy).yaml")),
            wageGuidelines: try WageGuidelineFile.load(contentsOf: file("wage-guideline/\(policy).yaml")))
        return WorkflowDirectory(path: path, workflows: workflows, context: context)
    }

    /// The shipped directory: `$BARGAIN_WORKFLOWS`, else `./workflows`, else the `workflows`
    /// folder beside the package the executable was built in, else `<prefix>/share/bargain/workflows`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = RunningExecutable.path) -> String? {
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

    /// The engine for a negotiation pinned to `reference`. A running negotiation keeps the rules
    /// it opened with: if the file has changed since (another digest), this refuses rather than
    /// silently applying new rules to old facts.
    public func engine(for reference: WorkflowReference) throws(PinnedWorkflowError) -> Engine {
        guard let workflow = workflows.values.first(where: { $0.name == reference.name }) else {
            throw PinnedWorkflowError(pinned: reference, current: nil, directory: path)
        }
        guard workflow.version == reference.version, workflow.digest == reference.digest else {
            throw PinnedWorkflowError(pinned: reference, current: workflow.reference, directory: path)
        }
        return Engine(workflow: workflow, context: context)
    }
}

/// A negotiation pinned to a workflow that the directory no longer has as it was.
public struct PinnedWorkflowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var pinned: WorkflowReference
    public var current: WorkflowReference?
    public var directory: String

    public var description: String {
        guard let current else {
            return "the negotiation runs workflow \(pinned), which is not in \(directory)"
        }
        return "the negotiation runs workflow \(pinned) but \(directory) now has \(current); a running negotiation keeps the rules it opened with — restore that file (or point --workflows at a copy of it) to continue"
    }
}
