import Yams

/// Reads an action's fields from a YAML file (`bargain do … --file data.yaml`), so a chair or a
/// script can keep a draft's terms in a file. Values go through the same ``FieldType/parse(_:)``
/// as `--set`, so a file and the command line accept exactly the same spellings.
public enum ActionFileLoader {
    public static func load(yaml: String, file: String, for kind: ActionKind) throws(DataFileError) -> Fields {
        let reader = YAMLReader(file: file)
        let specs = kind.fields
        var fields = Fields()
        for entry in try reader.mapping(try reader.root(yaml), allowed: Set(specs.map(\.name)), what: "the fields of \(kind.rawValue)") {
            let spec = specs.first { $0.name == entry.key }!
            let text: String
            if spec.type == .list, let items = entry.value.sequence {
                var names: [String] = []
                for item in items { names.append(try reader.string(item, what: entry.key)) }
                text = names.joined(separator: ",")
            } else {
                text = try reader.string(entry.value, what: entry.key)
            }
            guard let value = spec.type.parse(text) else {
                throw reader.fail(entry.value, "\(entry.key) must be \(spec.type.hint), not '\(text)'")
            }
            fields[entry.key] = value
        }
        return fields
    }
}
