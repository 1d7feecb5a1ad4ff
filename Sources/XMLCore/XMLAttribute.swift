/// One attribute of a read element. Namespace declarations (`xmlns`, `xmlns:p`) are not
/// attributes here: they only serve to give names their namespaces.
public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    /// `nil` for an unprefixed attribute, which is in no namespace whatever the default is.
    public var namespace: String?
    public var value: String

    public init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}
