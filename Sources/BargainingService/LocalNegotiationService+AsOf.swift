import Bargaining
import BargainingStore

/// One as-of truth (issue 14 item 1): what `status` derives for a day — a reply overdue moved
/// the negotiation to escalation, review silence put the agreement into effect (S1 art 47),
/// expiry ended it — is what `list` and the coverage figures see for the same day, though no act
/// recorded it. Derived at query time from the recorded summaries: only a negotiation whose
/// deadline passed before the day (or that is looked at before its last event) is read and
/// brought to the day; the rest stand as recorded.
extension LocalNegotiationService {
    /// `recorded` as it stands on `day`: step, deadlines and contract as ``status(_:asOf:)``
    /// says; version and last day as recorded. Nil when the negotiation was not yet opened on `day`.
    func summary(_ recorded: NegotiationSummary, asOf day: Day) async throws -> NegotiationSummary? {
        guard day < recorded.lastDay || recorded.deadlines.contains(where: { $0.due < day }) else { return recorded }
        let negotiation = try await negotiation(recorded.id)
        guard negotiation.events[0].on <= day else { return nil }
        let then = NegotiationSummary(try negotiation.status(asOf: day).state, engine: negotiation.engine)
        var current = recorded
        current.step = then.step
        current.deadlines = then.deadlines
        current.contract = then.contract
        return current
    }

    /// The contracts of this store's negotiations as coverage counts them on `day`, and on any
    /// day before it: the contract records projection, and the agreements that time alone put
    /// into effect by `day` (the review window closed without objection, S1 art 47) with no act
    /// recorded since. Such a contract starts on its effective date, so a report as of an
    /// earlier day does not count it. Only negotiations without a contract whose deadline passed
    /// before `day` and can lapse into effect are read from their events.
    public func contractRecords(asOf day: Day) async throws -> [ContractRecord] {
        var records = try await store.contractRecords()
        let overdue = try await store.list(NegotiationQuery(overdueAsOf: day))
        for recorded in overdue where recorded.contract == nil {
            if let contract = try await lapsedContract(recorded, asOf: day) { records.append(contract) }
        }
        return records
    }

    /// The contract time alone put into effect for `recorded` by `day`, if any. A function of its
    /// own, not inlined: Swift 6.3's optimiser crashes (signal 11 in LLVM's coroutine splitting,
    /// around the typed throws of the calls here) when this body sits in the loop above.
    @inline(never)
    func lapsedContract(_ recorded: NegotiationSummary, asOf day: Day) async throws -> ContractRecord? {
        let workflow = try workflows.engine(for: recorded.workflow, level: recorded.level).workflow
        guard recorded.deadlines.contains(where: { $0.due < day && workflow.lapseCanTakeEffect($0.name) }) else { return nil }
        return try await summary(recorded, asOf: day)?.contract
    }
}

extension Workflow {
    /// Whether deadline `name`, lapsing, can bring an agreement into effect: its lapse enters a
    /// step that takes effect, or a step whose own deadlines lapse on towards one.
    func lapseCanTakeEffect(_ name: String) -> Bool {
        var seen: Set<String> = []
        var pending = [name]
        while let deadline = pending.popLast() {
            guard seen.insert(deadline).inserted, let step = deadlines[deadline]?.lapse else { continue }
            if steps[step].takesEffect { return true }
            pending += steps[step].opens
        }
        return false
    }
}
