import Bargaining
@testable import BargainingXML
import Glibc
import Testing

/// Untrusted filings: each is refused with a reason a person can act on, and nothing is
/// imported. libxml2 2.9.14 is the system library here, so these are checked against it.
@Suite struct HostileInputTests {
    let importer: FilingImporter

    init() throws {
        importer = FilingImporter(schemas: try Fixtures.schemas())
    }

    func refusal(_ text: String, _ name: String = "hostile.xml") -> ImportError? {
        importer.refusal(Array(text.utf8), name)
    }

    func refusal(_ bytes: [UInt8], _ name: String = "hostile.xml") -> ImportError? {
        importer.refusal(bytes, name)
    }

    @Test func externalEntityReadingEtcPasswd() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE filedContract [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>
            <filedContract xmlns="urn:bargain:contract:1.0" schemaVersion="1.0"><identification><contractId>&passwd;</contractId></identification></filedContract>
            """
        let error = refusal(xxe)
        #expect(error == .unsafe(document: "hostile.xml", .doctype))
        #expect(error?.description.contains("DOCTYPE") == true)
        #expect(error?.description.contains("root:") == false, "nothing of /etc/passwd reaches the message")
    }

    @Test func billionLaughs() {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE filedContract [\(entities)]><filedContract xmlns=\"urn:bargain:contract:1.0\">&lol9;</filedContract>"
        #expect(refusal(bomb) == .unsafe(document: "hostile.xml", .doctype))
    }

    /// A 40 KB entity referenced 40,000 times: 1.6 GB if expanded. Refused at the DOCTYPE, in
    /// bounded time and memory.
    @Test func quadraticBlowUp() {
        let entity = String(repeating: "a", count: 40_000)
        let references = String(repeating: "&a;", count: 40_000)
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE filedContract [<!ENTITY a \"\(entity)\">]><filedContract xmlns=\"urn:bargain:contract:1.0\">\(references)</filedContract>"
        let before = Self.peakMemoryKB()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(refusal(bomb) == .unsafe(document: "hostile.xml", .doctype))
        }
        #expect(elapsed < .seconds(5))
        #expect(Self.peakMemoryKB() - before < 64 * 1024, "the refusal did not expand the entity")
    }

    @Test func oneHundredThousandNestedElements() {
        let depth = 100_000
        let bytes = Array(("<filedContract xmlns=\"urn:bargain:contract:1.0\">" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</filedContract>").utf8)
        #expect(refusal(bytes) == .unsafe(document: "hostile.xml", .tooDeep(limit: FilingImporter.defaultMaximumDepth)))
    }

    @Test func invalidUTF8() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><filedContract xmlns=\"urn:bargain:contract:1.0\"><x>".utf8)
        bytes += [0xE5, 0xB7, 0x28, 0xFF, 0xFE]
        bytes += Array("</x></filedContract>".utf8)
        guard case .unsafe(_, .invalidUTF8(let problem))? = refusal(bytes) else { Issue.record("not refused as invalid UTF-8"); return }
        #expect(problem.line == 1)
        #expect(refusal(bytes)?.description.contains("not valid UTF-8") == true)
    }

    @Test func wrongNamespace() throws {
        let golden = try Samples.readFile(Fixtures.samplesDirectory + "/ENT-2025-001.contract.xml")
        let other = Array(String(decoding: golden, as: UTF8.self)
            .replacingOccurrences(of: "urn:bargain:contract:1.0", with: "urn:bargain:contract:2.0").utf8)
        #expect(refusal(other) == .wrongNamespace(document: "hostile.xml", found: "{urn:bargain:contract:2.0}filedContract",
                                                  expected: "{urn:bargain:contract:1.0}filedContract"))
        let none = "<congressRecord schemaVersion=\"1.0\"/>"
        #expect(refusal(none) == .wrongNamespace(document: "hostile.xml", found: "congressRecord",
                                                 expected: "{urn:bargain:congress:1.0}congressRecord"))
    }

    @Test func otherDocumentsAreNamedForWhatTheyAre() throws {
        #expect(refusal("<html/>") == .unknownDocument(document: "hostile.xml", root: "html"))
        let akn = try Samples.readFile(Fixtures.samplesDirectory + "/ENT-2025-001.contract.akn.xml")
        #expect(refusal(akn) == .akomaNtoso(document: "hostile.xml"))
        guard case .unsafe(_, .malformed(let problems))? = refusal("<filedContract") else { Issue.record("malformed"); return }
        #expect(!problems.isEmpty)
        guard case .unsafe(_, .malformed)? = refusal("") else { Issue.record("empty"); return }
    }

    @Test func externalReferencesAreNeverFollowed() throws {
        let include = """
            <filedContract xmlns="urn:bargain:contract:1.0" xmlns:xi="http://www.w3.org/2001/XInclude" schemaVersion="1.0">
            <xi:include href="file:///etc/passwd" parse="text"/></filedContract>
            """
        guard case .invalid(_, _, let problems)? = refusal(include) else { Issue.record("XInclude not refused"); return }
        #expect(problems.allSatisfy { !$0.message.contains("root:") })
        let located = """
            <filedContract xmlns="urn:bargain:contract:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="urn:bargain:contract:1.0 http://127.0.0.1:9/evil.xsd" schemaVersion="1.0"/>
            """
        guard case .invalid? = refusal(located) else { Issue.record("schemaLocation"); return }
    }

    @Test func theSizeCapIsCheckedBeforeParsing() throws {
        let small = FilingImporter(schemas: try Fixtures.schemas(), maximumBytes: 1000)
        let golden = Fixtures.samplesDirectory + "/ENT-2025-001.contract.xml"
        let bytes = try Samples.readFile(golden)
        #expect(throws: ImportError.unsafe(document: "big", .tooLarge(bytes: bytes.count, limit: 1000))) {
            _ = try small.importDocument(bytes, name: "big")
        }
        #expect(throws: ImportError.unsafe(document: golden, .tooLarge(bytes: bytes.count, limit: 1000))) {
            _ = try small.importPath(golden)
        }
        #expect(try FilingImporter(schemas: try Fixtures.schemas(), maximumBytes: bytes.count).importPath(golden).count == 1)
    }

    @Test func schemaViolationsComeWithLines() throws {
        let golden = String(decoding: try Samples.readFile(Fixtures.samplesDirectory + "/ENT-2025-001.contract.xml"), as: UTF8.self)
        let bad = golden.replacingOccurrences(of: "<payDay>10</payDay>", with: "<payDay>32</payDay>")
        guard case .invalid(_, let schema, let problems)? = refusal(bad) else { Issue.record("payDay 32"); return }
        #expect(schema.hasSuffix(ExportSchemas.contractFileName))
        let line = golden.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<payDay>") }! + 1
        #expect(problems.map(\.line) == [line])
    }

    @Test func inconsistentFactsAreRefused() throws {
        let golden = String(decoding: try Samples.readFile(Fixtures.samplesDirectory + "/ENT-2025-001.contract.xml"), as: UTF8.self)
        let code = SampleNegotiations.precisionWorks.creditCode.description
        let wrongCheck = String(code.dropLast()) + (code.last == "0" ? "1" : "0")
        for (from, to, says) in [
            ("yuan=\"2800.00\"", "yuan=\"2900.00\"", "does not agree"),
            ("<creditCode>\(code)</creditCode>", "<creditCode>\(wrongCheck)</creditCode>", "check character"),
            ("<coveredEnterprises count=\"1\"", "<coveredEnterprises count=\"2\"", "1 enterprises are listed"),
            ("<quorum>44</quorum>", "<quorum>40</quorum>", "is not 2/3 of 65"),
            ("<outcome>lapsed</outcome>", "<outcome>pending</outcome>", "needs no date"),
        ] {
            #expect(golden.contains(from), "\(from)")
            guard case .inconsistent(_, let reason)? = refusal(golden.replacingOccurrences(of: from, with: to)) else {
                Issue.record("\(from) → \(to) was not refused as inconsistent"); continue
            }
            #expect(reason.contains(says), "\(reason)")
        }
    }

    /// The process's peak resident memory so far, in KB.
    static func peakMemoryKB() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
