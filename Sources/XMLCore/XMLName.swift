/// An element's expanded name: what identifies it regardless of the prefix a document chose.
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
    /// `nil` for an element in no namespace.
    public var namespace: String?
    public var localName: String

    public init(namespace: String?, localName: String) {
        self.namespace = namespace
        self.localName = localName
    }

    /// Clark notation, `{urn:example}Agreement`, which shows the namespace a prefix would hide.
    public var description: String {
        namespace.map { "{\($0)}\(localName)" } ?? localName
    }
}
