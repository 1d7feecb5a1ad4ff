import Bargaining

/// Where a negotiation stands on a date, as a chair needs it: the step and what it means, the
/// running deadlines with the days left (overdue ones in red), and what may happen next, by whom,
/// under which rules.
struct StatusReport {
    let status: NegotiationStatus
    let terminal: Terminal
    /// The parties and covered enterprises; the demo prints them once above the timeline instead.
    var showsParties = true

    func render() -> String {
        let step = status.step
        var output = terminal.paint("Status on \(status.asOf)", .bold) + "  \(status.state.id)  \(status.state.opening.title)\n"
        if showsParties { output += parties() }
        output += "  step       " + terminal.paint(step.name, .bold) + "  \(step.title)\n"
        for line in DisplayWidth.wrap(step.about, width: WorkflowSheet.proseWidth) { output += "             " + terminal.paint(line, .dim) + "\n" }
        for lapse in status.lapses {
            if case .lapsed(let name, _) = lapse.body {
                output += terminal.paint("             \(name) passed on \(lapse.on); the negotiation moved on by itself", .yellow) + "\n"
            }
        }
        for late in status.state.lateActs {
            output += terminal.paint("             \(late.action.rawValue) on \(late.on) was \(late.lateness)", .red) + "\n"
        }
        output += "\n  deadlines\n"
        output += status.deadlines.isEmpty ? "    none running\n" : deadlineTable().render(for: terminal)
        output += "\n  next\n"
        output += status.allowed.isEmpty ? "    nothing: the negotiation has ended\n" : nextTable().render(for: terminal)
        return output
    }

    /// Who negotiates for whom, and the facts a chair looks up: term, renewal links. Labels are
    /// padded to the width of "step" and its spaces, so the values line up with the step's.
    func parties() -> String {
        let opening = status.state.opening
        var lines: [(String, TextTable.Cell)] = [
            ("level", TextTable.Cell("\(opening.level.rawValue) (\(opening.level.chineseName))")),
            ("职工方", TextTable.Cell(opening.employeeParty)),
            ("企业方", TextTable.Cell(opening.employerParty)),
        ]
        lines += opening.enterprises.map { ("covers", TextTable.Cell(PartiesText.enterprise($0))) }
        if let place = PartiesText.place(opening) { lines.append(("area", TextTable.Cell(place))) }
        if let renews = opening.renews { lines.append(("renews", TextTable.Cell(renews))) }
        if let renewal = status.state.renewal { lines.append(("renewal", TextTable.Cell(renewal))) }
        if let amends = opening.amends { lines.append(("amends", TextTable.Cell(amends))) }
        if let amendment = status.state.amendment { lines.append(("amendment", TextTable.Cell(amendment))) }
        if let effective = status.state.effectiveOn {
            lines.append(("term", TextTable.Cell("in effect from \(effective)\(status.state.expiresOn.map { " to \($0)" } ?? "")")))
        }
        let recorded = status.recordedVersion
        lines.append(("recorded", TextTable.Cell("\(recorded) event\(recorded == 1 ? "" : "s")", .dim)))
        return lines.map { label, value in
            "  " + label + String(repeating: " ", count: max(1, 11 - DisplayWidth.of(label))) + terminal.paint(value.text, value.style) + "\n"
        }.joined()
    }

    func deadlineTable() -> TextTable {
        var table = TextTable(alignments: [.left, .left, .right])
        table.indent = "    "
        for deadline in status.deadlines {
            let left: TextTable.Cell = switch deadline.daysLeft {
            case ..<0: TextTable.Cell("\(counted(-deadline.daysLeft, "day")) overdue", .red)
            case 0: TextTable.Cell("due today", .yellow)
            case 1: TextTable.Cell("1 day left")
            default: TextTable.Cell("\(counted(deadline.daysLeft, "day")) left")
            }
            table.add(TextTable.Cell(deadline.name, .bold), TextTable.Cell("due \(deadline.due)"), left,
                      TextTable.Cell(deadline.article, .dim), TextTable.Cell(deadline.title))
        }
        return table
    }

    func nextTable() -> TextTable {
        var table = TextTable()
        table.indent = "    "
        for action in status.allowed {
            var who = action.roles.map(\.rawValue).joined(separator: ", ")
            if !action.waitingFor.isEmpty, action.waitingFor.count < Side.allCases.count {
                who += " (waiting for the \(action.waitingFor.map(\.rawValue).joined(separator: ", ")) side)"
            }
            table.add(TextTable.Cell(action.kind.rawValue, .bold), TextTable.Cell(who), TextTable.Cell(action.kind.title))
            for rule in action.rules {
                table.note(at: 1, TextTable.Cell("\(rule.summary) (\(rule.rawValue), \(rule.article))", .dim))
            }
        }
        return table
    }
}
