/// The `workflows/` directory as shipped or as a district adapted it: one workflow per level, the
/// policy, the holiday calendar, the minimum wage and the wage guideline. Everything the engine
/// consults, loaded once (by `WorkflowDirectory.load` in `BargainingFiles`).
public struct WorkflowDirectory: Sendable {
    public var path: String
    public var workflows: [Level: Workflow]
    public var context: EngineContext

    /// `path` names where the files came from (in errors and in `bargain workflow` output);
    /// reading them is the edge's work (`BargainingFiles`), so the core stays free of IO.
    public init(path: String, workflows: [Level: Workflow], context: EngineContext) {
        self.path = path
        self.workflows = workflows
        self.context = context
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
