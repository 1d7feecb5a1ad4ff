import Bargaining
import BargainingKeys
import BargainingServer
import BargainingXML
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XMLCore

/// `/oai`, OAI-PMH 2.0 (issue 17 item 7), over a live server: every verb, every error condition
/// the protocol defines, resumption across pages, records identical to `bargain export`'s
/// documents, and every response valid against the OAI-PMH schema by xmllint.
@Suite("OAI-PMH harvesting", .serialized)
struct OAITests {
    static let district = "district:" + "北京经济技术开发区".utf8.map { String(format: "%02x", $0) }.joined()

    func get(_ client: any TestClientProtocol, _ query: String) async throws -> OAIDocument {
        let response = try await client.execute(uri: "/oai?" + query, method: .get)
        #expect(response.status == .ok, "OAI-PMH answers every request, errors included, with 200")
        #expect(response.headers[.contentType] == "text/xml; charset=utf-8")
        return try OAIDocument(response)
    }

    /// Follows resumption tokens to the end of a list; every part must validate.
    func harvest(_ client: any TestClientProtocol, _ query: String) async throws -> [OAIDocument] {
        var parts = [try await get(client, query)]
        while let token = parts.last?.resumptionToken, !token.isEmpty {
            let verb = query.components(separatedBy: "&")[0]
            parts.append(try await get(client, "\(verb)&resumptionToken=\(token)"))
            #expect(parts.count < 20, "the list ends")
        }
        for part in parts {
            let problems = try part.xmllintProblems(schema: "oai-bargain.xsd")
            #expect(problems == nil, "\(problems ?? "")")
        }
        return parts
    }

    @Test("Identify states the repository: base URL, granularity to the second, no deleted records, the admin address")
    func identify() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let answer = try await get(client, "verb=Identify")
            #expect(try answer.xmllintProblems() == nil)
            let identify = try #require(answer.child("Identify"))
            let value = { (name: String) in identify.firstChild(named: name, namespace: OAIDocument.namespace)?.text }
            #expect(value("baseURL")?.hasSuffix("/oai") == true)
            #expect(value("protocolVersion") == "2.0")
            #expect(value("deletedRecord") == "no")
            #expect(value("granularity") == "YYYY-MM-DDThh:mm:ssZ")
            #expect(value("adminEmail") == "archive@example.org")
            #expect(value("repositoryName")?.contains("北京经济技术开发区总工会") == true)
            #expect(answer.child("request")?.attribute("verb") == "Identify")
        }
    }

    @Test("ListMetadataFormats: oai_dc, our own two formats and akn; for one item, the formats of its kind")
    func metadataFormats() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            func prefixes(_ answer: OAIDocument) -> [String] {
                answer.child("ListMetadataFormats")?.children(named: "metadataFormat", namespace: OAIDocument.namespace)
                    .compactMap { $0.firstChild(named: "metadataPrefix", namespace: OAIDocument.namespace)?.text } ?? []
            }
            let all = try await get(client, "verb=ListMetadataFormats")
            #expect(try all.xmllintProblems() == nil)
            #expect(Set(prefixes(all)).isSuperset(of: ["oai_dc", "bargain-contract", "bargain-congress"]))
            let contract = try await get(client, "verb=ListMetadataFormats&identifier=\(OAIFixture.prefix)ENT-2025-001")
            #expect(!prefixes(contract).contains("bargain-congress") && prefixes(contract).contains("bargain-contract"))
            let record = try await get(client, "verb=ListMetadataFormats&identifier=\(OAIFixture.prefix)ENT-2025-001-congress-2")
            #expect(!prefixes(record).contains("bargain-contract") && prefixes(record).contains("bargain-congress"))
            let unfiled = try await get(client, "verb=ListMetadataFormats&identifier=\(OAIFixture.prefix)\(OAIFixture.unfiled)")
            #expect(unfiled.errors == ["idDoesNotExist"], "a negotiation that is not filed is not revealed")
            #expect(try unfiled.xmllintProblems() == nil)
        }
    }

    @Test("ListIdentifiers pages by negotiation with resumption tokens, ends with an empty token, and lists filed documents only")
    func listIdentifiersResumes() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let parts = try await harvest(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
            #expect(parts.count == 2, "one negotiation per page")
            #expect(parts[0].resumptionToken?.isEmpty == false)
            #expect(parts[1].resumptionToken == "", "the last part of a resumed list has an empty token")
            let identifiers = parts.flatMap(\.identifiers)
            #expect(identifiers == ["ENT-2025-001", "ENT-2025-001-congress-1", "ENT-2025-001-congress-2",
                                    "REG-2025-001", "REG-2025-001-congress-1", "REG-2025-001-congress-2"].map { OAIFixture.prefix + $0 })
            #expect(!parts.contains { $0.text.contains(OAIFixture.unfiled) })
            let header = try #require(parts[0].headers.first)
            let datestamp = try #require(header.firstChild(named: "datestamp", namespace: OAIDocument.namespace)?.text)
            #expect(OAIDatestampCheck.isSeconds(datestamp), "\(datestamp)")
            #expect(header.children(named: "setSpec", namespace: OAIDocument.namespace).map(\.text) == ["level:enterprise", Self.district])

            let contracts = try await harvest(client, "verb=ListIdentifiers&metadataPrefix=bargain-contract").flatMap(\.identifiers)
            #expect(contracts == [OAIFixture.prefix + "ENT-2025-001", OAIFixture.prefix + "REG-2025-001"])
        }
    }

    @Test("ListRecords and GetRecord carry exactly the documents bargain export writes, and validate with our schemas")
    func recordsAreTheExports() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            for (prefix, kind) in [("bargain-contract", ExportedDocument.Kind.contract), ("bargain-congress", .congressRecord)] {
                var served: [String] = []
                var expected: [String] = []
                for part in try await harvest(client, "verb=ListRecords&metadataPrefix=\(prefix)") {
                    served += part.embeddedMetadata
                    // The server stamps its documents with the response's time, to the second.
                    let exportedAt = try #require(try? Date(part.responseDate, strategy: .iso8601))
                    for id in ["ENT-2025-001", "REG-2025-001"] where part.identifiers.contains(where: { $0.contains(":" + id) }) {
                        expected += try await fixture.exported(id, format: .own, exportedAt: exportedAt)
                            .filter { $0.kind == kind }.map(\.rootElementText)
                    }
                }
                #expect(served.count == (kind == .contract ? 2 : 4))
                #expect(served == expected, "byte for byte the exported root elements")
            }
            let record = try await get(client, "verb=GetRecord&identifier=\(OAIFixture.prefix)ENT-2025-001&metadataPrefix=bargain-contract")
            #expect(try record.xmllintProblems(schema: "oai-bargain.xsd") == nil)
            let exportedAt = try #require(try? Date(record.responseDate, strategy: .iso8601))
            let contract = try await fixture.exported("ENT-2025-001", format: .own, exportedAt: exportedAt)[0]
            #expect(record.embeddedMetadata == [contract.rootElementText])

            let dublinCore = try await harvest(client, "verb=ListRecords&metadataPrefix=oai_dc")
            let first = dublinCore[0].embeddedMetadata[0]
            #expect(first.hasPrefix("<oai_dc:dc") && first.contains("<dc:title xml:lang=\"zh-CN\">2025年度工资专项集体协商</dc:title>"), "\(first)")
        }
    }

    @Test("a signed record taken out of the response verifies with xmlsec1 on its own; a changed byte does not")
    func signedRecordsVerify() async throws {
        let key = SigningKey.generate()
        let fixture = try await OAIFixture.make(signer: key)
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let record = try await get(client, "verb=GetRecord&identifier=\(OAIFixture.prefix)ENT-2025-001-congress-1&metadataPrefix=bargain-congress")
            let document = try #require(record.embeddedMetadata.first)
            #expect(document.contains("<ds:Signature") || document.contains("Signature xmlns"), "signed: \(document.prefix(200))")
            #expect(try XMLSecVerify.verifies(document, publicKey: key.publicKey.pem))
            #expect(try !XMLSecVerify.verifies(document.replacingOccurrences(of: "<total>65</total>", with: "<total>66</total>"),
                                               publicKey: key.publicKey.pem))
        }
    }

    @Test("a negotiation whose hash chain is broken is not served: it is left out of lists and GetRecord does not find it")
    func brokenChainIsLeftOut() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        // An edited row, as an intruder with the database file would leave it (sqlite3, not our code).
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [fixture.directory.appendingPathComponent("city.sqlite").path,
                            "UPDATE events SET body = body || ' ' WHERE negotiation_id = 'ENT-2025-001' AND sequence = 11"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        try await fixture.withLiveServer { client in
            let contracts = try await harvest(client, "verb=ListIdentifiers&metadataPrefix=bargain-contract").flatMap(\.identifiers)
            #expect(contracts == [OAIFixture.prefix + "REG-2025-001"])
            let record = try await get(client, "verb=GetRecord&identifier=\(OAIFixture.prefix)ENT-2025-001&metadataPrefix=oai_dc")
            #expect(record.errors == ["idDoesNotExist"])
        }
    }

    @Test("akn: the Akoma Ntoso rendition bargain export --format akn writes, for contracts and congress records alike")
    func akomaNtoso() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try #require(fixture.server.configuration.oai?.aknSchema != nil, "the OASIS schema beside the package (../shared/schemas/akn)")
        try await fixture.withLiveServer { client in
            let record = try await get(client, "verb=GetRecord&identifier=\(OAIFixture.prefix)ENT-2025-001-congress-2&metadataPrefix=akn")
            let exportedAt = try #require(try? Date(record.responseDate, strategy: .iso8601))
            let exported = try await fixture.exported("ENT-2025-001", format: .akn, exportedAt: exportedAt, akn: true)
            #expect(record.errors.isEmpty && record.embeddedMetadata == [exported[2].rootElementText])
        }
    }

    @Test("sets by level and by district select their records; ListSets names them")
    func sets() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let sets = try await get(client, "verb=ListSets")
            #expect(try sets.xmllintProblems() == nil)
            let specs = sets.child("ListSets")?.children(named: "set", namespace: OAIDocument.namespace)
                .compactMap { $0.firstChild(named: "setSpec", namespace: OAIDocument.namespace)?.text } ?? []
            #expect(Set(specs).isSuperset(of: ["level", "level:enterprise", "level:regional", "district", Self.district]))
            let regional = try await harvest(client, "verb=ListIdentifiers&metadataPrefix=bargain-contract&set=level:regional")
            #expect(regional.flatMap(\.identifiers) == [OAIFixture.prefix + "REG-2025-001"])
            let district = try await harvest(client, "verb=ListIdentifiers&metadataPrefix=bargain-contract&set=\(Self.district)")
            #expect(district.flatMap(\.identifiers).count == 2)
            let elsewhere = "district:" + "大兴区".utf8.map { String(format: "%02x", $0) }.joined()
            #expect(try await get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc&set=\(elsewhere)").errors == ["noRecordsMatch"])
            #expect(try await get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc&set=level:national").errors == ["noRecordsMatch"])
        }
    }

    @Test("from and until select by datestamp, at either granularity")
    func dates() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let today = String(Date.now.ISO8601Format().prefix(10))
            let all = try await harvest(client, "verb=ListIdentifiers&metadataPrefix=bargain-contract&from=\(today)&until=\(today)")
            #expect(all.flatMap(\.identifiers).count == 2)
            let past = try await get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01T00:00:00Z")
            #expect(past.errors == ["noRecordsMatch"])
            #expect(try past.xmllintProblems() == nil)
            let future = try await get(client, "verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01")
            #expect(future.errors == ["noRecordsMatch"])
        }
    }

    @Test("every error condition, each with the code the protocol gives it and a schema-valid response",
          arguments: [
              ("", "badVerb"),
              ("verb=Harvest", "badVerb"),
              ("verb=Identify&verb=Identify", "badVerb"),
              ("verb=ListRecords", "badArgument"),
              ("verb=Identify&metadataPrefix=oai_dc", "badArgument"),
              ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
              ("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument"),
              ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-13-01", "badArgument"),
              ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01&until=2025-12-31T00:00:00Z", "badArgument"),
              ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-02-01&until=2025-01-01", "badArgument"),
              ("verb=GetRecord&identifier=urn:bargain:81110302MC00000016:ENT-2025-001", "badArgument"),
              ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=%ZZ", "badArgument"),
              ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
              ("verb=GetRecord&identifier=urn:bargain:81110302MC00000016:ENT-2025-001&metadataPrefix=bargain-congress", "cannotDisseminateFormat"),
              ("verb=GetRecord&identifier=urn:bargain:81110302MC00000016:ENT-2025-002&metadataPrefix=oai_dc", "idDoesNotExist"),
              ("verb=GetRecord&identifier=urn:bargain:81110302MC00000016:ENT-2025-001-congress-9&metadataPrefix=oai_dc", "idDoesNotExist"),
              ("verb=GetRecord&identifier=oai:elsewhere:ENT-2025-001&metadataPrefix=oai_dc", "idDoesNotExist"),
              ("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken"),
              ("verb=ListSets&resumptionToken=abc", "badResumptionToken"),
          ])
    func errors(query: String, code: String) async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let answer = try await get(client, query)
            #expect(answer.errors == [code], "\(query): \(answer.text)")
            #expect(try answer.xmllintProblems() == nil, "\(query)")
            let request = try #require(answer.child("request"))
            if code == "badVerb" || code == "badArgument" {
                #expect(request.attributes.isEmpty, "after \(code) the request element carries no arguments (§3.2)")
            } else {
                #expect(request.attribute("verb") != nil)
            }
        }
    }

    @Test("a token is only good for its own verb, and an altered one is refused")
    func tokensAreChecked() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let first = try await get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
            let token = try #require(first.resumptionToken)
            #expect(try await get(client, "verb=ListRecords&resumptionToken=\(token)").errors == ["badResumptionToken"])
            #expect(try await get(client, "verb=ListIdentifiers&resumptionToken=\(token)x").errors == ["badResumptionToken"])
            #expect(try await get(client, "verb=ListIdentifiers&resumptionToken=\(token)").errors.isEmpty)
        }
    }

    @Test("POST with a form body answers as GET does; another body type is refused")
    func post() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let response = try await client.execute(uri: "/oai", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "verb=GetRecord&identifier=urn%3Abargain%3A81110302MC00000016%3AENT-2025-001&metadataPrefix=oai_dc"))
            let answer = try OAIDocument(response)
            #expect(answer.errors.isEmpty && answer.identifiers == [OAIFixture.prefix + "ENT-2025-001"], "\(answer.text)")
            let json = try await client.execute(uri: "/oai", method: .post, headers: [.contentType: "application/json"],
                                                body: ByteBuffer(string: #"{"verb":"Identify"}"#))
            #expect(json.status == .unsupportedMediaType)
        }
    }

    @Test("the schemas ListMetadataFormats points to are served")
    func schemasAreServed() async throws {
        let fixture = try await OAIFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let schema = try await client.execute(uri: "/oai/schema/bargain-contract-1.0.xsd", method: .get)
            #expect(schema.status == .ok && String(buffer: schema.body).contains("urn:bargain:contract:1.0"))
            #expect(try await client.execute(uri: "/oai/schema/..%2Fworkflows", method: .get).status == .notFound)
        }
    }
}

enum OAIDatestampCheck {
    /// `YYYY-MM-DDThh:mm:ssZ`.
    static func isSeconds(_ text: String) -> Bool {
        text.count == 20 && text.hasSuffix("Z") && (try? Date(text, strategy: .iso8601)) != nil
    }
}

/// `xmlsec1 --verify`, a tool nobody here wrote, on a document with the public key in PEM.
enum XMLSecVerify {
    static func verifies(_ document: String, publicKey: String) throws -> Bool {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("oai-sig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(document.utf8).write(to: directory.appendingPathComponent("record.xml"))
        try Data(publicKey.utf8).write(to: directory.appendingPathComponent("public.pem"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmlsec1")
        process.arguments = ["--verify", "--pubkey-pem", directory.appendingPathComponent("public.pem").path,
                             directory.appendingPathComponent("record.xml").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
