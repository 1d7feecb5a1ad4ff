import XMLCore

/// Reading our XSDs in tests, with XMLCore's reader.
enum XSD {
    static let namespace = "http://www.w3.org/2001/XMLSchema"

    static func read(_ path: String) throws -> XMLElement {
        try SafeXMLReader().read(try Samples.readFile(path), documentName: path)
    }

    /// Calls `visit` for every element of the tree, with a test for "has its own
    /// xs:annotation/xs:documentation with text".
    static func walk(_ root: XMLElement, _ visit: (XMLElement, (XMLElement) -> Bool) -> Void) {
        var pending = [root]
        while let element = pending.popLast() {
            visit(element, documented)
            pending += element.elements
        }
    }

    static func documented(_ element: XMLElement) -> Bool {
        guard let annotation = element.firstChild(named: "annotation", namespace: namespace),
              let documentation = annotation.firstChild(named: "documentation", namespace: namespace) else { return false }
        let text = documentation.text
        // A Chinese term and English: at least one CJK character and one Latin letter.
        return text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            && text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }
}
