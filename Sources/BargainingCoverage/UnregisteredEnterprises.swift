import Bargaining

/// Enterprises an imported contract lists that the registry does not (issue 12 item 6). An
/// industry or regional contract is imported whole all the same, by `bargain contracts import`
/// and `bargain import` alike: the registered enterprises it lists are covered at once (one
/// unknown code must not cost the others their coverage), the others count as soon as
/// `bargain registry import` lists them, and the import names them, so nothing is dropped unseen.
public struct UnregisteredEnterprises: Sendable, Hashable {
    public var contractID: String
    /// In the order the contract lists them.
    public var codes: [CreditCode]

    public init(contractID: String, codes: [CreditCode]) {
        self.contractID = contractID
        self.codes = codes
    }

    /// For each contract listing enterprises not in `registry`, those enterprises.
    public static func find(in contracts: [CoverageContract], registry: Set<CreditCode>) -> [UnregisteredEnterprises] {
        contracts.compactMap { contract in
            let unknown = contract.enterprises.filter { !registry.contains($0) }
            return unknown.isEmpty ? nil : UnregisteredEnterprises(contractID: contract.id, codes: unknown)
        }
    }

    /// Codes named in full in ``warning``; a longer list ends with how many more.
    static let named = 20

    /// One line for the person importing.
    public var warning: String {
        let listed = codes.prefix(Self.named).map(\.description).joined(separator: ", ")
            + (codes.count > Self.named ? " and \(codes.count - Self.named) more" : "")
        let noun = codes.count == 1 ? "1 enterprise" : "\(codes.count) enterprises"
        return "warning: contract \(contractID) lists \(noun) not in the registry (\(listed)); imported with them: "
            + "the registered enterprises it lists are covered, \(codes.count == 1 ? "this one counts" : "these count") once `bargain registry import` lists \(codes.count == 1 ? "it" : "them")"
    }
}
