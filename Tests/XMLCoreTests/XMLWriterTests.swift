import Testing
import XMLCore

@Suite struct XMLWriterTests {
    static let ns = "urn:bargain:test"

    /// Writes a small agreement with every kind of content the writer supports.
    static func agreement(indent: Bool = true) throws -> [UInt8] {
        var writer = try XMLWriter(indent: indent)
        try writer.startElement("Agreement", namespace: ns)
        try writer.namespaceDeclaration(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
        try writer.attribute("id", "A-1")
        try writer.attribute("lang", prefix: "xml", namespace: XMLWriter.xmlNamespace, "zh")
        try writer.comment(" 集体协商 ")
        try writer.startElement("Party", namespace: ns)
        try writer.attribute("role", "union")
        try writer.text("工会 <&> \"甲方\"")
        try writer.endElement()
        try writer.element("Wage", namespace: ns, text: "3500.00")
        try writer.startElement("ext", prefix: "x", namespace: "urn:x")
        try writer.attribute("note", prefix: "x", namespace: "urn:x", "a<b & \"c\"\n")
        try writer.endElement()
        try writer.startElement("Empty")
        try writer.endElement()
        try writer.endElement()
        return try writer.finish()
    }

    @Test func writesTheExpectedBytes() throws {
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Agreement xmlns="urn:bargain:test" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="A-1" xml:lang="zh">
              <!-- 集体协商 -->
              <Party role="union">工会 &lt;&amp;&gt; &quot;甲方&quot;</Party>
              <Wage>3500.00</Wage>
              <x:ext xmlns:x="urn:x" x:note="a&lt;b &amp; &quot;c&quot;&#10;"/>
              <Empty/>
            </Agreement>

            """
        #expect(String(decoding: try Self.agreement(), as: UTF8.self) == expected)
    }

    @Test func sameCallsGiveSameBytes() throws {
        #expect(try Self.agreement() == Self.agreement())
        #expect(try Self.agreement(indent: false) == Self.agreement(indent: false))
    }

    @Test func withoutIndentationThereIsNoWhitespaceBetweenElements() throws {
        let text = String(decoding: try Self.agreement(indent: false), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Agreement "))
        #expect(text.contains("<Wage>3500.00</Wage><x:ext"))
    }

    @Test func readingBackGivesTheSameContent() throws {
        let root = try SafeXMLReader().read(try Self.agreement(), documentName: "agreement.xml")
        #expect(root.expandedName == XMLName(namespace: Self.ns, localName: "Agreement"))
        #expect(root.attribute("id") == "A-1")
        #expect(root.attribute("lang", namespace: XMLWriter.xmlNamespace) == "zh")
        let party = try #require(root.firstChild(named: "Party"))
        #expect(party.attribute("role") == "union")
        #expect(party.text == "工会 <&> \"甲方\"")
        #expect(root.firstChild(named: "Wage")?.text == "3500.00")
        let ext = try #require(root.firstChild(named: "ext", namespace: "urn:x"))
        #expect(ext.attribute("note", namespace: "urn:x") == "a<b & \"c\"\n")
        // Unprefixed, and written while the default namespace was in scope.
        #expect(root.firstChild(named: "Empty") != nil)
        #expect(root.elements.map(\.name) == ["Party", "Wage", "ext", "Empty"])
    }

    @Test func chineseTextIsWrittenAsUTF8NotCharacterReferences() throws {
        var writer = try XMLWriter(indent: false)
        try writer.element("名称", text: "北京市总工会")
        let bytes = try writer.finish()
        #expect(bytes.suffix(Array("<名称>北京市总工会</名称>\n".utf8).count)
            == ArraySlice("<名称>北京市总工会</名称>\n".utf8))
    }

    @Test func namespacesAreDeclaredOnlyWhereTheyChange() throws {
        var writer = try XMLWriter(indent: false)
        try writer.startElement("a", namespace: "urn:one")
        try writer.element("b", namespace: "urn:one", text: "same")
        try writer.startElement("c", namespace: "urn:two")
        try writer.element("d", namespace: "urn:two", text: "inner")
        try writer.endElement()
        try writer.element("e", namespace: "urn:one", text: "back")
        try writer.element("f", namespace: "", text: "none")
        try writer.endElement()
        let text = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(text.hasSuffix("""
            <a xmlns="urn:one"><b>same</b><c xmlns="urn:two"><d>inner</d></c><e>back</e>\
            <f xmlns="">none</f></a>

            """))
    }

    @Test(arguments: [
        ("nul \u{0}", UInt32(0)), ("escape \u{1B}[0m", 0x1B), ("bell \u{7}", 7),
        ("not a character \u{FFFE}", 0xFFFE), ("nor \u{FFFF}", 0xFFFF),
    ])
    func refusesCharactersXMLCannotCarry(text: String, scalar: UInt32) throws {
        var writer = try XMLWriter()
        try writer.startElement("a")
        #expect(throws: XMLError.invalidCharacter(scalar: scalar, context: "text")) {
            try writer.text(text)
        }
        #expect(throws: XMLError.invalidCharacter(scalar: scalar, context: "attribute b")) {
            try writer.attribute("b", text)
        }
    }

    @Test func acceptsTabsNewlinesAndCharactersBeyondTheBasicPlane() throws {
        var writer = try XMLWriter(indent: false)
        try writer.element("a", text: "\t1\r\n2 𠀀 \u{FFFD}")
        #expect(String(decoding: try writer.finish(), as: UTF8.self)
            .hasSuffix("<a>\t1&#13;\n2 𠀀 \u{FFFD}</a>\n"))
    }

    @Test(arguments: ["", "1a", "a b", "a<b", "p:q", "-x", "a\u{D7}"])
    func refusesInvalidNames(name: String) throws {
        var writer = try XMLWriter()
        #expect(throws: XMLError.invalidName(name)) { try writer.startElement(name) }
        try writer.startElement("ok")
        #expect(throws: XMLError.invalidName(name)) { try writer.attribute(name, "v") }
    }

    @Test func refusesCommentsThatWouldEndEarly() throws {
        var writer = try XMLWriter()
        #expect(throws: XMLError.invalidComment("a -- b")) { try writer.comment("a -- b") }
        #expect(throws: XMLError.invalidComment("ends-")) { try writer.comment("ends-") }
    }

    @Test func refusesCallsInTheWrongOrder() throws {
        var writer = try XMLWriter()
        #expect(throws: XMLError.self) { try writer.attribute("early", "x") }
        #expect(throws: XMLError.self) { try writer.text("outside") }
        #expect(throws: XMLError.self) { try writer.endElement() }
        try writer.startElement("root")
        try writer.attribute("a", "1")
        #expect(throws: XMLError.duplicateAttribute("a")) { try writer.attribute("a", "2") }
        try writer.text("content")
        #expect(throws: XMLError.self) { try writer.attribute("late", "x") }
        try writer.endElement()
        #expect(throws: XMLError.misplacedCall("a second root element")) {
            try writer.startElement("second")
        }
        // None of the refused calls left a trace in the output.
        #expect(String(decoding: try writer.finish(), as: UTF8.self)
            == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root a=\"1\">content</root>\n")
    }

    /// `finish()` consumes the writer, which `#expect(throws:)` closures cannot do.
    static func finishError(_ writer: consuming XMLWriter) -> XMLError? {
        do {
            _ = try writer.finish()
            return nil
        } catch {
            return error
        }
    }

    @Test func refusesToFinishAnIncompleteDocument() throws {
        #expect(Self.finishError(try XMLWriter())
            == .misplacedCall("finish() before any element was written"))
        var open = try XMLWriter()
        try open.startElement("root")
        try open.startElement("child")
        try open.endElement()
        #expect(Self.finishError(open) == .misplacedCall("finish() with 1 element(s) still open"))
    }

    @Test func refusesConflictingNamespaceDeclarations() throws {
        var writer = try XMLWriter()
        try writer.startElement("a", prefix: "p", namespace: "urn:one")
        #expect(throws: XMLError.duplicateAttribute("xmlns:p")) {
            try writer.namespaceDeclaration(prefix: "p", uri: "urn:two")
        }
        #expect(throws: XMLError.invalidName("xmlns:xml")) {
            try writer.namespaceDeclaration(prefix: "xml", uri: "urn:not-xml")
        }
        #expect(throws: XMLError.self) { try writer.namespaceDeclaration(prefix: "q", uri: "") }
    }

    @Test func errorsReadWell() {
        #expect(XMLError.invalidCharacter(scalar: 0x1B, context: "text").description
            == "U+001B cannot appear in XML 1.0 (text)")
        #expect(XMLError.invalidName("1a").description == "\"1a\" is not a valid XML name")
    }
}
