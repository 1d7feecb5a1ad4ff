import Testing
import XMLCore
import TestSupport

@Suite struct XMLSchemaTests {
    static let ns = "urn:bargain:test"

    /// A main schema that includes a second file by relative path, as real schemas do.
    static func schema(in directory: TemporaryDirectory) throws -> XMLSchema {
        directory.write("types.xsd", """
            <?xml version="1.0" encoding="UTF-8"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                       targetNamespace="\(ns)" xmlns="\(ns)" elementFormDefault="qualified">
              <xs:simpleType name="Amount">
                <xs:restriction base="xs:decimal">
                  <xs:minInclusive value="0"/>
                  <xs:fractionDigits value="2"/>
                </xs:restriction>
              </xs:simpleType>
            </xs:schema>
            """)
        let path = directory.write("agreement.xsd", """
            <?xml version="1.0" encoding="UTF-8"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                       targetNamespace="\(ns)" xmlns="\(ns)" elementFormDefault="qualified">
              <xs:include schemaLocation="types.xsd"/>
              <xs:element name="Agreement">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="Party" type="xs:string" maxOccurs="unbounded"/>
                    <xs:element name="Wage" type="Amount"/>
                  </xs:sequence>
                  <xs:attribute name="id" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """)
        return try XMLSchema(contentsOfFile: path)
    }

    static let valid = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Agreement xmlns="\(ns)" id="A-1">
          <Party>北京市总工会</Party>
          <Wage>3500.00</Wage>
        </Agreement>
        """.utf8)

    static let invalid = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Agreement xmlns="\(ns)">
          <Party>北京市总工会</Party>
          <Wage>-1.234</Wage>
          <Extra/>
        </Agreement>
        """.utf8)

    @Test func validDocumentHasNoDiagnostics() throws {
        let directory = TemporaryDirectory()
        let schema = try Self.schema(in: directory)
        #expect(schema.validate(Self.valid, documentName: "ok.xml") == [])
    }

    @Test func everyErrorIsReportedWithItsLine() throws {
        let directory = TemporaryDirectory()
        let schema = try Self.schema(in: directory)
        let diagnostics = schema.validate(Self.invalid, documentName: "bad.xml")
        #expect(diagnostics.map(\.line) == [2, 4, 4, 5])
        #expect(diagnostics.allSatisfy { $0.documentName == "bad.xml" })
        #expect(diagnostics[0].description
            == "bad.xml:2: Element '{urn:bargain:test}Agreement': The attribute 'id' is required but missing.")
        #expect(diagnostics.contains { $0.message.contains("'-1.234'") })
        #expect(diagnostics.last?.message.contains("Extra") == true)
    }

    @Test func oneSchemaValidatesManyDocuments() throws {
        let directory = TemporaryDirectory()
        let schema = try Self.schema(in: directory)
        for round in 0..<50 {
            let document = round.isMultiple(of: 2) ? Self.valid : Self.invalid
            #expect(schema.validate(document, documentName: "d\(round)").isEmpty == round.isMultiple(of: 2))
        }
    }

    @Test func lineNumbersPast65535AreExact() throws {
        let directory = TemporaryDirectory()
        let schema = try Self.schema(in: directory)
        let parties = String(repeating: "<Party>p</Party>\n", count: 70_000)
        let doc = "<Agreement xmlns=\"\(Self.ns)\" id=\"x\">\n\(parties)<Wage>oops</Wage>\n</Agreement>"
        let diagnostics = schema.validate(Array(doc.utf8), documentName: "long.xml")
        #expect(diagnostics.map(\.line) == [70_002])
        // Reading builds a tree but validates the same way, so it reports the same line.
        #expect(throws: XMLReadError.invalid(diagnostics)) {
            try SafeXMLReader().read(Array(doc.utf8), documentName: "long.xml", validatingAgainst: schema)
        }
    }

    @Test func readingAndValidatingShareOneParse() throws {
        let directory = TemporaryDirectory()
        let schema = try Self.schema(in: directory)
        let root = try SafeXMLReader().read(Self.valid, documentName: "ok.xml", validatingAgainst: schema)
        #expect(root.firstChild(named: "Wage")?.text == "3500.00")
        #expect {
            try SafeXMLReader().read(Self.invalid, documentName: "bad.xml", validatingAgainst: schema)
        } throws: { error in
            guard case .invalid(let diagnostics) = error as? XMLReadError else { return false }
            return diagnostics.count == 4
        }
    }

    @Test func refusedDocumentsAreReportedNotFollowed() throws {
        let directory = TemporaryDirectory()
        let schema = try Self.schema(in: directory)
        let xxe = Array("""
            <!DOCTYPE Agreement [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <Agreement xmlns="\(Self.ns)" id="&x;"><Party>p</Party><Wage>1</Wage></Agreement>
            """.utf8)
        #expect(schema.validate(xxe, documentName: "xxe.xml") == [
            XMLDiagnostic(
                documentName: "xxe.xml", line: 0,
                message: XMLReadError.doctypeForbidden.description)
        ])
        // Validation runs alongside parsing, so schema errors found before the break come too.
        let malformed = schema.validate(Array("<Agreement>\n</Agreemen>".utf8), documentName: "m.xml")
        #expect(malformed.contains { $0.line == 2 && $0.message.hasPrefix("Opening and ending tag") })
        let small = SafeXMLReader(maximumBytes: 10)
        #expect(schema.validate(Self.valid, documentName: "big.xml", reader: small).first?.message
            == XMLReadError.tooLarge(bytes: Self.valid.count, limit: 10).description)
    }

    @Test func unusableSchemaExplainsWhy() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("broken.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="a" type="noSuchType"/>
            </xs:schema>
            """)
        #expect {
            try XMLSchema(contentsOfFile: path)
        } throws: { error in
            guard case .schemaUnusable(let failedPath, let diagnostics) = error as? XMLError else {
                return false
            }
            return failedPath == path && diagnostics.contains { $0.message.contains("noSuchType") }
        }
        #expect(throws: XMLError.self) { try XMLSchema(contentsOfFile: directory.path + "/missing.xsd") }
    }

    @Test func networkLocationsAreNotFetched() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("remote.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:r="urn:remote">
              <xs:import namespace="urn:remote" schemaLocation="http://127.0.0.1:9/remote.xsd"/>
              <xs:element name="a" type="r:Remote"/>
            </xs:schema>
            """)
        #expect {
            try XMLSchema(contentsOfFile: path)
        } throws: { error in
            guard case .schemaUnusable(_, let diagnostics) = error as? XMLError else { return false }
            return diagnostics.contains {
                $0.message == "Attempt to load network entity http://127.0.0.1:9/remote.xsd"
            }
        }
    }
}
