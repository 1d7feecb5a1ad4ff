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
    /// Each act's fields under it (`bargain log`); the demo's narration says it in words instead.
    var showsFields = false

    /// The rows of `events[first...]`; the earlier events only say which step the first row
    /// left (so `bargain do` can show what it just recorded, with the step it moved to).
    func render(_ events: [Event], from first: Int = 0) throws -> String {
        var table = TextTable()
        table.indent = "  "
        var previousStep: Int? = first > 0 ? try engine.fold(Array(events[..<first])).step : nil
        for (index, event) in events.enumerated() where index >= first {
            let step = try engine.fold(Array(events[...index])).step
            table.add(TextTable.Cell(event.on.description, .dim), TextTable.Cell(who(event.actor)), TextTable.Cell(what(event), .bold))
            if let line = narration[event.sequence] { table.note(at: 2, TextTable.Cell(line)) }
            for line in notes(event) { table.note(at: 2, line) }
            if showsFields {
                for (name, value) in fields(event) { table.note(at: 2, TextTable.Cell("\(name): \(value)", .dim)) }
            }
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

    func who(_ actor: Actor) -> String { PartiesText.actor(actor) }

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

    /// An event's fields in the order its action lists them; `effective-on`, which the engine
    /// adds, is said in words on its own line.
    func fields(_ event: Event) -> [(String, FieldValue)] {
        let fields = event.fields
        let order = event.action?.fields.map(\.name) ?? []
        let names = order.filter { fields[$0] != nil } + fields.sortedNames.filter { !order.contains($0) && $0 != "effective-on" }
        return names.map { ($0, fields[$0]!) }
    }

    /// A classifying rule's explanation comes first in an event's notes; warnings follow.
    func notes(_ event: Event) -> [TextTable.Cell] {
        var notes = event.notes[...]
        var cells: [TextTable.Cell] = []
        if case .acted(_, _, let outcome?) = event.body, let explanation = notes.popFirst() {
            cells.append(TextTable.Cell("\(outcome): \(explanation)", .cyan))
        }
        cells += notes.map { TextTable.Cell("warning: \($0)", .yellow) }
        cells += (event.late ?? []).map { TextTable.Cell($0.description, .red) }
        return cells
    }
}
