import FoundationEssentials
import Bargaining
import BargainingFiles
internal import XMLCore

/// The compiled schemas exports are validated against: ours (`exports/schema/`) and, for the
/// Akoma Ntoso rendition, the OASIS schema (compiled on first use; it is large).
///
/// Holds libxml2 schemas, so it stays on one thread.
public final class ExportSchemas {
    public static let contractFileName = "bargain-contract-1.0.xsd"
    public static let congressFileName = "bargain-congress-1.0.xsd"
    public static let aknFileName = "akomantoso30.xsd"
    /// The W3C schema of the `xml:` attributes (`xml:lang`), which ours import.
    public static let xmlNamespaceFileName = "xml.xsd"
    /// The XSLT 1.0 stylesheet that renders our documents as a printable Chinese page; it lives
    /// beside the schemas and travels in a bag beside the documents (`data/`).
    public static let stylesheetFileName = "bargain-filing.xsl"
    /// The `xml-stylesheet` processing instruction every own-format document starts with, so a
    /// browser opening it beside the stylesheet shows the page.
    static let stylesheetInstruction = "type=\"text/xsl\" href=\"\(stylesheetFileName)\""

    /// The directory holding our two schemas.
    public let directory: String
    /// The OASIS Akoma Ntoso 3.0 schema (with its `xml.xsd` beside it), if known.
    public let aknSchemaPath: String?

    let contract: XMLSchema
    let congress: XMLSchema
    private var compiledAKN: XMLSchema?

    /// Compiles our two schemas from `directory`; `aknSchema` is compiled when first needed.
    public init(directory: String, aknSchema: String? = nil) throws(ExportError) {
        self.directory = directory
        self.aknSchemaPath = aknSchema
        contract = try Self.compile(Self.join(directory, Self.contractFileName))
        congress = try Self.compile(Self.join(directory, Self.congressFileName))
    }

    public var contractSchemaPath: String { Self.join(directory, Self.contractFileName) }
    public var congressSchemaPath: String { Self.join(directory, Self.congressFileName) }
    public var xmlNamespaceSchemaPath: String { Self.join(directory, Self.xmlNamespaceFileName) }
    public var stylesheetPath: String { Self.join(directory, Self.stylesheetFileName) }

    func schema(for kind: ExportedDocument.Kind, format: ExportFormat) throws(ExportError) -> (XMLSchema, String) {
        switch (format, kind) {
        case (.own, .contract): return (contract, contractSchemaPath)
        case (.own, .congressRecord): return (congress, congressSchemaPath)
        case (.akn, _):
            guard let path = aknSchemaPath else {
                throw .schemaUnavailable(
                    path: Self.aknFileName,
                    reason: "the Akoma Ntoso rendition is validated against the OASIS schema before it is written, and none was found; set BARGAIN_AKN_SCHEMA to akomantoso30.xsd (with xml.xsd beside it)")
            }
            if let compiledAKN { return (compiledAKN, path) }
            let schema = try Self.compile(path)
            compiledAKN = schema
            return (schema, path)
        }
    }

    private static func compile(_ path: String) throws(ExportError) -> XMLSchema {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .schemaUnavailable(path: path, reason: "no such file")
        }
        do {
            return try XMLSchema(contentsOfFile: path)
        } catch {
            throw .schemaUnavailable(path: path, reason: error.description)
        }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Where the schemas are: `$BARGAIN_SCHEMAS`, else `exports/schema` in the current directory,
    /// else beside the package the executable was built in (or `<prefix>/share/bargain/schema`).
    /// The Akoma Ntoso schema: `$BARGAIN_AKN_SCHEMA`, else `akn/akomantoso30.xsd` under the schema
    /// directory, else the project's shared copy at `../shared/schemas/akn/` beside the package.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = RunningExecutable.path
    ) -> (directory: String?, aknSchema: String?) {
        let manager = FileManager.default
        var candidates: [String] = []
        if let explicit = environment["BARGAIN_SCHEMAS"] {
            candidates.append(explicit)
        } else {
            candidates.append(join(manager.currentDirectoryPath, "exports/schema"))
            var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(directory.appendingPathComponent("exports/schema").path)
                candidates.append(directory.appendingPathComponent("share/bargain/schema").path)
                directory.deleteLastPathComponent()
            }
        }
        let schemaDirectory = candidates.first { manager.fileExists(atPath: join($0, contractFileName)) }

        var aknCandidates: [String] = []
        if let explicit = environment["BARGAIN_AKN_SCHEMA"] { aknCandidates.append(explicit) }
        if let schemaDirectory {
            aknCandidates.append(join(schemaDirectory, "akn/\(aknFileName)"))
            // exports/schema → the package root → its sibling shared/.
            let root = URL(fileURLWithPath: schemaDirectory).deletingLastPathComponent().deletingLastPathComponent()
            aknCandidates.append(root.deletingLastPathComponent().appendingPathComponent("shared/schemas/akn/\(aknFileName)").path)
        }
        let akn = aknCandidates.first { manager.fileExists(atPath: $0) }
        return (schemaDirectory, akn)
    }
}

@available(*, unavailable, message: "ExportSchemas owns libxml2 schemas; keep it on one thread")
extension ExportSchemas: Sendable {}
