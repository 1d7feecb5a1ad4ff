import Bargaining
import BargainingService
import BargainingStore
import BargainingXML
import Foundation
import Logging

/// The items the OAI-PMH interface serves: each filed negotiation's contract and congress
/// records, as `bargain export` writes them (the same ``Exporter`` over the same verified
/// history), and nothing else. A negotiation not filed yet, or whose re-agreed terms are not
/// filed yet, has no items; one whose hash chain is broken is left out and logged.
///
/// An actor, because the compiled schemas (``ExportSchemas``) are used by one caller at a time.
actor OAIRepository {
    let store: any EventStore
    let workflows: WorkflowCatalog
    let configuration: OAIConfiguration
    /// The legal day the documents are brought to (the server's today), as `bargain export` does.
    let today: @Sendable () -> Day
    private let logger = Logger(label: "bargain.oai")
    private var compiledSchemas: ExportSchemas?

    init(store: any EventStore, workflows: WorkflowCatalog, configuration: OAIConfiguration, today: @escaping @Sendable () -> Day) {
        self.store = store
        self.workflows = workflows
        self.configuration = configuration
        self.today = today
    }

    /// One item: a document of a filed negotiation, with what its header says.
    struct Item {
        var identifier: String
        var documentID: String
        var kind: ExportedDocument.Kind
        var datestamp: String
        var sets: [OAISet]
        var metadata: Metadata?
    }

    enum Metadata {
        /// An exported document's bytes, embedded as its root element.
        case document(name: String, bytes: [UInt8])
        case dublinCore(OAIDublinCore)
    }

    /// The archive's depositor, from the workflows' policy: it makes identifiers global.
    func depositor() throws -> Policy.Depositor? {
        try workflows.directory(for: .enterprise).context.policy.depositor
    }

    /// `urn:bargain:CREDIT-CODE:ID`, the id the exported document itself carries; without a
    /// depositor in the policy, `urn:bargain:ID`.
    func identifier(_ documentID: String) throws -> String {
        try Self.identifier(documentID, depositor: depositor())
    }

    static func identifier(_ documentID: String, depositor: Policy.Depositor?) -> String {
        guard let depositor else {
            // Spelt as Deposit.urn spells the id (ASCII letters, digits, -, _, . as they are).
            let kept = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
            return "urn:bargain:" + (documentID.addingPercentEncoding(withAllowedCharacters: kept) ?? documentID)
        }
        return Deposit(depositor: depositor, exportedAt: "").urn(documentID)
    }

    /// The document id an identifier of this repository names, or nil.
    func documentID(_ identifier: String) throws -> String? {
        let prefix = try depositor().map { "urn:bargain:\($0.creditCode):" } ?? "urn:bargain:"
        guard identifier.hasPrefix(prefix), let id = String(identifier.dropFirst(prefix.count)).removingPercentEncoding,
              !id.isEmpty, Self.identifier(id, depositor: try depositor()) == identifier else { return nil }
        return id
    }

    /// The items of one negotiation in `format` (every kind when nil), with their metadata when
    /// `metadata` is set, exported at `exportedAt`; empty when nothing of it is filed.
    func items(of negotiationID: String, format: OAIMetadataFormat?, metadata: Bool, exportedAt: Date) async throws -> [Item] {
        let events: [StoredEvent]
        let history: NegotiationHistory
        let contract: FiledContract
        let records: [CongressRecord]
        do {
            events = try await store.load(negotiationID)
            history = try await NegotiationHistory.verified(negotiationID, events: events, in: store, asOf: today()) {
                try workflows.engine(for: $0.workflow, level: $0.level)
            }
            contract = try FiledContract(history)
            records = try CongressRecord.records(of: history)
        } catch StoreError.notFound {
            return []
        } catch ExportError.notFiled {
            return []
        } catch let error as ExportError {
            logger.error("oai: \(negotiationID) is left out: \(error)")
            return []
        }
        let opening = history.state.opening
        let datestamp = OAIDatestamp.changed(recordedAt: events.last?.recordedAt ?? "", lapses: history.lapses)
        let sets = OAISet.memberships(level: opening.level, district: opening.district)
        let depositor = try depositor()
        let publisher = depositor?.name
        let contractIdentifier = Self.identifier(contract.contractID, depositor: depositor)
        var items = [Item(identifier: contractIdentifier, documentID: contract.contractID, kind: .contract, datestamp: datestamp, sets: sets)]
        for record in records {
            items.append(Item(identifier: Self.identifier(record.recordID, depositor: depositor), documentID: record.recordID,
                              kind: .congressRecord, datestamp: datestamp, sets: sets))
        }
        if let format { items.removeAll { !format.carries($0.kind) } }
        guard metadata, let format, !items.isEmpty else { return items }
        if let exportFormat = format.exportFormat {
            var exporter = Exporter(schemas: try schemas(), policy: try workflows.directory(for: .enterprise).context.policy,
                                    signer: configuration.signer, exportedAt: exportedAt)
            exporter.embedded = true
            let documents = try exporter.documents(for: history, format: exportFormat, kinds: Set(items.map(\.kind)))
            for index in items.indices {
                guard let document = documents.first(where: { $0.id == items[index].documentID && $0.kind == items[index].kind }) else {
                    throw ExportError.history(reason: "the export of \(negotiationID) has no document \(items[index].documentID)")
                }
                items[index].metadata = .document(name: document.fileName, bytes: document.bytes)
            }
        } else {
            for index in items.indices {
                let item = items[index]
                let description = item.kind == .contract
                    ? OAIDublinCore(contract: contract, identifier: item.identifier, publisher: publisher)
                    : OAIDublinCore(record: records.first { $0.recordID == item.documentID }!, identifier: item.identifier,
                                    contractIdentifier: contractIdentifier, publisher: publisher)
                items[index].metadata = .dublinCore(description)
            }
        }
        return items
    }

    /// One page of a list: the items of up to ``OAIConfiguration/pageSize`` negotiations after
    /// `after` (by id) that are in `set` and changed between `from` and `until` (inclusive,
    /// seconds form), and the last negotiation listed when more items follow.
    func page(format: OAIMetadataFormat, set: OAISet?, from: String?, until: String?, after: String?,
              metadata: Bool, exportedAt: Date) async throws -> (items: [Item], resumeAfter: String?) {
        let summaries = try await store.list(set?.query ?? NegotiationQuery())
            .filter { set?.contains($0) ?? true }
            .map(\.id)
            .sorted()
        var items: [Item] = []
        var negotiations = 0
        var last: String?
        for id in summaries where after.map({ id > $0 }) ?? true {
            let full = negotiations == configuration.pageSize
            var found = try await self.items(of: id, format: format, metadata: metadata && !full, exportedAt: exportedAt)
            found.removeAll { item in
                from.map { item.datestamp < $0 } ?? false || until.map { item.datestamp > $0 } ?? false
            }
            guard !found.isEmpty else { continue }
            // One more negotiation with items: the page is full, and the list goes on.
            if full { return (items, last) }
            items += found
            negotiations += 1
            last = id
        }
        return (items, nil)
    }

    /// The districts with a contract that took effect, for ListSets; a district whose
    /// negotiations are all still running is not named.
    func districts() async throws -> [String] {
        Array(Set(try await store.list(NegotiationQuery()).filter { $0.contract != nil }.compactMap(\.district))).sorted()
    }

    /// Whether the Akoma Ntoso schema is at hand (without it `akn` cannot be disseminated).
    var canWriteAKN: Bool { configuration.aknSchema != nil }

    private func schemas() throws -> ExportSchemas {
        if let compiledSchemas { return compiledSchemas }
        let schemas = try ExportSchemas(directory: configuration.schemaDirectory, aknSchema: configuration.aknSchema)
        compiledSchemas = schemas
        return schemas
    }
}
