/// The namespace and relationship-type URIs of the Office Open XML parts written here
/// (ECMA-376, transitional).
enum OfficeNamespaces {
    static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let wordprocessing = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"

    static func relationshipType(_ kind: String) -> String { relationships + "/" + kind }

    static func contentType(_ kind: String) -> String { "application/vnd.openxmlformats-officedocument." + kind + "+xml" }
}
