import XMLCore

/// A part's relationships (`_rels/NAME.rels`): how a package says where its workbook, sheets,
/// shared strings and styles are, rather than every producer using the same names.
struct OfficeRelationships {
    struct Relationship {
        var id: String
        /// The type URI; compared by its last segment (`officeDocument`, `worksheet` …), which is
        /// the same in the transitional and the strict namespaces.
        var type: String
        /// The target as a part name inside the package (no leading `/`).
        var target: String

        var kind: Substring { type.split(separator: "/").last ?? "" }
    }

    private(set) var all: [Relationship] = []

    /// The relationships of `source` (`""` for the package itself); none when the part has no
    /// relationships part.
    init(of source: String, in package: OfficePackage) throws(OfficeError) {
        let directory = Self.directory(of: source)
        let name = source.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = directory + "_rels/" + name + ".rels"
        guard let root = try OfficeXML.tree(relsPart, in: package) else { return }
        for element in root.elements where element.name == "Relationship" {
            // External targets (a hyperlink, a linked file) are never opened.
            guard element.attribute("TargetMode") != "External", let id = element.attribute("Id"),
                  let type = element.attribute("Type"), let target = element.attribute("Target") else { continue }
            all.append(Relationship(id: id, type: type, target: Self.resolve(target, from: directory)))
        }
    }

    func first(_ kind: String) -> Relationship? { all.first { $0.kind == kind } }

    func with(id: String) -> Relationship? { all.first { $0.id == id } }

    /// `xl/` for `xl/workbook.xml`, `""` for a part at the root.
    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A target relative to `directory`, or absolute from the package root; `..` and `.` resolved.
    static func resolve(_ target: String, from directory: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : directory + target
        var segments: [Substring] = []
        for segment in joined.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
