import Bargaining
import BargainingFiles
@testable import BargainingXML
import FoundationEssentials

/// Paths and shared values for the tests. FoundationEssentials rather than Foundation: this
/// target also imports XMLCore, whose libxml2 headers clash with Foundation's ICU in a clean
/// build (see shared/design/PLATFORM.md).
enum Fixtures {
    /// The package root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let workflows = root + "/workflows"
    static let schemaDirectory = root + "/exports/schema"
    static let samplesDirectory = root + "/exports/samples"
    /// The OASIS schema kept beside the package (`../shared`), as CI has it.
    static let aknSchema = URL(fileURLWithPath: root).deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/akn/akomantoso30.xsd").path

    static let directory: WorkflowDirectory = {
        do { return try WorkflowDirectory.load(workflows) } catch { fatalError("cannot load \(workflows): \(error)") }
    }()

    /// Compiled schemas; not Sendable, so each test makes its own.
    static func schemas() throws -> ExportSchemas {
        try ExportSchemas(directory: schemaDirectory, aknSchema: aknSchema)
    }

    static var isCI: Bool { environment("CI") == "true" }

    static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}
