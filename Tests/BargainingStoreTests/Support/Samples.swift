import Bargaining
import BargainingFiles
import BargainingStore
import TestSupport

/// The repository's own workflows and the scripted sample negotiation, as store test data.
enum Samples {
    static func engine(_ level: Level = .enterprise) -> Engine { Repository.engine(level) }

    /// The enterprise sample decided act by act: the opening, then each decision with the
    /// version it was decided against.
    static func enterprise(id: String = "ENT-2025-001", district: String? = nil, until stop: ActionKind? = nil) throws -> History {
        var script = SampleNegotiations.enterprise(id: id, workflow: engine().workflow.reference)
        if let district { script.opening.district = district }
        var history = try History(engine: engine(), opening: script.opening, by: script.openedBy, on: script.openedOn)
        for act in script.acts {
            if act.action.kind == stop { break }
            try history.decide(act.action, by: act.actor, on: act.on)
        }
        return history
    }

    /// The regional sample decided to its end (in force), for `enterprises` when given.
    static func regional(id: String, enterprises: [CoveredEnterprise]? = nil) throws -> History {
        let engine = engine(.regional)
        var script = SampleNegotiations.regional(id: id, workflow: engine.workflow.reference)
        if let enterprises { script.opening.enterprises = enterprises }
        var history = try History(engine: engine, opening: script.opening, by: script.openedBy, on: script.openedOn)
        for act in script.acts { try history.decide(act.action, by: act.actor, on: act.on) }
        return history
    }

    /// An enterprise negotiation in `talks`, ready for any number of request-information decisions.
    static func inTalks(id: String) throws -> History {
        try enterprise(id: id, until: .requestInformation)
    }

    /// An industry negotiation, just opened: another level for the list filters.
    static func industry(id: String, district: String) throws -> History {
        let engine = engine(.industry)
        let opening = Opening(id: id, level: .industry, workflow: engine.workflow.reference, title: "2025年度餐饮行业工资集体协商",
                              employeeParty: "经开区餐饮行业工会联合会", employerParty: "经开区餐饮行业协会",
                              enterprises: [SampleNegotiations.precisionWorks], district: district)
        return try History(engine: engine, opening: opening, by: SampleNegotiations.unionChair, on: Day("2025-03-03")!)
    }
}

/// A negotiation's decisions as the engine made them, to be replayed into a store.
struct History {
    let engine: Engine
    var opening: [Event]
    var decisions: [(events: [Event], expectedVersion: Int, state: NegotiationState)] = []
    var state: NegotiationState

    init(engine: Engine, opening: Opening, by actor: Actor, on day: Day) throws {
        self.engine = engine
        let decision = try engine.open(opening, by: actor, on: day).get()
        self.opening = decision.events
        self.state = decision.state
    }

    /// The negotiation another one's decision opened (a renewal): its opening events and state.
    init(engine: Engine, opening: [Event], state: NegotiationState) {
        self.engine = engine
        self.opening = opening
        self.state = state
    }

    var id: String { state.id }
    var events: [Event] { opening + decisions.flatMap(\.events) }
    var summary: NegotiationSummary { NegotiationSummary(state, engine: engine) }
    var openingSummary: NegotiationSummary { NegotiationSummary(try! engine.fold(opening), engine: engine) }

    mutating func decide(_ action: Action, by actor: Actor, on day: Day) throws {
        let decision = try engine.decide(state, action, by: actor, on: day).get()
        decisions.append((decision.events, state.version, decision.state))
        state = decision.state
    }

    mutating func requestInformation(_ items: [String]) throws {
        try decide(Action(.requestInformation, ["items": .list(items)]), by: SampleNegotiations.unionChair, on: state.lastDay)
    }

    /// Creates the negotiation in `store` and appends every decision, one transaction each.
    func record(in store: any EventStore) async throws {
        try await store.create(opening, summary: openingSummary)
        for decision in decisions {
            try await store.append(decision.events, to: id, expectedVersion: decision.expectedVersion,
                                   summary: NegotiationSummary(decision.state, engine: engine))
        }
    }
}
