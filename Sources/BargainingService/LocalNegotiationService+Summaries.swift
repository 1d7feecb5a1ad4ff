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
        func column<T: Equatable>(_ name: String, _ path: KeyPath<NegotiationSummary, T>, _ text: (T) -> String) -> String? {
            stored[keyPath: path] == recomputed[keyPath: path] ? nil
                : "\(name): stored '\(text(stored[keyPath: path]))', from the events '\(text(recomputed[keyPath: path]))'"
        }
        func optional<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "none" }
        return [
            column("step", \.step, { $0 }),
            column("version", \.version, optional),
            column("last day", \.lastDay, optional),
            column("deadlines", \.deadlines, { $0.map(\.due.description).joined(separator: ", ") }),
            column("contract", \.contract, { $0.map(Self.contractText) ?? "none" }),
            column("level", \.level, { $0.rawValue }),
            column("title", \.title, { $0 }),
            column("employee party", \.employeeParty, { $0 }),
            column("employer party", \.employerParty, { $0 }),
            column("district", \.district, optional),
            column("street", \.street, optional),
            column("renews", \.renews, optional),
            column("ended on", \.endedOn, optional),
        ].compactMap { $0 }
    }

    static func contractText(_ contract: ContractRecord) -> String {
        "effective \(contract.effectiveOn.map(\.description) ?? "-"), expires \(contract.expiresOn.map(\.description) ?? "-"), terminated \(contract.terminatedOn.map(\.description) ?? "-"), \(contract.enterprises.count) enterprises"
    }
}
