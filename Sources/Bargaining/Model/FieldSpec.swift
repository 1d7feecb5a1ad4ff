/// One field an action asks for: its name on the command line, its type, whether it is required,
/// and one sentence a union chair understands.
public struct FieldSpec: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var help: String

    public init(_ name: String, _ type: FieldType, required: Bool = true, _ help: String) {
        self.name = name
        self.type = type
        self.required = required
        self.help = help
    }
}
