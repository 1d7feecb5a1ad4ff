import Bargaining

/// Where the CLI keeps negotiations while it drives the engine. Every call loads the history,
/// decides, and records the decision's events, the way `bargain do` will against the event
/// store; the demo uses the same calls, so it exercises the path a chair's commands take.
protocol NegotiationBook: Sendable {
    /// Opens a negotiation; a refusal is thrown as a ``RuleViolation``.
    func open(_ opening: Opening, by actor: Actor, on day: Day) async throws -> Decision
    /// Decides one act on negotiation `id` and records it; a refusal is thrown as a ``RuleViolation``.
    func act(_ action: Action, on id: String, by actor: Actor, on day: Day) async throws -> Decision
    /// The negotiation's recorded history.
    func events(of id: String) async throws -> [Event]
}

/// Negotiations held in memory for the length of one command.
actor InMemoryBook: NegotiationBook {
    let directory: WorkflowDirectory
    private var histories: [String: [Event]] = [:]

    init(directory: WorkflowDirectory) { self.directory = directory }

    func open(_ opening: Opening, by actor: Actor, on day: Day) throws -> Decision {
        guard histories[opening.id] == nil else {
            throw CommandFailure("a negotiation with id \(opening.id) already exists", exitCode: ExitCodes.usage)
        }
        let decision = try directory.engine(for: opening.level).open(opening, by: actor, on: day).get()
        histories[opening.id] = decision.events
        return decision
    }

    func act(_ action: Action, on id: String, by actor: Actor, on day: Day) throws -> Decision {
        let events = try self.events(of: id)
        guard case .opened(let opening) = events[0].body else { preconditionFailure("a history starts with its opening") }
        let engine = directory.engine(for: opening.level)
        let decision = try engine.decide(try engine.fold(events), action, by: actor, on: day).get()
        histories[id] = events + decision.events
        return decision
    }

    func events(of id: String) throws -> [Event] {
        guard let events = histories[id] else { throw CommandFailure("no negotiation with id \(id)", exitCode: ExitCodes.usage) }
        return events
    }
}
