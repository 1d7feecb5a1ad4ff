import Bargaining

/// Negotiations held in memory for as long as the value lives: the same contract as the SQLite
/// and PostgreSQL stores (one commit is all or nothing, versions checked, events hash-chained),
/// for tests and for a caller that wants the service without a database.
public actor InMemoryEventStore: EventStore {
    /// Each negotiation's event rows in sequence order and its summary.
    private var negotiations: [String: (rows: [EventRow], summary: NegotiationSummary)] = [:]
    /// What each request recorded, by idempotency key.
    private var requests: [String: RecordedRequest] = [:]

    public init() {}

    public func commit(_ writes: [NegotiationWrite], request: String?) throws(StoreError) {
        AppendContract.check(writes)
        // Every check before the first change: a refused commit leaves everything as it was.
        if let request, requests[request] != nil { throw .requestAlreadyRecorded(id: request) }
        var previous: [String] = []
        for write in writes {
            if let problem = keyProblem(write.summary, among: writes) {
                throw .unavailable(reason: "the commit breaks a key of the projection: \(problem)", hint: "nothing was recorded")
            }
            let stored = negotiations[write.id]
            if write.creates {
                guard stored == nil else { throw .alreadyExists(id: write.id) }
                previous.append(HashChain.origin)
            } else {
                guard let stored else { throw .notFound(id: write.id) }
                guard stored.summary.version == write.expectedVersion else {
                    throw .conflict(id: write.id, expected: write.expectedVersion, actual: stored.summary.version)
                }
                previous.append(stored.rows.last?.hash ?? HashChain.origin)
            }
        }
        let recordedAt = EventRow.now()
        if let request { requests[request] = RecordedRequest(request, writes: writes) }
        for (write, previousHash) in zip(writes, previous) {
            let rows = EventRow.chain(write.events, bodies: write.events.map(\.canonicalJSON), of: write.id, after: previousHash,
                                      recordedAt: recordedAt)
            negotiations[write.id] = ((negotiations[write.id]?.rows ?? []) + rows, write.summary)
        }
    }

    /// What the SQL stores' keys refuse (and so must this store): a deadline named twice, an
    /// enterprise listed twice in one contract, a contract id another negotiation holds.
    private func keyProblem(_ summary: NegotiationSummary, among writes: [NegotiationWrite]) -> String? {
        if Set(summary.deadlines.map(\.name)).count != summary.deadlines.count { return "a deadline of \(summary.id) is open twice" }
        guard let contract = summary.contract else { return nil }
        if Set(contract.enterprises).count != contract.enterprises.count {
            return "contract \(contract.contractID) lists an enterprise twice"
        }
        let holders = negotiations.values.map(\.summary) + writes.map(\.summary)
        if holders.contains(where: { $0.id != summary.id && $0.contract?.contractID == contract.contractID }) {
            return "contract id \(contract.contractID) belongs to another negotiation"
        }
        return nil
    }

    public func recordedRequest(_ id: String) -> RecordedRequest? {
        requests[id]
    }

    /// Edits the row of event `sequence` of negotiation `id` behind the store's back (nil
    /// deletes it): how the conformance suite checks that `verify` notices.
    func tamper(_ id: String, sequence: Int, _ edit: @Sendable (inout EventRow?) -> Void) {
        guard var stored = negotiations[id], let index = stored.rows.firstIndex(where: { $0.sequence == sequence }) else { return }
        var row: EventRow? = stored.rows[index]
        edit(&row)
        if let row { stored.rows[index] = row } else { stored.rows.remove(at: index) }
        negotiations[id] = stored
    }

    public func load(_ id: String, after version: Int) throws(StoreError) -> [StoredEvent] {
        guard let stored = negotiations[id] else { throw .notFound(id: id) }
        var events: [StoredEvent] = []
        for row in stored.rows where row.sequence > version { events.append(try row.stored()) }
        return events
    }

    public func list(_ query: NegotiationQuery) -> [NegotiationSummary] {
        negotiations.values.map(\.summary).filter(query.matches).sorted { $0.id < $1.id }
    }

    public func verify(_ id: String?) throws(StoreError) -> VerificationReport {
        var verifier = ChainVerifier()
        let ids = id.map { [$0] } ?? negotiations.keys.sorted()
        for id in ids {
            guard let stored = negotiations[id] else { throw .notFound(id: id) }
            if stored.rows.isEmpty { verifier.check(negotiation: id, version: stored.summary.version, row: nil) }
            for row in stored.rows { verifier.check(negotiation: id, version: stored.summary.version, row: row) }
        }
        return verifier.finish()
    }

    public func chainHeads() -> [ChainHead] {
        negotiations.keys.sorted().compactMap { id in
            negotiations[id]!.rows.last.map { ChainHead(negotiation: id, version: $0.sequence, hash: $0.hash) }
        }
    }

    public func contractRecords() -> [ContractRecord] {
        negotiations.values.compactMap(\.summary.contract).sorted { $0.contractID < $1.contractID }
    }

    public func close() {}
}
