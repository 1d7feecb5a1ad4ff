/// A child of a read element. Comments and processing instructions are dropped when reading,
/// and CDATA sections arrive as ordinary text.
public enum XMLNode: Sendable, Hashable {
    case element(XMLElement)
    case text(String)
}
