import Bargaining
import BargainingService
import BargainingStore
import BargainingXML
import Foundation
import Hummingbird
import NIOCore

/// `/oai`: OAI-PMH 2.0 over the store's filed negotiations, for archives to harvest. Public, as
/// harvesters expect: it serves filed contracts and congress records only, the documents an
/// archive receives anyway, and says nothing of negotiations that are not filed (not even that
/// they exist). GET with a query string or POST with a form body (§3.1.1); our own schemas are
/// served at `/oai/schema/FILE` for `ListMetadataFormats` to point to.
struct OAIRoutes {
    let repository: OAIRepository
    let configuration: OAIConfiguration

    init(store: any EventStore, workflows: WorkflowCatalog, configuration: OAIConfiguration, today: @escaping @Sendable () -> Day) {
        repository = OAIRepository(store: store, workflows: workflows, configuration: configuration, today: today)
        self.configuration = configuration
    }

    func add(to router: Router<ServerContext>) {
        router.get("oai") { request, _ in
            try await respond(to: OAIArguments(formEncoded: Substring(request.uri.query ?? "")), request)
        }
        router.post("oai") { request, context in
            guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false else {
                throw Problem(.unsupportedMediaType, "oai-form-expected", title: "OAI-PMH POST needs a form body",
                              detail: "send the arguments as application/x-www-form-urlencoded (OAI-PMH 2.0 §3.1.1.2)")
            }
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            return try await respond(to: OAIArguments(formEncoded: Substring(String(buffer: body))), request)
        }
        router.get("oai/schema/:file") { _, context in try schema(try context.parameters.require("file")) }
    }

    /// The response to one request: always HTTP 200 with an OAI-PMH document, errors included.
    func respond(to arguments: OAIArguments?, _ request: Request) async throws -> Response {
        let now = Date.now
        let baseURL = "http://\(request.head.authority ?? "localhost")/oai"
        let verbs = OAIVerbs(repository: repository, configuration: configuration, baseURL: baseURL, now: now)
        let bytes: [UInt8]
        if let arguments {
            bytes = try await verbs.answer(arguments)
        } else {
            bytes = try verbs.failure(OAIError(.badArgument, "the arguments are not properly URL-encoded"), arguments: nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/xml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// bargain-contract-1.0.xsd, bargain-congress-1.0.xsd or xml.xsd (which they import).
    func schema(_ file: String) throws -> Response {
        let served = [ExportSchemas.contractFileName, ExportSchemas.congressFileName, ExportSchemas.xmlNamespaceFileName]
        guard served.contains(file),
              let bytes = FileManager.default.contents(atPath: configuration.schemaDirectory + "/" + file) else {
            throw Problem(.notFound, "no-such-schema", title: "No such schema", detail: "the schemas here are \(served.joined(separator: ", "))")
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/xml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
