import Bargaining
import BargainingCoverage
import BargainingStore

/// One enterprise of a street's drill-down (issue 16 item 2): its standing on the day (covering
/// contract, expiry, laggard status), the negotiation under way for it, and the last reminder
/// letter recorded for it.
public struct StreetEnterprise: Sendable {
    public var coverage: EnterpriseCoverage
    /// A negotiation covering the enterprise that is under way on the day: opened, not ended,
    /// its agreement not yet in effect.
    public var negotiation: Underway?
    /// The latest reminder letter recorded as sent on or before the day.
    public var letter: ReminderLedger.Entry?

    public struct Underway: Sendable, Hashable {
        public var id: String
        public var title: String
        /// The title of the step it has reached on the day.
        public var step: String
    }
}

extension CoverageSources {
    /// The enterprises of `street` in `district` as of `day`, each with its standing, the
    /// negotiation under way and its last reminder letter; by credit code. The laggard status is
    /// the one ``laggards(policy:asOf:district:)`` gives, open renewals included.
    public func street(_ street: String, district: String, policy: Policy, asOf day: Day) async throws -> [StreetEnterprise] {
        let records = try await service.contractRecords(asOf: day)
        let standings = try await calculator(records: records)
            .enterprises(district: district, street: street, policy: policy, asOf: day,
                         openRenewals: try await openRenewals(asOf: day, records: records))
        var underway: [CreditCode: StreetEnterprise.Underway] = [:]
        for summary in try await service.list(NegotiationQuery(district: district), asOf: day)
        where summary.street == street && summary.endedOn == nil && summary.contract?.effectiveOn.map({ $0 <= day }) != true {
            let negotiation = try await service.negotiation(summary.id)
            let step = try negotiation.status(asOf: day).step.title
            for enterprise in negotiation.opening.enterprises {
                underway[enterprise.creditCode] = StreetEnterprise.Underway(id: summary.id, title: summary.title, step: step)
            }
        }
        var letters: [CreditCode: ReminderLedger.Entry] = [:]
        for entry in try await store.reminderLedger().entries where entry.sentOn <= day {
            if letters[entry.enterprise].map({ $0.sentOn <= entry.sentOn }) ?? true { letters[entry.enterprise] = entry }
        }
        return standings.map {
            StreetEnterprise(coverage: $0, negotiation: underway[$0.enterprise.uscc], letter: letters[$0.enterprise.uscc])
        }
    }
}
