import Bargaining
import BargainingCoverage
import BargainingService
import BargainingStore
import Testing
import TestSupport

/// The one reminder run of `bargain reminders` and the district page (issue 16 item 4): the
/// chosen laggards take their rung, their letters are handed over before anything is recorded,
/// a delivery that fails records nothing, and a second run the same day takes nothing.
@Suite("reminder run: choose, deliver, record")
struct ReminderRunTests {
    typealias Fixture = CoverageConformance
    static let day = Day("2025-06-30")!

    static func reminders(selected: Set<CreditCode>?) throws -> ReminderRun {
        let context = Repository.directory.context
        return ReminderRun(policy: context.policy, ladder: try ReminderLadder(policy: context.policy, calendar: context.calendar), asOf: day,
                           district: "大兴区", selected: selected)
    }

    struct Undeliverable: Error {}

    @Test("the chosen laggards' letters are delivered, then recorded; a second run the same day writes nothing")
    func chosenThenAgain() async throws {
        try await StoreUnderTest.sqlite().withCoverage { (store: any CoverageStore) async throws in
            // Given four unionised enterprises no contract covers (the fifth closed)
            try await store.upsertRegistry((0..<5).map { Fixture.enterprise($0) })
            let sources = CoverageSources(store: store, workflows: WorkflowCatalog(Repository.directory))
            let chosen: Set<CreditCode> = [Fixture.codes[2], Fixture.codes[0]]
            // A delivery that fails records nothing
            await #expect(throws: Undeliverable.self) {
                try await Self.reminders(selected: chosen).run(sources) { _ in throw Undeliverable() }
            }
            #expect(try await store.reminderLedger().entries.isEmpty)
            // When two of them are chosen
            var delivered: [String] = []
            let outcome = try await Self.reminders(selected: chosen).run(sources) { outcome in delivered = outcome.letters.map(\.reference) }
            // Then their letters, in credit-code order with their 文号, and only theirs are recorded
            #expect(outcome.letters.map(\.laggard.enterprise) == [Fixture.codes[0], Fixture.codes[2]])
            #expect(Set(delivered).count == 2 && !delivered.contains(""))
            #expect(outcome.standings.count == 4, "every laggard's rung is reported")
            #expect(Set(try await store.reminderLedger().entries.map(\.enterprise)) == chosen)
            #expect(outcome.register.map(\.entry.enterprise) == outcome.letters.map(\.laggard.enterprise))
            // And a second run the same day takes nothing and says they are taken
            let again = try await Self.reminders(selected: chosen).run(sources) { outcome in #expect(outcome.letters.isEmpty) }
            #expect(again.taken.isEmpty)
            #expect(again.standings.filter { chosen.contains($0.laggard.enterprise) }.map(\.step) == [.taken, .taken])
            #expect(try await store.reminderLedger().entries.count == 2)
            // The page's view: nothing chosen, nothing taken, the register as recorded
            let view = try await Self.reminders(selected: []).decide(sources)
            #expect(view.taken.isEmpty && view.register.count == 2)
            #expect(view.standings.filter { $0.step == .take }.map(\.laggard.enterprise).sorted { $0.description < $1.description }
                == [Fixture.codes[1], Fixture.codes[3]])
        }
    }
}
