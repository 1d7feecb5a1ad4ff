import BargainingKeys
import Bargaining
@testable import BargainingXML
import Testing
@testable import XMLSecurity
import TestSupport

/// Every exported document carries a W3C XML Signature that xmlsec1, a tool nobody here wrote,
/// verifies with the depositor's public key alone; a changed byte fails it; `bargain import`
/// refuses what is altered, unsigned or signed by a key the archive does not trust (issue 17
/// item 2).
@Suite struct SignatureTests {
    let schemas: ExportSchemas
    let key = SigningKey.generate()

    init() throws {
        schemas = try Fixtures.schemas()
    }

    func signedDocuments(_ format: ExportFormat = .own) throws -> [ExportedDocument] {
        let exporter = Exporter(schemas: schemas, deposit: SampleExports.deposit(Fixtures.directory), signer: key)
        return try SampleExports.histories(Fixtures.directory, link: Samples.placeholderLink)
            .flatMap { try exporter.documents(for: $0, format: format) }
    }

    /// `document` with one byte of its content changed (a digit of the pay day or a vote count).
    static func oneByteChanged(_ bytes: [UInt8]) -> [UInt8] {
        var changed = bytes
        let marker = Array("<total>".utf8)
        let at = (0..<(bytes.count - marker.count)).first { Array(bytes[$0..<$0 + marker.count]) == marker }! + marker.count
        changed[at] = changed[at] == UInt8(ascii: "9") ? UInt8(ascii: "8") : changed[at] + 1
        return changed
    }

    @Test(arguments: ExportFormat.allCases)
    func xmlsec1VerifiesEveryDocumentAndFailsOneChangedByte(_ format: ExportFormat) throws {
        guard try ExternalTools.require(.xmlsec1) else { return }
        let directory = TemporaryDirectory()
        let publicKey = directory.write("public.pem", Array(key.publicKey.pem.utf8))
        let documents = try signedDocuments(format)
        #expect(documents.count == 6)
        for document in documents {
            let file = directory.write(document.fileName, document.bytes)
            let verified = Subprocess.run(["xmlsec1", "--verify", "--pubkey-pem", publicKey, file])
            #expect(verified.status == 0 && verified.output.hasPrefix("OK"), "\(document.fileName): \(verified.output)")
            #expect(!String(decoding: document.bytes, as: UTF8.self).contains("PRIVATE"), "the private key never enters an export")
            if format == .own {
                let changed = directory.write("changed-" + document.fileName, Self.oneByteChanged(document.bytes))
                let failed = Subprocess.run(["xmlsec1", "--verify", "--pubkey-pem", publicKey, changed])
                #expect(failed.status != 0 && failed.output.contains("FAIL"), "\(document.fileName): \(failed.output)")
            }
        }
    }

    @Test func importAcceptsTrustedSignaturesAndRefusesTheRest() throws {
        let trusting = FilingImporter(schemas: schemas, signatures: SignaturePolicy(trustedKeys: [key.publicKey]))
        let stranger = SigningKey.generate()
        let suspicious = FilingImporter(schemas: schemas, signatures: SignaturePolicy(trustedKeys: [stranger.publicKey]))
        let open = FilingImporter(schemas: schemas)
        for document in try signedDocuments() {
            let name = document.fileName
            #expect(throws: Never.self) { try trusting.importDocument(document.bytes, name: name) }
            #expect(throws: Never.self) { try open.importDocument(document.bytes, name: name) }
            #expect(suspicious.refusal(document.bytes, name) == .signature(document: name, .untrusted(fingerprint: key.publicKey.fingerprint)))
            let changed = Self.oneByteChanged(document.bytes)
            #expect(open.refusal(changed, name) == .signature(document: name, .altered(fingerprint: key.publicKey.fingerprint)))
            #expect(trusting.refusal(changed, name) == .signature(document: name, .altered(fingerprint: key.publicKey.fingerprint)))
        }
        let unsigned = try Samples.readFile(Fixtures.samplesDirectory + "/ENT-2025-001.contract.xml")
        #expect(trusting.refusal(unsigned, "unsigned.xml") == .signature(document: "unsigned.xml", .unsigned(trusted: 1)))
        #expect(throws: Never.self) { try open.importDocument(unsigned, name: "unsigned.xml") }
    }

    @Test func aSignatureOverAnythingButTheWholeDocumentIsRefused() throws {
        let document = try signedDocuments()[0]
        let text = String(decoding: document.bytes, as: UTF8.self)
        let open = FilingImporter(schemas: schemas)
        // Another key's value swapped in: the signature no longer matches the key it names.
        let other = Base64.encode(SigningKey.generate().publicKey.point)
        let swapped = text.replacingOccurrences(of: Base64.encode(key.publicKey.point), with: other)
        #expect(open.refusal(Array(swapped.utf8), "swapped.xml").map { "\($0)" }?.contains("does not match its content") == true)
        // A reference to a part of the document only.
        let partial = text.replacingOccurrences(of: "<Reference URI=\"\">", with: "<Reference URI=\"#x\">")
        #expect(open.refusal(Array(partial.utf8), "partial.xml") == .signature(document: "partial.xml", .unacceptable))
    }

    @Test func theBagsTagManifestIsSignedAndChecked() throws {
        let directory = TemporaryDirectory()
        let documents = try signedDocuments()
        let bag = directory.file("bag")
        try BagWriter.write(try BagWriter.payload(documents, schemas: schemas),
                            info: BagInfo(sourceOrganization: "北京经济技术开发区总工会", externalIdentifier: "signed-1", baggingDate: Day("2025-06-30")!),
                            signer: key, to: bag)
        #expect(try FileSystem.entries(bag).contains(BagWriter.tagManifestSignature))
        let trusting = FilingImporter(schemas: schemas, signatures: SignaturePolicy(trustedKeys: [key.publicKey]))
        #expect(try trusting.importPath(bag).count == documents.count)
        let stranger = FilingImporter(schemas: schemas, signatures: SignaturePolicy(trustedKeys: [SigningKey.generate().publicKey]))
        #expect(throws: ImportError.signature(document: "\(bag)/\(BagWriter.tagManifestSignature)", .tagManifest)) {
            _ = try stranger.importPath(bag)
        }
        if try ExternalTools.require(.openssl) {
            let publicKey = directory.write("public.pem", Array(key.publicKey.pem.utf8))
            let checked = Subprocess.run(["openssl", "dgst", "-sha256", "-verify", publicKey, "-signature",
                                          bag + "/" + BagWriter.tagManifestSignature, bag + "/tagmanifest-sha256.txt"])
            #expect(checked.status == 0 && checked.output.contains("Verified OK"), "\(checked.output)")
        }
        if try ExternalTools.require(.bagit) {
            let validated = Subprocess.run([ExternalTools.python, "-m", "bagit", "--validate", bag])
            #expect(validated.status == 0, "\(validated.output)")
        }
    }
}
