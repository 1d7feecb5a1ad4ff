/// A filed contract or congress record imported from XML, kept whole (issue 17 item 3), so that
/// the archive that imported it can export it again byte for byte (but the export time).
/// The store keeps the bytes as given (a `bargain-contract-1.0` or `bargain-congress-1.0`
/// document, unsigned); reading them is BargainingXML's business.
public struct ArchivedDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case contract
        case congressRecord = "congress-record"
    }

    public var kind: Kind
    /// The contract's or the record's id.
    public var id: String
    /// The negotiation the document comes from; what `bargain export ID` looks documents up by.
    public var negotiationID: String?
    public var bytes: [UInt8]

    public init(kind: Kind, id: String, negotiationID: String?, bytes: [UInt8]) {
        self.kind = kind
        self.id = id
        self.negotiationID = negotiationID
        self.bytes = bytes
    }

    /// Documents from the `archived_documents` rows both stores read: kind, id, negotiation id, content.
    static func documents(_ rows: [(String, String, String?, [UInt8])]) throws(StoreError) -> [ArchivedDocument] {
        var documents: [ArchivedDocument] = []
        for (kind, id, negotiation, bytes) in rows {
            guard let kind = Kind(rawValue: kind) else {
                throw .corrupt(reason: "archived document \(id) has the unknown kind '\(kind)'")
            }
            documents.append(ArchivedDocument(kind: kind, id: id, negotiationID: negotiation, bytes: bytes))
        }
        return documents
    }
}

/// What an import changed: per kind of document, how many were new, replaced a different one,
/// or were already stored exactly so.
public struct ImportCounts: Sendable, Hashable {
    public var contracts: UpsertCounts
    public var congressRecords: UpsertCounts

    public init(contracts: UpsertCounts, congressRecords: UpsertCounts) {
        self.contracts = contracts
        self.congressRecords = congressRecords
    }

    /// Counts `outcome` for a document of `kind`.
    mutating func count(_ kind: ArchivedDocument.Kind, _ outcome: Outcome) {
        func add(_ counts: inout UpsertCounts) {
            switch outcome {
            case .added: counts.added += 1
            case .updated: counts.updated += 1
            case .unchanged: counts.unchanged += 1
            }
        }
        switch kind {
        case .contract: add(&contracts)
        case .congressRecord: add(&congressRecords)
        }
    }

    enum Outcome {
        case added, updated, unchanged

        /// The outcome of storing `new` where `stored` was.
        init(stored: [UInt8]?, new: [UInt8]) {
            self = stored == nil ? .added : stored == new ? .unchanged : .updated
        }
    }

    static let none = ImportCounts(contracts: UpsertCounts(added: 0, updated: 0), congressRecords: UpsertCounts(added: 0, updated: 0))
}
