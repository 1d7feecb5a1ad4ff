import Testing
import XMLCore

/// Streaming reads by the same rules as the tree reader, without the tree.
@Suite struct SafeXMLStreamTests {
    /// Writes down what it is handed, as `<name attr=value>`, `</name>` and text.
    final class Recorder: XMLStreamHandler {
        var events: [String] = []
        var stopAt: String?

        struct Stop: Error, Equatable {}

        func startElement(_ name: XMLName, attributes: [XMLAttribute]) throws {
            if name.localName == stopAt { throw Stop() }
            events.append("<\(name)" + attributes.map { " \($0.name)=\($0.value)" }.joined() + ">")
        }

        func endElement(_ name: XMLName) throws { events.append("</\(name.localName)>") }

        func text(_ text: String) throws {
            // libxml2 may split one run of text; joined here so the test does not depend on where.
            if let last = events.last, !last.hasPrefix("<") { events[events.count - 1] += text } else { events.append(text) }
        }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func handsOnElementsAttributesAndDecodedText() throws {
        let recorder = Recorder()
        try SafeXMLReader().stream(Self.bytes("""
            <s xmlns="urn:s" name="R&amp;D &lt;1&gt; &#38;&#x4e00;"><c>一<![CDATA[<二>]]>&amp;三</c><!-- no --><d/></s>
            """), to: recorder)
        #expect(recorder.events == [
            "<{urn:s}s name=R&D <1> &一>", "<{urn:s}c>", "一<二>&三", "</c>", "<{urn:s}d>", "</d>", "</s>",
        ])
    }

    @Test func aHandlersErrorStopsTheParseAndComesBack() {
        let recorder = Recorder()
        recorder.stopAt = "stop"
        #expect(throws: Recorder.Stop()) {
            try SafeXMLReader().stream(Self.bytes("<r><a/><stop/><after/></r>"), to: recorder)
        }
        #expect(recorder.events == ["<r>", "<a>", "</a>"])
    }

    @Test func theReadersRulesHold() {
        let doctype = Self.bytes("<!DOCTYPE r [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]><r>&x;</r>")
        #expect(throws: XMLReadError.doctypeForbidden) { try SafeXMLReader().stream(doctype, to: Recorder()) }
        #expect(throws: XMLReadError.tooLarge(bytes: 13, limit: 10)) {
            try SafeXMLReader(maximumBytes: 10).stream(Self.bytes("<r>12345</r>\n"), to: Recorder())
        }
        #expect(throws: XMLReadError.tooDeep(limit: 2)) {
            try SafeXMLReader(maximumDepth: 2).stream(Self.bytes("<a><b><c/></b></a>"), to: Recorder())
        }
        #expect(throws: (any Error).self) { try SafeXMLReader().stream(Self.bytes("<a><b></a>"), to: Recorder()) }
    }
}
