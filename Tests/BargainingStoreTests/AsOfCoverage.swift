import Bargaining
import BargainingCoverage
import BargainingService
import BargainingStore
import Testing
import TestSupport

/// One as-of truth (issue 14 item 1): what `status` derives for a day is what `list`, the
/// coverage figures and the laggards see for that day, on each SQL store, though no act recorded
/// it. Scenario tests through ``LocalNegotiationService`` and ``CoverageSources``, run on each
/// store with the coverage conformance checks.
enum AsOfCoverage {
    static let all: [StoreConformance.Check] = [
        .init(name: "S1 art 47: a regional contract in effect by review silence counts in coverage, list and status from the day after",
              run: reviewSilence),
        .init(name: "S1 art 38: a renewal is open for the laggards from its opening until it is withdrawn, as of each day", run: openRenewal),
    ]

    static let policy: Policy = Repository.directory.context.policy

    /// The five enterprises of the regional sample, unionised since 2020, in one street.
    static var registry: [RegistryEnterprise] {
        SampleNegotiations.rongHuaEnterprises.map {
            RegistryEnterprise(uscc: $0.creditCode, name: $0.name, district: "北京经济技术开发区", street: "荣华街道", industry: "制造业",
                               employees: $0.employees ?? 0, unionFoundedOn: Day("2020-01-01")!, chamberMember: false, closedOn: nil)
        }
    }

    /// The regional sample recorded through the service up to its filing (no act after it), and
    /// the last day of its review window.
    static func filedRegional(_ service: LocalNegotiationService) async throws -> (id: String, reviewDue: Day) {
        let script = SampleNegotiations.regional(id: "REG-ASOF", workflow: try service.workflows.engine(for: .regional).workflow.reference)
        _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn)
        for act in script.acts where act.action.kind != .publish {
            _ = try await service.act(act.action, on: script.opening.id, by: act.actor, on: act.on)
        }
        let summary = try #require(try await service.list(NegotiationQuery(), asOf: Day("2025-05-09")!).first)
        #expect(summary.step == "review")
        let review = try #require(summary.deadlines.first { $0.name == "review" })
        return (script.opening.id, review.due)
    }

    static func reviewSilence(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            let workflows = WorkflowCatalog(Repository.directory)
            let service = LocalNegotiationService(store: store, workflows: workflows)
            let coverage = CoverageSources(store: store, workflows: workflows)
            try await store.upsertRegistry(registry)
            // Given a regional contract filed, its review window closing in silence
            let (id, reviewDue) = try await filedRegional(service)
            let lapse = reviewDue.adding(days: 1)

            func signed(_ day: Day) async throws -> Int {
                try await coverage.calculator(asOf: day).report(policy: policy, asOf: day).total.signed
            }
            func listed(_ day: Day, overdue: Bool = false) async throws -> NegotiationSummary? {
                try await service.list(NegotiationQuery(overdueAsOf: overdue ? day : nil), asOf: day).first { $0.id == id }
            }

            // On the window's last day: still under review, nothing covered, all five laggards
            #expect(try await signed(reviewDue) == 0)
            #expect(try await listed(reviewDue)?.step == "review")
            #expect(try await coverage.laggards(policy: policy, asOf: reviewDue, district: nil).count == 5)

            // The day after: in effect by silence (S1 art 47), 5 of 5 covered, no act recorded
            let status = try await service.status(id, asOf: lapse)
            #expect(status.step.name == "effective")
            #expect(try await listed(lapse)?.step == status.step.name)
            #expect(try await listed(lapse)?.contract?.effectiveOn == status.state.effectiveOn)
            #expect(try await signed(lapse) == 5)
            #expect(try await coverage.laggards(policy: policy, asOf: lapse, district: nil).isEmpty)
            #expect(try await listed(lapse, overdue: true) == nil, "the review window that lapsed into effect is not overdue")
            // A calculator as of a later day counts nothing before the effective date
            let later = try await coverage.calculator(asOf: lapse.adding(days: 30))
            #expect(later.report(policy: policy, asOf: reviewDue).total.signed == 0)
            #expect(later.report(policy: policy, asOf: lapse).total.signed == 5)
            #expect(try await store.contractRecords().isEmpty, "nothing was recorded: the contract is derived for the day")

            // After its expiry: expired in list and status alike, not overdue, no longer covering
            let expiry = try #require(status.state.expiresOn)
            let after = expiry.adding(days: 1)
            #expect(try await service.status(id, asOf: after).step.name == "expired")
            #expect(try await listed(after)?.step == "expired")
            #expect(try await listed(after, overdue: true) == nil, "an expired agreement is not overdue")
            #expect(try await signed(after) == 0)
        }
    }

    static func openRenewal(_ subject: StoreUnderTest) async throws {
        try await subject.withCoverage { store in
            let workflows = WorkflowCatalog(Repository.directory)
            let service = LocalNegotiationService(store: store, workflows: workflows)
            let coverage = CoverageSources(store: store, workflows: workflows)
            try await store.upsertRegistry([RegistryEnterprise(
                uscc: SampleNegotiations.precisionWorks.creditCode, name: SampleNegotiations.precisionWorks.name, district: "北京经济技术开发区",
                street: "荣华街道", industry: "制造业", employees: 412, unionFoundedOn: Day("2019-06-01")!, chamberMember: false, closedOn: nil)])
            // Given the enterprise sample in force until its expiry
            let script = SampleNegotiations.enterprise(id: "ENT-OLD", workflow: try workflows.engine(for: .enterprise).workflow.reference)
            _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn)
            for act in script.acts { _ = try await service.act(act.action, on: "ENT-OLD", by: act.actor, on: act.on) }
            let expiry = try #require(try await service.negotiation("ENT-OLD").state.expiresOn)
            let asked = expiry.adding(days: -50), withdrawn = expiry.adding(days: -30)
            func reasons(_ day: Day) async throws -> [Laggard.Reason] {
                try await coverage.laggards(policy: policy, asOf: day, district: nil).map(\.reason)
            }
            #expect(try await reasons(asked) == [.coverageEnding])

            // When the renewal is asked for (S1 art 38), and later withdrawn
            let renewal = try await service.act(Action(.requestRenewal, ["renewal": .text("ENT-NEW")]), on: "ENT-OLD",
                                                by: SampleNegotiations.unionChair, on: asked)
            #expect(renewal.opened?.id == "ENT-NEW")
            #expect(try await reasons(asked).isEmpty, "the renewal is open from its opening day")
            #expect(try await reasons(asked.adding(days: -1)) == [.coverageEnding], "the day before, it was not open yet")
            _ = try await service.act(Action(.withdraw, ["reason": .text("双方同意不再续订")]), on: "ENT-NEW", by: SampleNegotiations.unionChair, on: withdrawn)

            // Then it was open between the two days, and no longer once withdrawn
            #expect(try await reasons(withdrawn.adding(days: -1)).isEmpty)
            #expect(try await reasons(withdrawn) == [.coverageEnding])
        }
    }
}
