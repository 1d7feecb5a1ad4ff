import Bargaining
import BargainingFiles
import Foundation

/// The workflows directory, read a level at a time: `bargain do` on an enterprise negotiation
/// parses enterprise.yaml (with the policy, calendar and minimum wage) and not the other two,
/// which keeps its start-up within the latency goal. A catalog made from a whole directory (the
/// demo) answers from it.
public final class WorkflowCatalog: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var directories: [Level: WorkflowDirectory] = [:]

    public init(path: String) { self.path = path }

    public init(_ directory: WorkflowDirectory) {
        path = directory.path
        for level in Level.allCases { directories[level] = directory }
    }

    /// A directory holding at least `level`'s workflow.
    public func directory(for level: Level) throws -> WorkflowDirectory {
        lock.lock()
        defer { lock.unlock() }
        if let directory = directories[level] { return directory }
        let directory = try WorkflowDirectory.load(path, levels: [level])
        directories[level] = directory
        return directory
    }

    /// The current workflow of `level`, for opening a negotiation.
    public func engine(for level: Level) throws -> Engine { try directory(for: level).engine(for: level) }

    /// The workflow a negotiation of `level` is pinned to, refused if its file has changed since.
    public func engine(for reference: WorkflowReference, level: Level) throws -> Engine {
        try directory(for: level).engine(for: reference)
    }
}
