/// An element read by ``SafeXMLReader``: plain Swift values, usable after libxml2's document is
/// gone and safe to pass between tasks.
///
/// Lookups by local name alone search the element's own namespace, since in a single-namespace
/// document that is what the name means; the `namespace:` variants search exactly the one given.
///
/// ## Topics
/// ### Navigating
/// - ``elements``
/// - ``firstChild(named:)``
/// - ``firstChild(named:namespace:)``
/// - ``children(named:)``
/// - ``children(named:namespace:)``
/// - ``attribute(_:namespace:)``
/// - ``text``
public struct XMLElement: Sendable, Hashable {
    /// The local name, without prefix.
    public var name: String
    /// `nil` for an element in no namespace.
    public var namespace: String?
    public var attributes: [XMLAttribute]
    public var children: [XMLNode]

    public init(
        name: String, namespace: String? = nil, attributes: [XMLAttribute] = [],
        children: [XMLNode] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
    }

    public var expandedName: XMLName { XMLName(namespace: namespace, localName: name) }

    /// The child elements, without the text between them.
    public var elements: [XMLElement] {
        children.compactMap {
            if case .element(let element) = $0 { element } else { nil }
        }
    }

    public func firstChild(named name: String) -> XMLElement? {
        firstChild(named: name, namespace: namespace)
    }

    public func firstChild(named name: String, namespace: String?) -> XMLElement? {
        for case .element(let element) in children
        where element.name == name && element.namespace == namespace {
            return element
        }
        return nil
    }

    public func children(named name: String) -> [XMLElement] {
        children(named: name, namespace: namespace)
    }

    public func children(named name: String, namespace: String?) -> [XMLElement] {
        elements.filter { $0.name == name && $0.namespace == namespace }
    }

    /// The value of an attribute; `namespace` defaults to none, as for any unprefixed attribute.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    /// All text inside the element and its descendants, in document order (XPath `string()`).
    ///
    /// Walks with an explicit stack rather than recursion, so even a tree built by hand deeper
    /// than the reader would allow cannot exhaust the call stack.
    public var text: String {
        var result = ""
        var pending: [ArraySlice<XMLNode>] = [children[...]]
        while var nodes = pending.popLast() {
            guard let node = nodes.popFirst() else { continue }
            pending.append(nodes)
            switch node {
            case .text(let text): result += text
            case .element(let element): pending.append(element.children[...])
            }
        }
        return result
    }
}
