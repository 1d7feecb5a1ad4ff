import Bargaining

/// A negotiation's history as a union chair reads it: the date, who acted (role in Chinese and
/// name), what they did, and under it what followed: how a rule decided and with which numbers,
/// warnings, the step the negotiation moved to, when the agreement takes effect, and the
/// deadlines that started.
struct Timeline {
    let engine: Engine
    let terminal: Terminal
    /// A sentence per event sequence number, for the demo's story.
    var narration: [Int: String] = [:]

    func render(_ events: [Event]) throws -> String {
        var table = TextTable()
        table.indent = "  "
        var previousStep: Int?
        for (index, event) in events.enumerated() {
            let step = try engine.fold(Array(events[...index])).step
            table.add(TextTable.Cell(event.on.description, .dim), TextTable.Cell(who(event.actor)), TextTable.Cell(what(event), .bold))
            if let line = narration[event.sequence] { table.note(at: 2, TextTable.Cell(line)) }
            for line in notes(event) { table.note(at: 2, line) }
            if step != previousStep, previousStep != nil {
                let entered = engine.workflow.steps[step]
                table.note(at: 2, TextTable.Cell("→ \(entered.name): \(entered.title)", .green))
            }
            if let effective = event.fields.day("effective-on") {
                table.note(at: 2, TextTable.Cell("the agreement takes effect on \(effective)", .green))
            }
            for deadline in event.opened {
                let title = engine.workflow.deadlines[deadline.name]?.title ?? deadline.name
                table.note(at: 2, TextTable.Cell("deadline \(deadline.due): \(title)", .dim))
            }
            previousStep = step
        }
        return table.render(for: terminal)
    }

    func who(_ actor: Actor) -> String {
        actor.name.isEmpty ? actor.role.chineseName : "\(actor.role.chineseName) \(actor.name)"
    }

    func what(_ event: Event) -> String {
        switch event.body {
        case .opened(let opening):
            "开启协商 (negotiation opened): \(opening.id) \(opening.title)"
        case .acted(let action, _, _):
            action.title
        case .lapsed(let name, _):
            "\(engine.workflow.deadlines[name]?.title ?? name) — passed"
        }
    }

    /// A classifying rule's explanation comes first in an event's notes; warnings follow.
    func notes(_ event: Event) -> [TextTable.Cell] {
        var notes = event.notes[...]
        var cells: [TextTable.Cell] = []
        if case .acted(_, _, let outcome?) = event.body, let explanation = notes.popFirst() {
            cells.append(TextTable.Cell("\(outcome): \(explanation)", .cyan))
        }
        cells += notes.map { TextTable.Cell("warning: \($0)", .yellow) }
        return cells
    }
}
