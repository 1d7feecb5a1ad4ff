#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Bargaining
import BargainingFiles

/// The repository the tests belong to, found from this file's path: its shipped `workflows/` are
/// what the tests check, never copies of them. One place for every test target.
public enum Repository {
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    public static let workflows = root.appendingPathComponent("workflows")
    public static var workflowsPath: String { workflows.path }

    /// A file of the shipped workflows directory, e.g. `policy/beijing.yaml`.
    public static func workflow(_ name: String) -> String { workflows.appendingPathComponent(name).path }

    /// The shipped workflows directory, loaded once for all tests.
    public static let directory: WorkflowDirectory = {
        do { return try WorkflowDirectory.load(workflowsPath) } catch { fatalError("workflows/ does not load: \(error)") }
    }()

    public static func engine(_ level: Level = .enterprise) -> Engine { directory.engine(for: level) }
}
