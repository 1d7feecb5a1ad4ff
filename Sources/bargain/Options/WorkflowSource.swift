import ArgumentParser
import Bargaining
import BargainingFiles

/// Which workflow `workflow show` and `workflow graph` describe: a level's file in the workflows
/// directory, or a workflow file named directly, so a district can see its adapted copy before
/// putting it in place.
enum WorkflowSource: ExpressibleByArgument {
    case level(Level)
    case file(String)

    init?(argument: String) {
        if let level = Level(rawValue: argument) {
            self = .level(level)
        } else if argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") {
            self = .file(argument)
        } else {
            return nil
        }
    }

    static let help = "enterprise, industry, regional, or the path of a workflow file (.yaml)"

    static var defaultCompletionKind: CompletionKind { .list(Level.allCases.map(\.rawValue)) }

    /// The checked workflow and the file it came from.
    func load(_ options: WorkflowsOptions) throws -> (workflow: Workflow, file: String) {
        let file: String
        switch self {
        case .level(let level): file = try options.file(for: level)
        case .file(let path): file = path
        }
        return (try WorkflowLoader.load(contentsOf: file), file)
    }
}
