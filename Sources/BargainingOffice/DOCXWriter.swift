import XMLCore

/// Writes ``OfficialLetter``s as a Word document (`.docx`), each starting on a new page: A4 with
/// the margins of GB/T 9704, 仿宋 16 pt for the text and a 22 pt bold title (Word and WPS find
/// these fonts on Chinese Windows; LibreOffice falls back to the CJK font it has). The document
/// part is written with XMLCore's writer, the container with ZIPFoundation.
public enum DOCXWriter {
    private static let w = OfficeNamespaces.wordprocessing

    public static func write(_ letters: [OfficialLetter]) throws(OfficeError) -> [UInt8] {
        var package = OfficePackageWriter()
        try package.add("word/document.xml") { (xml: inout XMLWriter) throws(XMLError) in
            try xml.startElement("document", prefix: "w", namespace: w)
            try xml.startElement("body", prefix: "w", namespace: w)
            for (index, letter) in letters.enumerated() {
                try write(letter, pageBreakBefore: index > 0, &xml)
            }
            try section(&xml)
            try xml.endElement()
            try xml.endElement()
        }
        package.add("word/styles.xml", Array(styles.utf8))
        try package.addRelationships(of: "word/document.xml", [("styles", "styles.xml")])
        try package.addRelationships(of: "", [("officeDocument", "word/document.xml")])
        try package.addContentTypes([
            ("word/document.xml", OfficeNamespaces.contentType("wordprocessingml.document.main")),
            ("word/styles.xml", OfficeNamespaces.contentType("wordprocessingml.styles")),
        ])
        return try package.bytes()
    }

    private enum Alignment: String {
        case left, center, right, both
    }

    private static func write(_ letter: OfficialLetter, pageBreakBefore: Bool, _ xml: inout XMLWriter) throws(XMLError) {
        try paragraph(letter.reference, alignment: .center, pageBreakBefore: pageBreakBefore, spaceAfter: 240, &xml)
        try paragraph(letter.title, alignment: .center, size: 44, bold: true, spaceAfter: 360, &xml)
        try paragraph(letter.addressee, alignment: .left, &xml)
        for text in letter.body {
            try paragraph(text, alignment: .both, firstLineChars: 200, &xml)
        }
        // Room for the seal: the issuer and date stand right, with blank lines above them.
        try paragraph("", alignment: .left, &xml)
        try paragraph("", alignment: .left, &xml)
        try paragraph(letter.issuer, alignment: .right, rightIndentChars: 400, &xml)
        try paragraph(letter.date, alignment: .right, rightIndentChars: 400, &xml)
        if let contact = letter.contact {
            try paragraph("", alignment: .left, &xml)
            try paragraph(contact, alignment: .left, &xml)
        }
    }

    /// One paragraph; sizes in half-points, spacing in twentieths of a point, indents in hundredths
    /// of a character (Word's `firstLineChars`), which follow the font size.
    private static func paragraph(_ text: String, alignment: Alignment, size: Int? = nil, bold: Bool = false,
                                  pageBreakBefore: Bool = false, spaceAfter: Int? = nil, firstLineChars: Int? = nil,
                                  rightIndentChars: Int? = nil, _ xml: inout XMLWriter) throws(XMLError) {
        try xml.startElement("p", prefix: "w", namespace: w)
        try xml.startElement("pPr", prefix: "w", namespace: w)
        if pageBreakBefore { try empty("pageBreakBefore", [], &xml) }
        if let spaceAfter { try empty("spacing", [("after", String(spaceAfter))], &xml) }
        if firstLineChars != nil || rightIndentChars != nil {
            var attributes: [(String, String)] = []
            // Word reads the indent in characters; LibreOffice only the twips beside it (16 pt = 320).
            if let firstLineChars {
                attributes += [("firstLine", String(firstLineChars * 320 / 100)), ("firstLineChars", String(firstLineChars))]
            }
            if let rightIndentChars {
                attributes += [("right", String(rightIndentChars * 320 / 100)), ("rightChars", String(rightIndentChars))]
            }
            try empty("ind", attributes, &xml)
        }
        try empty("jc", [("val", alignment.rawValue)], &xml)
        try xml.endElement()
        if !text.isEmpty {
            try xml.startElement("r", prefix: "w", namespace: w)
            if size != nil || bold {
                try xml.startElement("rPr", prefix: "w", namespace: w)
                if bold { try empty("b", [], &xml) }
                if let size {
                    try empty("sz", [("val", String(size))], &xml)
                    try empty("szCs", [("val", String(size))], &xml)
                }
                try xml.endElement()
            }
            try xml.startElement("t", prefix: "w", namespace: w)
            try xml.attribute("space", prefix: "xml", namespace: XMLWriter.xmlNamespace, "preserve")
            try xml.text(text)
            try xml.endElement()
            try xml.endElement()
        }
        try xml.endElement()
    }

    private static func empty(_ name: String, _ attributes: [(String, String)], _ xml: inout XMLWriter) throws(XMLError) {
        try xml.startElement(name, prefix: "w", namespace: w)
        for (attribute, value) in attributes {
            try xml.attribute(attribute, prefix: "w", namespace: w, value)
        }
        try xml.endElement()
    }

    /// A4 (11906 × 16838 twips); margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    private static func section(_ xml: inout XMLWriter) throws(XMLError) {
        try xml.startElement("sectPr", prefix: "w", namespace: w)
        try empty("pgSz", [("w", "11906"), ("h", "16838")], &xml)
        try empty("pgMar", [("top", "2098"), ("right", "1474"), ("bottom", "1984"), ("left", "1588"),
                            ("header", "851"), ("footer", "992"), ("gutter", "0")], &xml)
        try xml.endElement()
    }

    /// Body text 仿宋 16 pt (三号), 1.5 lines apart (the official 28–29 pt line pitch).
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <w:styles xmlns:w="\(OfficeNamespaces.wordprocessing)">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/>\
        <w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        </w:styles>
        """
}
