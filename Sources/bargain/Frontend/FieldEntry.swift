import Bargaining
import BargainingService

/// `--set NAME=VALUE` on the command line, read through the library's ``ActFields`` so the CLI
/// and the server accept the same spellings.
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
            let name = String(assignment[..<equals]), text = String(assignment[assignment.index(after: equals)...])
            if let problem = ActFields.add(name, text, to: &fields, for: kind) { problems.append(problem) }
        }
        guard problems.isEmpty else { throw CommandFailure("\(kind.rawValue): \(problems.joined(separator: "; "))", exitCode: ExitCodes.usage) }
        return fields
    }

    static func parse(_ text: String, as spec: FieldSpec) -> Result<FieldValue, FieldProblem> { ActFields.parse(text, as: spec) }
}
