import Testing
import XMLCore

@Suite struct SafeXMLReaderTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func readsElementsAttributesAndText() throws {
        let root = try SafeXMLReader().read(Self.bytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <c:Agreement xmlns:c="urn:c" xmlns:o="urn:o" o:flag="yes" id="7">
              <c:Item>一<![CDATA[<二>]]>&amp;三</c:Item>
              <!-- dropped -->
              <c:Item n="2"><c:Inner>深</c:Inner>层</c:Item>
              <o:Other/>
            </c:Agreement>
            """))
        #expect(root.expandedName == XMLName(namespace: "urn:c", localName: "Agreement"))
        #expect(root.attributes == [
            XMLAttribute(name: "flag", namespace: "urn:o", value: "yes"),
            XMLAttribute(name: "id", value: "7"),
        ])
        #expect(root.children(named: "Item").map(\.text) == ["一<二>&三", "深层"])
        #expect(root.children(named: "Item").last?.attribute("n") == "2")
        #expect(root.firstChild(named: "Other") == nil)
        #expect(root.firstChild(named: "Other", namespace: "urn:o") != nil)
        #expect(root.elements.count == 3)
    }

    // MARK: - Hostile input: every case refused with a reason, none followed.

    @Test func externalEntityIsRefusedWithoutReadingTheFile() {
        let xxe = Self.bytes("""
            <?xml version="1.0"?>
            <!DOCTYPE r [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
            <r>&x;</r>
            """)
        #expect(throws: XMLReadError.doctypeForbidden) { try SafeXMLReader().read(xxe) }
    }

    @Test func billionLaughsIsRefused() {
        var doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            doc += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        doc += "]>\n<lolz>&lol9;</lolz>"
        #expect(throws: XMLReadError.doctypeForbidden) { try SafeXMLReader().read(Self.bytes(doc)) }
    }

    @Test func quadraticBlowupIsRefused() {
        let entity = String(repeating: "A", count: 40_000)
        let references = String(repeating: "&a;", count: 40_000)
        let doc = "<!DOCTYPE r [<!ENTITY a \"\(entity)\">]><r>\(references)</r>"
        #expect(throws: XMLReadError.doctypeForbidden) { try SafeXMLReader().read(Self.bytes(doc)) }
    }

    /// The internal subset below is garbage: being told "DOCTYPE" rather than "malformed" shows
    /// the parse stopped before the subset, so no entity in it could ever have been declared.
    @Test func doctypeIsRefusedBeforeItsSubsetIsParsed() {
        let doc = Self.bytes("<!DOCTYPE r [ <!ENTITY %% broken <<< ]>\n<r/>")
        #expect(throws: XMLReadError.doctypeForbidden) { try SafeXMLReader().read(doc) }
        let harmless = Self.bytes("<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\"><r/>")
        #expect(throws: XMLReadError.doctypeForbidden) { try SafeXMLReader().read(harmless) }
    }

    @Test func hundredThousandNestedElementsAreRefusedCleanly() {
        let depth = 100_000
        let doc = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(throws: XMLReadError.tooDeep(limit: 256)) { try SafeXMLReader().read(Self.bytes(doc)) }
    }

    @Test func depthLimitIsExact() throws {
        func nested(_ depth: Int) -> [UInt8] {
            Self.bytes(String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth))
        }
        let reader = SafeXMLReader(maximumDepth: 10)
        _ = try reader.read(nested(10))
        #expect(throws: XMLReadError.tooDeep(limit: 10)) { try reader.read(nested(11)) }
        // At libxml2's own limit, our check must be the one that answers.
        _ = try SafeXMLReader().read(nested(256))
        #expect(throws: XMLReadError.tooDeep(limit: 256)) { try SafeXMLReader().read(nested(257)) }
        #expect(throws: XMLReadError.tooDeep(limit: 256)) { try SafeXMLReader().read(nested(258)) }
    }

    @Test(arguments: [
        [UInt8]("<a>caf".utf8) + [0xE9] + Array(" au lait</a>".utf8),
        [UInt8]("<a x=\"".utf8) + [0xFF, 0xFE] + Array("\"/>".utf8),
        [UInt8]("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8),
    ])
    func invalidUTF8IsRefused(doc: [UInt8]) {
        #expect {
            try SafeXMLReader().read(doc, documentName: "bad.xml")
        } throws: { error in
            guard case .invalidUTF8(let diagnostic) = error as? XMLReadError else { return false }
            return diagnostic.description.hasPrefix("bad.xml:")
                && diagnostic.message.contains("not proper UTF-8")
        }
    }

    @Test func declaredEncodingsOtherThanUTF8AreConverted() throws {
        let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf".utf8)
            + [0xE9] + Array("</a>".utf8)
        #expect(try SafeXMLReader().read(latin1).text == "café")
    }

    @Test func wrongRootIsRefused() {
        let expected = XMLName(namespace: "urn:bargain", localName: "Agreement")
        let reader = SafeXMLReader(expectedRoot: expected)
        #expect(throws: XMLReadError.wrongRoot(
            expected: expected, found: XMLName(namespace: "urn:other", localName: "Agreement"))
        ) { try reader.read(Self.bytes("<Agreement xmlns=\"urn:other\"/>")) }
        #expect(throws: XMLReadError.wrongRoot(
            expected: expected, found: XMLName(namespace: nil, localName: "Agreement"))
        ) { try reader.read(Self.bytes("<Agreement/>")) }
        #expect(throws: XMLReadError.wrongRoot(
            expected: expected, found: XMLName(namespace: "urn:bargain", localName: "Contract"))
        ) { try reader.read(Self.bytes("<b:Contract xmlns:b=\"urn:bargain\"/>")) }
        #expect(throws: Never.self) { try reader.read(Self.bytes("<b:Agreement xmlns:b=\"urn:bargain\"/>")) }
    }

    @Test func oversizeInputIsRefusedBeforeParsing() {
        let reader = SafeXMLReader(maximumBytes: 16)
        let doc = Self.bytes("<a>seventeen+ bytes</a>")
        #expect(throws: XMLReadError.tooLarge(bytes: doc.count, limit: 16)) { try reader.read(doc) }
        // Not even parsed: a malformed document over the limit is "too large", not "malformed".
        #expect(throws: XMLReadError.tooLarge(bytes: 20, limit: 16)) {
            try reader.read(Array(repeating: UInt8(ascii: "<"), count: 20))
        }
    }

    @Test func malformedDocumentsCarryLineNumbers() {
        #expect {
            try SafeXMLReader().read(Self.bytes("<a>\n<b>\n</a>"), documentName: "broken.xml")
        } throws: { error in
            guard case .malformed(let diagnostics) = error as? XMLReadError,
                let first = diagnostics.first
            else { return false }
            return first.line == 3 && first.description.hasPrefix("broken.xml:3: ")
        }
    }

    @Test(arguments: [
        "<a>&undeclared;</a>",  // no DTD, so no entity but the five predefined ones
        "<p:a/>",  // prefix never declared: namespace-ill-formed though well-formed
        "<a>\u{1}</a>",
        "",
        "<a/><b/>",
    ])
    func otherBrokenDocumentsAreMalformed(doc: String) {
        #expect {
            try SafeXMLReader().read(Self.bytes(doc))
        } throws: { error in
            guard case .malformed(let diagnostics) = error as? XMLReadError else { return false }
            return !diagnostics.isEmpty
        }
    }

    /// libxml2 stops building the tree when a text node, built from pieces (here split by
    /// character references), passes 10,000,000 bytes, without marking the document
    /// ill-formed; the truncated tree must not come back as if it were the document.
    @Test func textNodeOverLibxml2LimitIsRefusedNotTruncated() {
        let doc = Self.bytes("<a>" + String(repeating: "xxxxxxxxxxxxxxxxxxx&amp;", count: 550_000) + "</a>")
        var refusedAsHuge = false
        do {
            _ = try SafeXMLReader().read(doc)
        } catch {
            refusedAsHuge = error.diagnostics.contains { $0.message.contains("huge text node") }
        }
        #expect(refusedAsHuge)
    }

    @Test func refusalsExplainThemselves() {
        #expect(XMLReadError.doctypeForbidden.description
            == "refused: the document declares a DOCTYPE; archives' XML must not use DTDs or entities")
        #expect(XMLReadError.tooLarge(bytes: 20, limit: 16).description
            == "refused: the document is 20 bytes, more than the limit of 16 bytes")
        #expect(XMLReadError.tooDeep(limit: 256).description
            == "refused: elements are nested more than 256 levels deep")
        #expect(XMLReadError.wrongRoot(
            expected: XMLName(namespace: "urn:a", localName: "A"),
            found: XMLName(namespace: nil, localName: "B")
        ).description == "refused: the root element is B, but {urn:a}A was expected")
        let malformed = XMLReadError.malformed([
            XMLDiagnostic(documentName: "x.xml", line: 3, column: 4, message: "oops")
        ])
        #expect(malformed.description
            == "refused: the document is not well-formed XML\n  x.xml:3: oops")
    }
}
