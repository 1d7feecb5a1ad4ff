import Bargaining
import BargainingKeys
import BargainingServer
import BargainingService
import BargainingStore
import BargainingXML
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import XMLCore
import TestSupport

/// A city server with `/oai` over a fresh SQLite store holding two filed negotiations (the
/// enterprise sample ENT-2025-001 and the regional sample REG-2025-001, each a contract and two
/// congress records) and one that is only opened (ENT-2025-002), which must never show. Lists
/// come one negotiation per page, so every list of more than one is resumed.
struct OAIFixture: LiveServerFixture {
    static let root = Repository.root
    static let schemas = root.appendingPathComponent("exports/schema").path
    static let fixtures = root.appendingPathComponent("Tests/BargainingServerTests/Fixtures").path
    static let unfiled = "ENT-2025-002"
    /// The policy's archive depositor's credit code (workflows/policy/beijing.yaml).
    static let prefix = "urn:bargain:81110302MC00000016:"

    let directory: URL
    let store: SQLiteEventStore
    let catalog: WorkflowCatalog
    let server: CityServer

    static func make(signer: SigningKey? = nil) async throws -> OAIFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bargain-oai-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteEventStore(path: directory.appendingPathComponent("city.sqlite").path)
        let catalog = WorkflowCatalog(path: ServerFixture.workflows)
        let service = LocalNegotiationService(store: store, workflows: catalog)
        let scripts = [SampleNegotiations.enterprise(workflow: try catalog.engine(for: .enterprise).workflow.reference),
                       SampleNegotiations.regional(workflow: try catalog.engine(for: .regional).workflow.reference)]
        for script in scripts {
            _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil)
            for act in script.acts { _ = try await service.act(act.action, on: script.opening.id, by: act.actor, on: act.on, requestID: nil) }
        }
        let opened = SampleNegotiations.enterprise(id: unfiled, workflow: try catalog.engine(for: .enterprise).workflow.reference)
        _ = try await service.open(opened.opening, by: opened.openedBy, on: opened.openedOn, requestID: nil)
        let akn = root.deletingLastPathComponent().appendingPathComponent("shared/schemas/akn/akomantoso30.xsd").path
        let oai = OAIConfiguration(schemaDirectory: schemas, aknSchema: FileManager.default.fileExists(atPath: akn) ? akn : nil,
                                   signer: signer, adminEmail: "archive@example.org", pageSize: 1)
        let server = CityServer(store: store, workflows: catalog, accounts: AccountService(store: store, bcryptCost: 4),
                                configuration: .init(port: 0, today: { Day("2025-07-01")! }, oai: oai), version: "test")
        return OAIFixture(directory: directory, store: store, catalog: catalog, server: server)
    }

    /// What `bargain export` writes for `id` in `format` at `exportedAt`, as of the server's
    /// today: the library function the command calls.
    func exported(_ id: String, format: ExportFormat, exportedAt: Date, akn: Bool = false) async throws -> [ExportedDocument] {
        let exporter = Exporter(schemas: try ExportSchemas(directory: Self.schemas, aknSchema: akn ? server.configuration.oai?.aknSchema : nil),
                                policy: try catalog.directory(for: .enterprise).context.policy, signer: nil, exportedAt: exportedAt)
        return try await exporter.documents(negotiation: id, in: store, format: format, asOf: server.configuration.today()) {
            try catalog.engine(for: $0.workflow, level: $0.level)
        }
    }
}

/// An OAI-PMH response as the tests read it.
struct OAIDocument {
    static let namespace = "http://www.openarchives.org/OAI/2.0/"
    let bytes: [UInt8]
    let root: XMLElement

    init(_ response: TestResponse) throws {
        bytes = Array(response.body.readableBytesView)
        root = try SafeXMLReader().read(bytes, documentName: "response")
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    func child(_ name: String) -> XMLElement? { root.firstChild(named: name, namespace: Self.namespace) }

    /// The error codes, in order.
    var errors: [String] { root.children(named: "error", namespace: Self.namespace).compactMap { $0.attribute("code") } }

    var responseDate: String { child("responseDate")?.text ?? "" }

    /// The headers of a ListIdentifiers, ListRecords or GetRecord answer.
    var headers: [XMLElement] {
        guard let verb = root.elements.last else { return [] }
        return verb.elements.flatMap { $0.name == "header" ? [$0] : $0.children(named: "header", namespace: Self.namespace) }
    }

    var identifiers: [String] { headers.compactMap { $0.firstChild(named: "identifier", namespace: Self.namespace)?.text } }

    /// The resumption token: nil when absent, "" when present and empty.
    var resumptionToken: String? { root.elements.last?.firstChild(named: "resumptionToken", namespace: Self.namespace)?.text }

    /// The `metadata` elements' content as it stands in the response, one string per record.
    var embeddedMetadata: [String] {
        text.components(separatedBy: "<metadata>").dropFirst().map { part in
            String(part[..<part.range(of: "</metadata>")!.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// xmllint's verdict against `schema` (a file in Tests/BargainingServerTests/Fixtures):
    /// nil when valid, else its messages.
    func xmllintProblems(schema: String = "OAI-PMH.xsd") throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("oai-\(UUID().uuidString).xml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", "--schema", OAIFixture.fixtures + "/" + schema, file.path]
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let messages = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : messages
    }
}

extension ExportedDocument {
    /// The document's root element as its bytes stand in the file (no declaration, no
    /// processing instruction).
    var rootElementText: String {
        let text = String(decoding: bytes, as: UTF8.self)
        var rest = text[...]
        while let open = rest.range(of: "<"), rest[open.upperBound...].first == "?" {
            rest = rest[rest.range(of: "?>", range: open.upperBound..<rest.endIndex)!.upperBound...]
        }
        return rest.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
