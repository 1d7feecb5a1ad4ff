import Bargaining
import BargainingService
import BargainingStore

/// `bargain log --json`: every recorded event with its place in the hash chain. The shape is
/// documented in `Log`'s help; change both together.
struct LogDocument: Encodable {
    struct Who: Encodable {
        var role: String
        var roleName: String
        var name: String
    }

    struct Entry: Encodable {
        var sequence: Int
        var on: String
        var recordedAt: String
        var hash: String
        var actor: Who
        /// opened, acted or lapsed.
        var kind: String
        var action: String?
        var deadline: String?
        var title: String
        var outcome: String?
        var fields: Fields
        var notes: [String]
        var opened: [OpenDeadline]
        var late: [Lateness]
        var step: String
    }

    var id: String
    var title: String
    var workflow: WorkflowReference
    var events: [Entry]
    /// Present when the stored history does not match its hash chain.
    var brokenChain: ChainBreak?

    init(_ stored: [StoredEvent], engine: Engine) throws {
        let events = stored.map(\.event)
        guard case .opened(let opening) = events.first?.body else { preconditionFailure("a history starts with its opening") }
        id = opening.id
        title = opening.title
        workflow = opening.workflow
        let timeline = Timeline(engine: engine, terminal: Terminal(descriptor: -1, isTTY: false, colour: false))
        var entries: [Entry] = []
        var state = try engine.fold([events[0]])
        for (index, item) in stored.enumerated() {
            let event = item.event
            if index > 0 { state = try engine.fold(Array(events[...index])) }
            var kind = "acted", deadline: String?, outcome: String?
            switch event.body {
            case .opened: kind = "opened"
            case .acted(_, _, let result): outcome = result
            case .lapsed(let name, _): kind = "lapsed"; deadline = name
            }
            entries.append(Entry(sequence: event.sequence, on: event.on.description, recordedAt: item.recordedAt, hash: item.hash,
                                 actor: Who(role: event.actor.role.rawValue, roleName: event.actor.role.chineseName, name: event.actor.name),
                                 kind: kind, action: event.action?.rawValue, deadline: deadline, title: timeline.what(event),
                                 outcome: outcome, fields: event.fields, notes: event.notes, opened: event.opened, late: event.late ?? [],
                                 step: engine.workflow.steps[state.step].name))
        }
        self.events = entries
    }

    static let shape = """
        With --json, prints one object: id, title, workflow {name, version, digest}, events[] in \
        order, each {sequence, on (the legal date), recordedAt (when it was stored, ISO 8601 \
        UTC), hash (SHA-256 chained from the previous event), actor {role, roleName (Chinese), \
        name}, kind (opened, acted or lapsed), action (for acted), deadline (for lapsed), title, \
        outcome (how a deciding rule classified it, e.g. quorum-missed), fields {NAME: {TYPE: \
        VALUE}} (money in fen, rates in basis points, dates YYYY-MM-DD), notes[] (the rule's \
        explanation, then warnings), opened[] {name, due, openedOn} (deadlines it started), \
        late[] {deadline, title, due, days, article} (time limits it ended after they ran out), \
        step (where the negotiation stood after it)}, and brokenChain {sequence, reason} only \
        when the stored history does not match its hash chain.
        """
}
