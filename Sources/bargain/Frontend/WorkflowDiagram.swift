import Bargaining

/// A workflow as a state diagram: steps as states, actions and outcomes as transitions, and
/// deadlines that move the negotiation on by themselves as dashed transitions. Parallel actions
/// between the same two steps share one arrow so the picture stays readable.
struct WorkflowDiagram {
    struct Transition: Hashable {
        var from: Int
        var to: Int
        /// A deadline passing, not an act.
        var lapse: Bool
    }

    let workflow: Workflow
    /// Labels per transition, in the order first met.
    private(set) var transitions: [(Transition, [String])] = []

    init(_ workflow: Workflow) {
        self.workflow = workflow
        for action in workflow.actions {
            for from in action.from.sorted() {
                let destinations = workflow.destinations(of: action)
                if destinations.isEmpty { add(Transition(from: from, to: from, lapse: false), action.kind.rawValue) }
                for destination in destinations {
                    add(Transition(from: from, to: destination.step, lapse: false),
                        destination.outcome.map { "\(action.kind.rawValue) (\($0))" } ?? action.kind.rawValue)
                }
            }
        }
        let open = workflow.deadlinesPossiblyOpen
        for (step, names) in open.enumerated() where !workflow.steps[step].terminal {
            for deadline in workflow.deadlinesInFileOrder where names.contains(deadline.name) {
                if let lapse = deadline.lapse, lapse != step {
                    add(Transition(from: step, to: lapse, lapse: true), "\(deadline.name) passes")
                }
            }
        }
    }

    private mutating func add(_ transition: Transition, _ label: String) {
        if let index = transitions.firstIndex(where: { $0.0 == transition }) {
            transitions[index].1.append(label)
        } else {
            transitions.append((transition, [label]))
        }
    }

    /// Mermaid `stateDiagram-v2`. Step names contain hyphens, which Mermaid does not accept in
    /// state ids, so states get safe ids and carry the names in their descriptions.
    func mermaid() -> String {
        func id(_ step: Int) -> String { "s\(step)_" + workflow.stepName(step).map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() }
        func escape(_ text: String) -> String { text.replacing("\"", with: "#quot;").replacing(":", with: "#58;") }
        var lines = ["stateDiagram-v2", "    %% \(workflow.name) v\(workflow.version) — \(workflow.title)"]
        for (index, step) in workflow.steps.enumerated() {
            lines.append("    state \"\(escape(step.name)) · \(escape(step.title))\" as \(id(index))")
        }
        lines.append("    [*] --> \(id(workflow.initialStep))")
        for (transition, labels) in transitions {
            let label = transition.lapse ? "⏱ " + labels.joined(separator: ", ") : labels.joined(separator: ", ")
            lines.append("    \(id(transition.from)) --> \(id(transition.to)) : \(escape(label))")
        }
        for (index, step) in workflow.steps.enumerated() where step.terminal {
            lines.append("    \(id(index)) --> [*]")
        }
        lines.append("    %% ⏱ marks a deadline that moves the negotiation on by itself when it passes")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Graphviz `dot`: lapses dashed, terminal steps double-bordered, effective steps bold.
    func dot() -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n") + "\""
        }
        var lines = [
            "digraph \(quoted(workflow.name)) {",
            "    label=\(quoted("\(workflow.name) v\(workflow.version) — \(workflow.title)"));",
            "    labelloc=t;",
            "    fontname=\"sans-serif\";",
            "    rankdir=TB;",
            "    node [shape=box, style=rounded, fontname=\"sans-serif\"];",
            "    edge [fontname=\"sans-serif\", fontsize=10];",
            "    start [shape=point, label=\"\"];",
        ]
        for step in workflow.steps {
            var attributes = ["label=\(quoted("\(step.name)\n\(step.title)"))"]
            if step.terminal { attributes.append("peripheries=2") }
            if step.takesEffect { attributes.append("style=\"rounded,bold\"") }
            lines.append("    \(quoted(step.name)) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("    start -> \(quoted(workflow.stepName(workflow.initialStep)));")
        for (transition, labels) in transitions {
            var attributes = ["label=\(quoted(labels.joined(separator: "\n")))"]
            if transition.lapse { attributes.append("style=dashed") }
            lines.append("    \(quoted(workflow.stepName(transition.from))) -> \(quoted(workflow.stepName(transition.to))) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Workflow {
    /// For each step, the deadlines that may be running while the negotiation is in it. A
    /// deadline outlives the step that started it (the expiry keeps running while the agreement
    /// is in force), so this follows actions and lapses until nothing changes.
    var deadlinesPossiblyOpen: [Set<String>] {
        var open = steps.map { Set($0.opens) }
        var changed = true
        func carry(_ deadlines: Set<String>, into step: Int) {
            guard !steps[step].terminal else { return }
            let merged = open[step].union(deadlines)
            if merged != open[step] { open[step] = merged; changed = true }
        }
        while changed {
            changed = false
            for action in actions {
                for from in action.from {
                    let after = open[from].subtracting(action.closes).union(action.opens)
                    let targets = destinations(of: action).map(\.step)
                    for target in targets.isEmpty ? [from] : targets { carry(after.union(steps[target].opens), into: target) }
                }
            }
            for names in open {
                for name in names {
                    guard let lapse = deadlines[name]?.lapse else { continue }
                    carry(names.subtracting([name]).union(steps[lapse].opens), into: lapse)
                }
            }
        }
        return open
    }
}
