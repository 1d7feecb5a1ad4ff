import Bargaining
import BargainingFiles
@testable import BargainingXML
import FoundationEssentials
import TestSupport

/// Paths and shared values for the tests. FoundationEssentials rather than Foundation: this
/// target also imports XMLCore, whose libxml2 headers clash with Foundation's ICU in a clean
/// build (see shared/design/PLATFORM.md).
enum Fixtures {
    static let root = Repository.root.path
    static let workflows = Repository.workflowsPath
    static let schemaDirectory = root + "/exports/schema"
    static let samplesDirectory = root + "/exports/samples"
    /// The OASIS schema kept beside the package (`../shared`), as CI has it.
    static let aknSchema = URL(fileURLWithPath: root).deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/akn/akomantoso30.xsd").path

    static var directory: WorkflowDirectory { Repository.directory }

    /// Compiled schemas; not Sendable, so each test makes its own.
    static func schemas() throws -> ExportSchemas {
        try ExportSchemas(directory: schemaDirectory, aknSchema: aknSchema)
    }

    static var isCI: Bool { environment("CI") == "true" }

    static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}
