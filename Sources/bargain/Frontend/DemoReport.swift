import Bargaining

/// A played negotiation printed for a union chair: who negotiates for whom, the timeline, and
/// where it stands after the last act.
struct DemoReport {
    let played: DemoRunner.Played
    let engine: Engine
    let terminal: Terminal

    func render() throws -> String {
        let opening = played.script.opening
        var output = terminal.paint("\(opening.title)", .bold) + "  (\(opening.level.chineseName) · \(opening.id))\n"
        var parties = TextTable()
        parties.indent = "  "
        parties.add("职工方 (union side)", TextTable.Cell(opening.employeeParty))
        parties.add("企业方 (employer side)", TextTable.Cell(opening.employerParty))
        for enterprise in opening.enterprises {
            let employees = enterprise.employees.map { ", \($0) employees" } ?? ""
            parties.add("covers", TextTable.Cell("\(enterprise.name) (\(enterprise.creditCode)\(employees))"))
        }
        parties.add("workflow", TextTable.Cell("\(opening.workflow)", .dim))
        output += parties.render(for: terminal) + "\n"
        output += try Timeline(engine: engine, terminal: terminal, narration: played.narration).render(played.events)
        output += "\n" + StatusReport(status: try engine.status(played.state, asOf: played.state.lastDay).get(), terminal: terminal).render()
        return output
    }
}
