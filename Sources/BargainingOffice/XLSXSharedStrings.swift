import XMLCore

/// The shared strings table: the text of every `t="s"` cell, by index. A string is the text of
/// its `t` elements, plain or in rich-text runs, without phonetic guides (`rPh`, the furigana or
/// pinyin Excel keeps beside East Asian text), which are not part of what the cell shows.
struct XLSXSharedStrings {
    private(set) var strings: [String] = []

    init() {}

    init(part: String, in package: OfficePackage) throws(OfficeError) {
        let handler = Handler(limit: package.limits.cells)
        try OfficeXML.stream(part, in: package, to: handler)
        strings = handler.strings
    }

    private final class Handler: XMLStreamHandler {
        let limit: Int
        var strings: [String] = []
        private var current = ""
        private var inString = false
        private var inPhonetic = false
        private var capturing = false

        init(limit: Int) { self.limit = limit }

        func startElement(_ name: XMLName, attributes: [XMLAttribute]) throws {
            switch name.localName {
            case "si":
                guard strings.count < limit else { throw OfficeError.tooManyCells(limit: limit) }
                inString = true
                current = ""
            case "rPh": inPhonetic = true
            case "t": capturing = inString && !inPhonetic
            default: break
            }
        }

        func endElement(_ name: XMLName) throws {
            switch name.localName {
            case "si":
                strings.append(current)
                inString = false
            case "rPh": inPhonetic = false
            case "t": capturing = false
            default: break
            }
        }

        func text(_ text: String) throws {
            if capturing { current += text }
        }
    }
}
