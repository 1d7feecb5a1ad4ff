import Yams

/// Reading a YAML node tree with errors that carry the file and the line, so a district editing a
/// workflow or policy file by hand is told exactly where the problem is.
struct YAMLReader {
    let file: String

    func fail(_ node: Node?, _ reason: String) -> DataFileError {
        DataFileError(file: file, line: node?.mark.map { $0.line }, reason: reason)
    }

    func root(_ text: String) throws(DataFileError) -> Node {
        let node: Node?
        // `.basic`: every scalar stays untagged text, which is all the readers below look at;
        // the default resolver tries each scalar against Foundation regular expressions, a
        // large part of a `bargain do`'s start-up.
        do { node = try Yams.compose(yaml: text, .basic) } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            // Yams refuses a repeated key before our own check sees it; say where, briefly.
            let key = duplicates.first ?? ""
            let first = context.mark.line
            throw DataFileError(file: file, line: YAMLReader.repeatLine(of: key, after: first, column: context.mark.column, in: text),
                                reason: "'\(key)' is given twice in the same mapping (first on line \(first))")
        } catch {
            let line = (error as? YamlError).flatMap { error -> Int? in
                if case .scanner(_, _, let mark, _) = error { return mark.line }
                if case .parser(_, _, let mark, _) = error { return mark.line }
                if case .composer(_, _, let mark, _) = error { return mark.line }
                return nil
            }
            throw DataFileError(file: file, line: line, reason: "not valid YAML: \(error)")
        }
        guard let node else { throw DataFileError(file: file, reason: "the file is empty") }
        return node
    }

    /// The mapping's entries in file order, refusing keys outside `allowed` (typos are errors).
    /// The line of the next key spelled `key` at the same indentation as its first occurrence, or
    /// the first occurrence's line when the repeat is not written that way (a flow mapping).
    static func repeatLine(of key: String, after firstLine: Int, column: Int, in yaml: String) -> Int {
        let indent = String(repeating: " ", count: max(0, column - 1))
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 > firstLine {
            if line.hasPrefix(indent + key + ":") { return index + 1 }
        }
        return firstLine
    }

    func mapping(_ node: Node, allowed: Set<String>? = nil, what: String) throws(DataFileError) -> [(key: String, value: Node, keyNode: Node)] {
        guard let mapping = node.mapping else { throw fail(node, "\(what) must be a mapping (key: value)") }
        var seen = Set<String>()
        var entries: [(key: String, value: Node, keyNode: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw fail(keyNode, "\(what): keys must be text") }
            if let allowed, !allowed.contains(key) {
                throw fail(keyNode, "unknown key '\(key)' in \(what); expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw fail(keyNode, "duplicate key '\(key)' in \(what)") }
            entries.append((key, value, keyNode))
        }
        return entries
    }

    func sequence(_ node: Node, what: String) throws(DataFileError) -> [Node] {
        guard let sequence = node.sequence else { throw fail(node, "\(what) must be a list") }
        return Array(sequence)
    }

    func string(_ node: Node, what: String) throws(DataFileError) -> String {
        guard let scalar = node.scalar else { throw fail(node, "\(what) must be a single value") }
        return scalar.string
    }

    func integer(_ node: Node, what: String) throws(DataFileError) -> Int {
        guard let value = Int(try string(node, what: what)) else { throw fail(node, "\(what) must be a whole number") }
        return value
    }

    func bool(_ node: Node, what: String) throws(DataFileError) -> Bool {
        switch try string(node, what: what) {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fail(node, "\(what) must be true or false")
        }
    }

    func strings(_ node: Node, what: String) throws(DataFileError) -> [String] {
        if node.scalar != nil { return [try string(node, what: what)] }
        var result: [String] = []
        for item in try sequence(node, what: what) { result.append(try string(item, what: what)) }
        return result
    }

    func line(_ node: Node) -> Int { node.mark.map { $0.line } ?? 0 }
}
