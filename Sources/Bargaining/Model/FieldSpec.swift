/// One field an action asks for: its name on the command line, its type, whether it is required,
/// and one sentence a union chair understands.
public struct FieldSpec: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var help: String
    /// For a date: the dates it cannot precede. A first meeting before the act that fixes it, or
    /// an expiry before the draft, cannot be; the act is refused naming both dates.
    public var notBefore: [DateBound]

    public init(_ name: String, _ type: FieldType, required: Bool = true, notBefore: [DateBound] = [], _ help: String) {
        self.name = name
        self.type = type
        self.required = required
        self.notBefore = notBefore
        self.help = help
    }
}

/// A date a date field may not precede.
public enum DateBound: Sendable, Hashable {
    /// The day of the act that records the field.
    case actDay
    /// Another date field of the same act.
    case field(String)
}
