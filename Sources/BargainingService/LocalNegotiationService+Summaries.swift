import Bargaining
import BargainingStore

/// A negotiations row (or its contract record) that says something its events do not.
public struct SummaryMismatch: Hashable, Sendable {
    public var negotiation: String
    /// The columns that disagree, each "name: stored 'x', from the events 'y'".
    public var differences: [String]
}

extension LocalNegotiationService {
    /// Recomputes every negotiation's summary row from its events and names each row that
    /// disagrees (issue 18 item 5). The rows are what `list`, coverage and the server's scope
    /// read, so `UPDATE negotiations SET step = 'withdrawn'` would change what everyone sees
    /// without touching the hash chain. A negotiation whose events do not fold is left to the
    /// chain check, which names it.
    public func summaryMismatches(only id: String? = nil) async throws -> [SummaryMismatch] {
        var mismatches: [SummaryMismatch] = []
        for stored in try await store.list(NegotiationQuery()) where id == nil || stored.id == id {
            guard let events = try? await store.load(stored.id).map(\.event),
                  let negotiation = try? self.negotiation(from: events, id: stored.id) else { continue }
            let recomputed = NegotiationSummary(negotiation.state, engine: negotiation.engine)
            let differences = Self.differences(stored, recomputed)
            if !differences.isEmpty { mismatches.append(SummaryMismatch(negotiation: stored.id, differences: differences)) }
        }
        return mismatches
    }

    static func differences(_ stored: NegotiationSummary, _ recomputed: NegotiationSummary) -> [String] {
        func describe(_ value: Any?) -> String {
            guard let value else { return "none" }
            return String(describing: value)
        }
        let columns: [(String, Any?, Any?, Bool)] = [
            ("step", stored.step, recomputed.step, stored.step == recomputed.step),
            ("version", stored.version, recomputed.version, stored.version == recomputed.version),
            ("last day", stored.lastDay, recomputed.lastDay, stored.lastDay == recomputed.lastDay),
            ("deadlines", stored.deadlines.map(\.due), recomputed.deadlines.map(\.due), stored.deadlines == recomputed.deadlines),
            ("contract", stored.contract.map(Self.contractText), recomputed.contract.map(Self.contractText), stored.contract == recomputed.contract),
            ("level", stored.level, recomputed.level, stored.level == recomputed.level),
            ("title", stored.title, recomputed.title, stored.title == recomputed.title),
            ("employee party", stored.employeeParty, recomputed.employeeParty, stored.employeeParty == recomputed.employeeParty),
            ("employer party", stored.employerParty, recomputed.employerParty, stored.employerParty == recomputed.employerParty),
            ("district", stored.district, recomputed.district, stored.district == recomputed.district),
            ("street", stored.street, recomputed.street, stored.street == recomputed.street),
            ("renews", stored.renews, recomputed.renews, stored.renews == recomputed.renews),
            ("ended on", stored.endedOn, recomputed.endedOn, stored.endedOn == recomputed.endedOn),
        ]
        return columns.filter { !$0.3 }.map { "\($0.0): stored '\(describe($0.1))', from the events '\(describe($0.2))'" }
    }

    static func contractText(_ contract: ContractRecord) -> String {
        "effective \(contract.effectiveOn.map(\.description) ?? "-"), expires \(contract.expiresOn.map(\.description) ?? "-"), terminated \(contract.terminatedOn.map(\.description) ?? "-"), \(contract.enterprises.count) enterprises"
    }
}
