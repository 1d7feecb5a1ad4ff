import Bargaining

/// A played negotiation printed for a union chair: who negotiates for whom, the timeline, and
/// where it stands after the last act.
struct DemoReport {
    let played: DemoRunner.Played
    let engine: Engine
    let terminal: Terminal
    var narrated = true

    func render() throws -> String {
        let opening = played.script.opening
        return DemoReport.header(opening, terminal: terminal)
            + (try Timeline(engine: engine, terminal: terminal, narration: narrated ? played.narration : [:]).render(played.events))
            + "\n" + StatusReport(status: try engine.status(played.state, asOf: played.state.lastDay).get(), terminal: terminal,
                                  showsParties: false).render()
    }

    /// The title, then the parties and the enterprises covered.
    static func header(_ opening: Opening, terminal: Terminal) -> String {
        let output = terminal.paint("\(opening.title)", .bold) + "  (\(opening.level.chineseName) · \(opening.id))\n"
        var parties = TextTable()
        parties.indent = "  "
        parties.add("职工方 (union side)", TextTable.Cell(opening.employeeParty))
        parties.add("企业方 (employer side)", TextTable.Cell(opening.employerParty))
        for enterprise in opening.enterprises {
            parties.add("covers", TextTable.Cell(PartiesText.enterprise(enterprise)))
        }
        if let renews = opening.renews { parties.add("renews", TextTable.Cell(renews)) }
        parties.add("workflow", TextTable.Cell("\(opening.workflow)", .dim))
        return output + parties.render(for: terminal) + "\n"
    }
}
