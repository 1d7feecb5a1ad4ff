import Bargaining

/// Turns what a chair typed into an action's fields through the core's `FieldType.parse`, so
/// `--set`, a prompt and a data file accept the same spellings, and a mistake names the field,
/// what it is for and the form expected.
enum FieldEntry {
    /// The fields given as `NAME=VALUE` for an action of `kind`. Every problem is reported at
    /// once, so a script can be fixed in one go.
    static func fields(from assignments: [String], for kind: ActionKind) throws(CommandFailure) -> Fields {
        var fields = Fields()
        var problems: [String] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                problems.append("'\(assignment)': write NAME=VALUE, e.g. --set pay-day=10")
                continue
            }
            let name = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            guard let spec = kind.fields.first(where: { $0.name == name }) else {
                problems.append(unknown(name, for: kind))
                continue
            }
            guard fields[name] == nil else {
                problems.append("\(name) is given twice")
                continue
            }
            switch parse(text, as: spec) {
            case .success(let value): fields[name] = value
            case .failure(let problem): problems.append(problem.description)
            }
        }
        guard problems.isEmpty else { throw CommandFailure("\(kind.rawValue): \(problems.joined(separator: "; "))", exitCode: ExitCodes.usage) }
        return fields
    }

    /// One value for one field.
    static func parse(_ text: String, as spec: FieldSpec) -> Result<FieldValue, FieldProblem> {
        guard let value = spec.type.parse(text) else { return .failure(FieldProblem(spec: spec, text: text)) }
        return .success(value)
    }

    static func unknown(_ name: String, for kind: ActionKind) -> String {
        let names = kind.fields.map(\.name)
        return "'\(name)' is not a field of \(kind.rawValue); \(names.isEmpty ? "it takes no fields" : "its fields are \(names.joined(separator: ", "))")"
    }
}

/// A value that is not of its field's type.
struct FieldProblem: Error, CustomStringConvertible {
    var spec: FieldSpec
    var text: String

    var description: String {
        text.allSatisfy(\.isWhitespace)
            ? "\(spec.name) is empty; give \(spec.type.hint)"
            : "\(spec.name): '\(text)' is not \(spec.type.hint)"
    }
}
