internal import CLibXML2

/// A libxml2 document that passed ``SafeXMLReader``'s checks; the sole owner of its `xmlDoc`.
final class ParsedDocument {
    let document: xmlDocPtr
    let name: String

    init(document: xmlDocPtr, name: String) {
        self.document = document
        self.name = name
    }

    deinit { xmlFreeDoc(document) }

    /// Copies the tree into Swift values, iteratively: depth is bounded by the reader, but an
    /// explicit stack keeps that bound from ever depending on the thread's stack size.
    func element() -> XMLElement? {
        guard let root = xmlDocGetRootElement(document) else { return nil }
        var namespaces = NamespaceStrings()
        var stack: [(element: XMLElement, next: xmlNodePtr?)] = [
            (Self.element(root, &namespaces), root.pointee.children)
        ]
        while let top = stack.indices.last {
            guard let node = stack[top].next else {
                let finished = stack.removeLast().element
                guard let parent = stack.indices.last else { return finished }
                stack[parent].element.children.append(.element(finished))
                continue
            }
            stack[top].next = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                stack.append((Self.element(node, &namespaces), node.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                stack[top].element.children.append(.text(Self.string(node.pointee.content)))
            default:
                continue
            }
        }
        return nil
    }

    /// Every element of a document usually shares one namespace declaration; handing each the
    /// same Swift string spares an allocation per element when the URI is too long to be
    /// stored inline.
    private struct NamespaceStrings {
        private var last: (href: UnsafePointer<xmlChar>, uri: String)?

        mutating func uri(_ namespace: xmlNsPtr?) -> String? {
            guard let href = namespace?.pointee.href else { return nil }
            if let last, last.href == href { return last.uri }
            let uri = String(cString: href)
            last = (href, uri)
            return uri
        }
    }

    private static func element(
        _ node: xmlNodePtr, _ namespaces: inout NamespaceStrings
    ) -> XMLElement {
        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            // Only text can be here: with the DOCTYPE refused, no entity is ever declared.
            while let part = child {
                if part.pointee.type == XML_TEXT_NODE { value += string(part.pointee.content) }
                child = part.pointee.next
            }
            attributes.append(
                XMLAttribute(
                    name: string(current.pointee.name),
                    namespace: namespaces.uri(current.pointee.ns), value: value))
            attribute = current.pointee.next
        }
        return XMLElement(
            name: string(node.pointee.name), namespace: namespaces.uri(node.pointee.ns),
            attributes: attributes)
    }

    private static func string(_ chars: UnsafePointer<xmlChar>?) -> String {
        chars.map { String(cString: $0) } ?? ""
    }
}
