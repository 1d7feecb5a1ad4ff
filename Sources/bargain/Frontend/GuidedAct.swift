import Bargaining
import BargainingService

/// `bargain next`: takes a chair through one act. It shows where the negotiation stands and
/// the acts allowed now, asks which, who takes it and on which date, explains the rules that
/// will judge it, asks each field (again until the answer is of the right kind), shows a
/// summary and asks to confirm. A refusal is explained and nothing is recorded; the chair
/// changes what the rule points at and tries again, without typing the rest a second time.
///
/// Questions are asked with SIGINT handled (Ctrl-C ends the command with nothing recorded);
/// recording is not, so an interrupt there is left to the store's atomicity.
struct GuidedAct {
    let prompter: FieldPrompter
    let service: any NegotiationService
    let id: String
    /// From `--as`, `--on` and `--set`: what the chair already said is not asked again.
    var actor: Actor?
    var day: Day?
    /// `--set NAME=VALUE`, parsed once the act is chosen (the same name can differ in type
    /// between acts).
    var assignments: [String] = []
    var today = Day.today()

    enum Outcome: Equatable {
        case recorded
        /// The chair stopped without recording; `afterRefusal` when the rules had refused.
        case stopped(afterRefusal: Bool)
    }

    private var terminal: Terminal { prompter.terminal }
    private func say(_ text: String) { prompter.write(text) }

    func run() async throws -> Outcome {
        let negotiation = try await service.negotiation(id)
        let status = try negotiation.status(asOf: max(day ?? today, negotiation.state.lastDay))
        say(overview(status))
        guard !status.allowed.isEmpty else {
            throw CommandFailure("\(id) has ended (\(status.step.name)); nothing can be recorded", exitCode: ExitCodes.refused)
        }
        let engine = negotiation.engine
        var draft = try FieldPrompter.interruptible { () throws -> Draft in
            let allowed = try chooseAction(status.allowed)
            let actor = try self.actor ?? chooseActor(for: allowed)
            let day = try self.day ?? chooseDay(after: negotiation.state.lastDay)
            let given = try FieldEntry.fields(from: assignments, for: allowed.kind)
            say(rules(for: allowed.kind, in: engine))
            let fields = try prompter.complete(given, asking: askable(allowed.kind))
            return Draft(kind: allowed.kind, actor: actor, day: day, fields: fields)
        }
        var refused = false
        while true {
            say(summary(draft))
            let confirmed = try FieldPrompter.interruptible { try prompter.confirm("Record it?") }
            if confirmed {
                do {
                    try await record(draft)
                    return .recorded
                } catch let violation as RuleViolation {
                    refused = true
                    say(terminal.paint("refused:", .red) + " \(violation)\n")
                    say("Nothing was recorded. Change what the rule points at and record again, or stop.\n")
                }
            } else {
                say("Not recorded.\n")
            }
            let changed = try FieldPrompter.interruptible { try edit(&draft, lastDay: negotiation.state.lastDay) }
            guard changed else {
                say("Nothing was recorded.\n")
                return .stopped(afterRefusal: refused)
            }
        }
    }

    /// What the chair has said so far.
    struct Draft {
        var kind: ActionKind
        var actor: Actor
        var day: Day
        var fields: Fields
    }

    // MARK: - Showing

    func overview(_ status: NegotiationStatus) -> String {
        let state = status.state
        var output = terminal.paint("\(state.id)", .bold) + "  \(state.opening.title)\n"
        output += "step: " + terminal.paint(status.step.name, .bold) + "  \(status.step.title)\n"
        for deadline in status.deadlines {
            let left = deadline.overdue ? terminal.paint("\(counted(-deadline.daysLeft, "day")) overdue", .red) : "\(counted(deadline.daysLeft, "day")) left"
            output += "deadline \(deadline.name) due \(deadline.due) (\(left)): \(deadline.title)\n"
        }
        guard !status.allowed.isEmpty else { return output }
        output += "\nAllowed now:\n"
        var table = TextTable()
        table.indent = "  "
        for (index, action) in status.allowed.enumerated() {
            var who = action.roles.map(\.rawValue).joined(separator: ", ")
            if action.waitingFor.count == 1 { who += "; waiting for the \(action.waitingFor[0].rawValue) side" }
            table.add(TextTable.Cell("\(index + 1))"), TextTable.Cell(action.kind.rawValue, .bold), TextTable.Cell(action.kind.title),
                      TextTable.Cell("(\(who))", .dim))
        }
        return output + table.render(for: terminal)
    }

    func rules(for kind: ActionKind, in engine: Engine) -> String {
        guard let definition = engine.workflow.action(kind) else { return "" }
        var output = "\n" + terminal.paint(kind.title, .bold) + "\n"
        if definition.guards.isEmpty {
            output += "No rule judges this act beyond who may take it (\(definition.roles.map(\.rawValue).joined(separator: ", "))).\n"
        } else {
            output += "The rules that will judge it:\n"
            for rule in definition.guards {
                output += "  • \(rule.rule.summary) " + terminal.paint("(\(rule.rule.rawValue), \(rule.rule.article))", .dim) + "\n"
            }
        }
        return output + "\n"
    }

    func summary(_ draft: Draft) -> String {
        var table = TextTable()
        table.indent = "  "
        table.add("act", TextTable.Cell("\(draft.kind.rawValue)  \(draft.kind.title)"))
        table.add("by", TextTable.Cell("\(PartiesText.actor(draft.actor)) (\(draft.actor))"))
        table.add("on", TextTable.Cell(draft.day.description))
        for spec in draft.kind.fields {
            guard let value = draft.fields[spec.name] else { continue }
            let note = spec.name == draft.kind.linkedNegotiationField ? "  (the new negotiation's id)" : ""
            table.add(TextTable.Cell(spec.name), TextTable.Cell("\(value)\(note)"))
        }
        return "\n" + terminal.paint("About to record on \(id):", .bold) + "\n" + table.render(for: terminal)
    }

    // MARK: - Asking

    /// The fields a chair is asked: all but the id of a renewal or amendment, which the service fills in.
    func askable(_ kind: ActionKind) -> [FieldSpec] {
        kind.fields.filter { $0.name != kind.linkedNegotiationField }
    }

    func chooseAction(_ allowed: [AllowedAction]) throws(PromptCancelled) -> AllowedAction {
        let index = try pick("Which act? [1-\(allowed.count) or its name]", count: allowed.count) { answer in
            allowed.firstIndex { $0.kind.rawValue == answer }
        }
        return allowed[index]
    }

    func chooseActor(for action: AllowedAction) throws(PromptCancelled) -> Actor {
        let roles = action.roles.filter { $0 != .system }
        let role: Role
        if roles.count == 1 {
            role = roles[0]
            say("Only \(role.rawValue) (\(role.chineseName)) may take this act.\n")
        } else {
            say("Who takes it?\n")
            for (index, role) in roles.enumerated() { say("  \(index + 1)) \(role.rawValue)  \(role.chineseName)\n") }
            role = roles[try pick("Your role? [1-\(roles.count) or its name]", count: roles.count) { answer in
                roles.firstIndex { $0.rawValue == answer || $0.chineseName == answer }
            }]
        }
        say("Your name (Enter to leave it out)> ")
        guard let name = prompter.readLine() else { throw PromptCancelled() }
        return Actor(role, name.trimmingSpaces())
    }

    func chooseDay(after lastDay: Day) throws(PromptCancelled) -> Day {
        while true {
            say("Date of the act, YYYY-MM-DD (Enter: today, \(today))> ")
            guard let line = prompter.readLine() else { throw PromptCancelled() }
            let text = line.trimmingSpaces()
            guard let day = text.isEmpty ? today : Day(text) else {
                say("  " + terminal.paint("'\(text)' is not a date; write YYYY-MM-DD, e.g. \(today)", .red) + "\n")
                continue
            }
            guard day >= lastDay else {
                say("  " + terminal.paint("\(day) is before the last recorded act (\(lastDay)); acts are recorded in date order", .red) + "\n")
                continue
            }
            return day
        }
    }

    /// Lets the chair change one thing. False when they stop instead.
    func edit(_ draft: inout Draft, lastDay: Day) throws(PromptCancelled) -> Bool {
        let specs = askable(draft.kind)
        var items = specs.map(\.name)
        items += ["as", "on"]
        say("What do you want to change?\n")
        for (index, item) in items.enumerated() {
            let current: String = switch item {
            case "as": "\(draft.actor)"
            case "on": draft.day.description
            default: draft.fields[item].map(\.description) ?? "(empty)"
            }
            say("  \(index + 1)) \(item)  " + terminal.paint(current, .dim) + "\n")
        }
        while true {
            say("Change which? [1-\(items.count) or its name; Enter: stop without recording]> ")
            guard let line = prompter.readLine() else { throw PromptCancelled() }
            let answer = line.trimmingSpaces()
            if answer.isEmpty { return false }
            guard let index = Int(answer).flatMap({ (1...items.count).contains($0) ? $0 - 1 : nil }) ?? items.firstIndex(of: answer) else {
                say("  " + terminal.paint("'\(answer)' is not one of them", .red) + "\n")
                continue
            }
            switch items[index] {
            case "as":
                let roles = Role.allCases.filter { $0 != .system }
                say("Roles: \(roles.map(\.rawValue).joined(separator: ", "))\n")
                while true {
                    say("Who takes it, ROLE[:NAME]> ")
                    guard let line = prompter.readLine() else { throw PromptCancelled() }
                    if let actor = Actor(parsing: line.trimmingSpaces()) { draft.actor = actor; break }
                    say("  " + terminal.paint("'\(line.trimmingSpaces())' is not ROLE[:NAME], e.g. employer-side:李强", .red) + "\n")
                }
            case "on":
                draft.day = try chooseDay(after: lastDay)
            default:
                let spec = specs[index]
                draft.fields[spec.name] = try prompter.ask(spec)
            }
            return true
        }
    }

    /// A number from 1 to `count`, or a name `match` recognises; asked again until it is one.
    func pick(_ question: String, count: Int, match: (String) -> Int?) throws(PromptCancelled) -> Int {
        while true {
            say(question + "> ")
            guard let line = prompter.readLine() else { throw PromptCancelled() }
            let answer = line.trimmingSpaces()
            if let number = Int(answer), (1...count).contains(number) { return number - 1 }
            if let index = match(answer) { return index }
            if answer.isEmpty, count == 1 { return 0 }
            say("  " + terminal.paint("'\(answer)' is not one of the choices", .red) + "\n")
        }
    }

    // MARK: - Recording

    func record(_ draft: Draft) async throws {
        let recorded = try await service.act(Action(draft.kind, draft.fields), on: id, by: draft.actor, on: draft.day, requestID: nil)
        say(try ActReport(recorded, terminal: prompter.terminal).render())
        if let opened = recorded.opened {
            say("renewal negotiation opened: " + terminal.paint(opened.id, .bold) + " (bargain next \(opened.id))\n")
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
