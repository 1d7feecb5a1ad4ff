import Bargaining
import BargainingCoverage

/// What coverage statistics (SPEC §6, issue 5) keep beside the negotiations: the district's
/// registry of enterprises, contracts concluded outside this store's negotiations, congress
/// sessions, and the ledger of reminder letters sent. Shaped by the domain, not by SQL.
///
/// Both stores implement it (``SQLiteEventStore``, ``PostgresEventStore``) and pass one
/// conformance suite. Every write is one transaction: a batch is stored whole or not at all.
///
/// ## The contract index
/// Coverage counts the union of two sources: the contract records projection that
/// negotiations write as they take effect (``EventStore/contractRecords()``), and the external
/// contracts recorded here (`bargain contracts import`, `bargain import`). A contract id present
/// in both is the same contract known twice — typically a negotiation's filing exported as XML
/// and imported back — and **the negotiation's record wins**: it is kept up to date by the
/// events (a later termination, say), the imported copy is not. The external row is still
/// stored, so nothing an import was given is lost; ``coverageContracts()`` leaves it out.
///
/// ## Congress sessions
/// For the congress establishment rate (职代会建制率), a session counts for every enterprise its
/// negotiation covers when the congress met its quorum (outcome approved or rejected: the vote
/// took place); a session that missed its quorum did not meet. Imported congress records
/// (`bargain import`) count the same way when their quorum was met.
public protocol CoverageStore: EventStore {
    /// Adds enterprises and replaces those already stored under the same credit code, in one
    /// transaction. A code given twice in `enterprises` is written once, the last one winning.
    ///
    /// With `dryRun`, the batch is written and the transaction rolled back: the counts are those
    /// the import would give, and nothing is stored (the preview before a confirm, `--dry-run`).
    /// The same holds for ``recordExternal(contracts:congressRecords:dryRun:)`` and
    /// ``recordCongressSessions(_:dryRun:)``.
    func upsertRegistry(_ enterprises: [RegistryEnterprise], dryRun: Bool) async throws(StoreError) -> UpsertCounts

    /// Every registry enterprise, by credit code.
    func registry() async throws(StoreError) -> [RegistryEnterprise]

    /// Records contracts concluded outside this store's negotiations and congress records read
    /// from elsewhere, replacing those stored under the same contract or record id, in one
    /// transaction (an id given twice: the last one wins). The counts are the contracts': one
    /// stored exactly so already (its dates, title, level and enterprises in order) is
    /// `unchanged` and not written again. A
    /// congress record whose quorum was not met is not a session: recording it removes any
    /// sessions stored under its id, and adds none.
    func recordExternal(contracts: [CoverageContract], congressRecords: [ExternalCongressRecord], dryRun: Bool) async throws(StoreError)
        -> UpsertCounts

    /// What `bargain import` stores, in one transaction: the contracts and congress records as
    /// ``recordExternal(contracts:congressRecords:)`` records them, and the documents they were
    /// read from, kept whole under their kind and id (replacing one stored under the same). The
    /// counts are the documents': one identical to the stored one is `unchanged`.
    @discardableResult
    func recordImport(contracts: [CoverageContract], congressRecords: [ExternalCongressRecord], documents: [ArchivedDocument])
        async throws(StoreError) -> ImportCounts

    /// The imported documents of negotiation `id` (its contract and its congress records), by
    /// kind and id.
    func archivedDocuments(negotiation id: String) async throws(StoreError) -> [ArchivedDocument]

    /// Records congress sessions read from a district's ledger (`bargain congress import`), in
    /// one transaction. A session is its enterprise and day, so one already stored is
    /// `unchanged` and nothing is ever `updated`; a session given twice is written once.
    func recordCongressSessions(_ sessions: [CoverageCongressSession], dryRun: Bool) async throws(StoreError) -> UpsertCounts

    /// The external contracts, by contract id, each with its enterprises in the order given.
    func externalContracts() async throws(StoreError) -> [CoverageContract]

    /// Congress sessions for the establishment rate: from the negotiations' congress votes that
    /// met their quorum, and from imported congress records that met theirs.
    func congressSessions() async throws(StoreError) -> [CoverageCongressSession]

    /// The renewal negotiations (S1 art 38) open on `day`, by id: opened on or before it, not
    /// ended by then (withdrawn, say) and with no contract in effect by then, each with the
    /// enterprises of the contract it renews (a renewal covers the same ones). From the
    /// projection the write plan keeps; an agreement that time alone put into effect is not
    /// recorded, so the caller removes those (`CoverageSources` does).
    func openRenewals(asOf day: Day) async throws(StoreError) -> [OpenRenewal]

    /// Every reminder letter recorded as sent.
    func reminderLedger() async throws(StoreError) -> ReminderLedger

    /// Records letters as sent, in one transaction. An entry already recorded (same enterprise,
    /// day and rung) is left as it is.
    func recordReminders(_ entries: [ReminderLedger.Entry]) async throws(StoreError)
}

/// How many rows a batch added and how many it replaced; `unchanged` rows were already stored
/// exactly so, and are not written again.
public struct UpsertCounts: Sendable, Hashable, Codable {
    public var added: Int
    public var updated: Int
    public var unchanged: Int

    public init(added: Int, updated: Int, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// A renewal negotiation open on a day, with the enterprises it is to cover.
public struct OpenRenewal: Sendable, Hashable {
    public var negotiationID: String
    /// The negotiation whose contract it renews.
    public var renews: String
    public var enterprises: [CreditCode]

    public init(negotiationID: String, renews: String, enterprises: [CreditCode]) {
        self.negotiationID = negotiationID
        self.renews = renews
        self.enterprises = enterprises
    }
}

/// A congress or all-employee session recorded elsewhere (a `bargain-congress-1.0` document):
/// only what the establishment rate needs. Recorded only when its quorum was met.
public struct ExternalCongressRecord: Sendable, Hashable {
    public var recordID: String
    public var heldOn: Day
    public var enterprises: [CreditCode]
    public var quorumMet: Bool

    public init(recordID: String, heldOn: Day, enterprises: [CreditCode], quorumMet: Bool) {
        self.recordID = recordID
        self.heldOn = heldOn
        self.enterprises = enterprises
        self.quorumMet = quorumMet
    }
}

extension CoverageStore {
    /// ``upsertRegistry(_:dryRun:)``, stored.
    @discardableResult
    public func upsertRegistry(_ enterprises: [RegistryEnterprise]) async throws(StoreError) -> UpsertCounts {
        try await upsertRegistry(enterprises, dryRun: false)
    }

    /// ``recordExternal(contracts:congressRecords:dryRun:)``, stored.
    @discardableResult
    public func recordExternal(contracts: [CoverageContract], congressRecords: [ExternalCongressRecord]) async throws(StoreError)
        -> UpsertCounts {
        try await recordExternal(contracts: contracts, congressRecords: congressRecords, dryRun: false)
    }

    /// ``recordCongressSessions(_:dryRun:)``, stored.
    @discardableResult
    public func recordCongressSessions(_ sessions: [CoverageCongressSession]) async throws(StoreError) -> UpsertCounts {
        try await recordCongressSessions(sessions, dryRun: false)
    }

    /// The contract index coverage counts: the negotiations' contracts in effect (or once in
    /// effect), then the external contracts whose id no negotiation uses.
    public func coverageContracts() async throws(StoreError) -> [CoverageContract] {
        try await coverageContracts(records: try await contractRecords())
    }

    /// The contract index with `records` as the negotiations' contracts: the projection, or the
    /// contracts as of a day (`LocalNegotiationService.contractRecords(asOf:)`, which adds those
    /// that time alone put into effect).
    public func coverageContracts(records: [ContractRecord]) async throws(StoreError) -> [CoverageContract] {
        let taken = Set(records.map(\.contractID))
        return records.compactMap(CoverageContract.init(record:)) + (try await externalContracts()).filter { !taken.contains($0.id) }
    }
}
