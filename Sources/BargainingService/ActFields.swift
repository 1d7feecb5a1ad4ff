import Bargaining

/// Turns text typed by a person (`--set NAME=VALUE`, a prompt, a form on the server, a JSON
/// request) into an action's fields through the core's `FieldType.parse`, so every front end
/// accepts the same spellings and a mistake names the field, what it is for and the form expected.
public enum ActFields {
    /// The fields of an action of `kind` from (name, text) pairs. Every problem is reported at
    /// once, so a form or a script can be fixed in one go.
    public static func fields(_ entries: [(name: String, text: String)], for kind: ActionKind) -> Result<Fields, ActFieldsError> {
        var fields = Fields()
        let problems = entries.compactMap { add($0.name, $0.text, to: &fields, for: kind) }
        return problems.isEmpty ? .success(fields) : .failure(ActFieldsError(kind: kind, problems: problems))
    }

    /// Adds one field to `fields`, or says what is wrong with it (unknown, given twice, not of
    /// its type); for front ends that report problems in the order the person gave them.
    public static func add(_ name: String, _ text: String, to fields: inout Fields, for kind: ActionKind) -> String? {
        guard let spec = kind.fields.first(where: { $0.name == name }) else { return unknown(name, for: kind) }
        guard fields[name] == nil else { return "\(name) is given twice" }
        switch parse(text, as: spec) {
        case .success(let value):
            fields[name] = value
            return nil
        case .failure(let problem):
            return problem.description
        }
    }

    /// One value for one field.
    public static func parse(_ text: String, as spec: FieldSpec) -> Result<FieldValue, FieldProblem> {
        guard let value = spec.type.parse(text) else { return .failure(FieldProblem(spec: spec, text: text)) }
        return .success(value)
    }

    public static func unknown(_ name: String, for kind: ActionKind) -> String {
        let names = kind.fields.map(\.name)
        return "'\(name)' is not a field of \(kind.rawValue); \(names.isEmpty ? "it takes no fields" : "its fields are \(names.joined(separator: ", "))")"
    }
}

/// The problems with the fields given for one act, all of them.
public struct ActFieldsError: Error, CustomStringConvertible, Sendable {
    public var kind: ActionKind
    public var problems: [String]

    public var description: String { "\(kind.rawValue): \(problems.joined(separator: "; "))" }
}

/// A value that is not of its field's type.
public struct FieldProblem: Error, CustomStringConvertible, Sendable {
    public var spec: FieldSpec
    public var text: String

    public var description: String {
        text.allSatisfy(\.isWhitespace)
            ? "\(spec.name) is empty; give \(spec.type.hint)"
            : "\(spec.name): '\(text)' is not \(spec.type.hint)"
    }
}
