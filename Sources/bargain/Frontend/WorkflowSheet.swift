import Bargaining

/// `bargain workflow show` as text: the process in the order a chair meets it, each step with
/// what it means, the actions that leave it, who may take them and the rules that judge them,
/// then every deadline with its length, article and what happens when it passes.
struct WorkflowSheet {
    let workflow: Workflow
    let file: String
    let terminal: Terminal

    /// Prose is wrapped to this many columns; tables run as wide as they need.
    static let proseWidth = 88

    func render() -> String {
        var output = header()
        output += "\n" + terminal.paint("STEPS", .bold) + "\n"
        for (index, step) in workflow.steps.enumerated() { output += describe(step, index: index) }
        output += "\n" + terminal.paint("DEADLINES", .bold) + "\n" + deadlines().render(for: terminal)
        return output
    }

    func header() -> String {
        let facts = [
            "level \(workflow.level.rawValue) (\(workflow.level.chineseName))",
            "starts at \(workflow.stepName(workflow.initialStep))",
            "\(workflow.steps.count) steps", "\(workflow.actions.count) actions",
            "digest \(workflow.digest.prefix(12))",
        ]
        return terminal.paint("\(workflow.name) v\(workflow.version)", .bold) + "  \(workflow.title)\n"
            + facts.joined(separator: " · ") + "\n" + terminal.paint(file, .dim) + "\n"
    }

    func describe(_ step: Workflow.Step, index: Int) -> String {
        var output = "\n" + String(index + 1).leftPadded(to: 3) + "  " + terminal.paint(step.name, .bold) + "  \(step.title)\n"
        let indent = "     "
        for line in DisplayWidth.wrap(step.about, width: WorkflowSheet.proseWidth) { output += indent + line + "\n" }
        var facts: [String] = []
        if step.terminal { facts.append("the negotiation ends here") }
        if step.takesEffect { facts.append("entering it makes the agreement take effect") }
        if !step.opens.isEmpty { facts.append("entering it starts: \(step.opens.joined(separator: ", "))") }
        for fact in facts { output += indent + terminal.paint(fact, .dim) + "\n" }
        let actions = workflow.actions(from: index)
        if !actions.isEmpty {
            var table = actionTable(actions)
            table.indent = indent
            output += table.render(for: terminal)
            var fields = fieldTable(actions)
            fields.indent = indent
            output += fields.render(for: terminal)
        }
        return output
    }

    /// Each action's fields, as `do --set` and `next` take them: name, the form to write,
    /// whether it must be given, and what it is for.
    func fieldTable(_ actions: [Workflow.ActionDefinition]) -> TextTable {
        var table = TextTable(headers: [TextTable.Cell("FIELDS OF", .dim), TextTable.Cell("FIELD", .dim), TextTable.Cell("FORM", .dim),
                                        TextTable.Cell("", .dim), TextTable.Cell("WHAT IT IS", .dim)])
        for action in actions {
            let fields = action.kind.fields
            if fields.isEmpty {
                table.add([TextTable.Cell(action.kind.rawValue, .bold), TextTable.Cell("(none)", .dim), TextTable.Cell(""), TextTable.Cell(""), TextTable.Cell("")])
            }
            for (line, field) in fields.enumerated() {
                table.add([
                    TextTable.Cell(line == 0 ? action.kind.rawValue : "", .bold),
                    TextTable.Cell(field.name),
                    TextTable.Cell(field.type.hint, .dim),
                    TextTable.Cell(field.required ? "required" : "optional", field.required ? nil : .dim),
                    TextTable.Cell(field.help),
                ])
            }
        }
        return table
    }

    /// One block of rows per action: its destinations and deadlines in the second column, one
    /// role per line in the third, one guard per line with its article in the last two.
    func actionTable(_ actions: [Workflow.ActionDefinition]) -> TextTable {
        var table = TextTable(headers: [TextTable.Cell("ACTION", .dim), TextTable.Cell("LEADS TO", .dim),
                                        TextTable.Cell("WHO", .dim), TextTable.Cell("RULES", .dim),
                                        TextTable.Cell("ARTICLE", .dim)])
        for action in actions {
            var leads = workflow.destinations(of: action).map { destination in
                destination.outcome.map { "\($0) → \(workflow.stepName(destination.step))" } ?? workflow.stepName(destination.step)
            }
            if leads.isEmpty { leads = ["(stays)"] }
            if !action.opens.isEmpty { leads.append("opens \(action.opens.joined(separator: ", "))") }
            if !action.closes.isEmpty { leads.append("closes \(action.closes.joined(separator: ", "))") }
            if let extended = action.extends { leads.append("extends \(extended)") }
            var who = action.roles.map(\.rawValue)
            if action.eachSide { who.append("(each side once)") }
            if action.once { who.append("(once in this step)") }
            let guards = action.guards
            for line in 0..<max(1, leads.count, who.count, guards.count) {
                table.add([
                    TextTable.Cell(line == 0 ? action.kind.rawValue : "", .bold),
                    TextTable.Cell(line < leads.count ? leads[line] : ""),
                    TextTable.Cell(line < who.count ? who[line] : ""),
                    TextTable.Cell(line < guards.count ? guards[line].text : ""),
                    TextTable.Cell(line < guards.count ? guards[line].rule.article : (line == 0 ? action.article : ""), .dim),
                ])
            }
        }
        return table
    }

    func deadlines() -> TextTable {
        var table = TextTable(headers: [TextTable.Cell("NAME", .dim), TextTable.Cell("LENGTH", .dim), TextTable.Cell("WHEN IT PASSES", .dim),
                                        TextTable.Cell("ARTICLE", .dim), TextTable.Cell("TITLE", .dim)])
        table.indent = "     "
        for deadline in workflow.deadlinesInFileOrder {
            table.add([
                TextTable.Cell(deadline.name, .bold),
                TextTable.Cell(deadline.length.text),
                TextTable.Cell(deadline.lapse.map { "→ \(workflow.stepName($0))" } ?? "overdue"),
                TextTable.Cell(deadline.article, .dim),
                TextTable.Cell(deadline.title),
            ])
        }
        return table
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(self))) + self
    }
}
