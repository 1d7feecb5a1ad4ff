import ArgumentParser
import Bargaining

/// How a chair states an act on the command line: its fields, who takes it, and its legal date.
/// Shared by `bargain do` and `bargain next`, so both accept the same spellings.
struct ActOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("A field of the action, NAME=VALUE; repeat for each field (`bargain workflow show` lists them).",
                           valueName: "field=value"))
    var assignments: [String] = []

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Who takes the act: ROLE or ROLE:NAME, e.g. employee-side:王芳. Roles: \(ActOptions.roles).",
                           valueName: "role[:name]"),
        transform: ActOptions.actor)
    var actor: Actor?

    @Option(name: .customLong("on"), help: ArgumentHelp("The legal date of the act, YYYY-MM-DD.", valueName: "date"),
            transform: ActOptions.day)
    var day: Day?

    static let roles = Role.allCases.filter { $0 != .system }.map(\.rawValue).joined(separator: ", ")

    static func actor(_ text: String) throws -> Actor {
        guard let actor = Actor(parsing: text) else {
            throw ValidationError("'\(text.split(separator: ":", maxSplits: 1).first ?? "")' is not a role; use one of \(roles), optionally followed by :NAME")
        }
        return actor
    }

    static func day(_ text: String) throws -> Day {
        guard let day = Day(text) else { throw ValidationError("'\(text)' is not a date; write YYYY-MM-DD, e.g. 2025-03-03") }
        return day
    }
}
