import Bargaining
import BargainingCoverage
import BargainingOffice
import BargainingStore
import Foundation

/// One climb of the escalation ladder (issue 5, issue 13 item 3, issue 16 item 4): the one
/// library call behind `bargain reminders` and the district page's letters. For each laggard it
/// finds the rung in the store's reminder ledger; those whose time has run out (or who have no
/// rung yet) take the next one, and those taking the reminder letter get their letter, laid out
/// with its 文号, in credit-code order (the order of the 文号). The front end delivers the
/// letters (files, a download) in `deliver`; only once that has succeeded are the rungs recorded
/// in the ledger, so a letter that could not be delivered is never recorded as sent, and a second
/// run on the same day finds nothing to take.
public struct ReminderRun: Sendable {
    public var policy: Policy
    public var ladder: ReminderLadder
    public var asOf: Day
    /// Only the registry enterprises of this district; nil for the city.
    public var district: String?
    /// Only these laggards take a rung (the page's choice); nil for every laggard. The ladder
    /// of every laggard is reported all the same.
    public var selected: Set<CreditCode>?
    /// Who signs every letter, over the policy's `districts:` map.
    public var issuer: String?

    public init(policy: Policy, ladder: ReminderLadder, asOf: Day, district: String?, selected: Set<CreditCode>? = nil, issuer: String? = nil) {
        self.policy = policy
        self.ladder = ladder
        self.asOf = asOf
        self.district = district
        self.selected = selected
        self.issuer = issuer
    }

    /// A reminder letter this run writes.
    public struct Letter: Sendable {
        public var laggard: Laggard
        public var issuer: String
        public var contact: String?
        /// 工提〔YEAR〕N号.
        public var reference: String
        /// The letter in the official layout, for DOCX and the printable page.
        public var layout: OfficialLetter
        /// `DATE-CODE-特别提示函`, without an ending.
        public var fileStem: String
    }

    public struct Outcome: Sendable {
        public var asOf: Day
        /// Every laggard's rung, this run's steps included.
        public var standings: [LadderStanding]
        /// The rungs this run takes.
        public var taken: [LadderStanding]
        /// The reminder letters among them, in credit-code order.
        public var letters: [Letter]
        /// Every rung taken so far, this run's included, for the register (督促登记簿).
        public var register: [ReminderRegisterSheet.Row]
        /// Districts of this run's letters the policy's `districts:` map lacks: signed
        /// `<district>总工会`, without a contact.
        public var unlistedDistricts: [String]

        /// `DATE-特别提示函-合并打印`: every letter of the run in one file, to print.
        public var mergedStem: String { "\(asOf)-特别提示函-合并打印" }
    }

    /// A rung's response window cannot be counted (the holiday calendar runs out).
    public struct WindowError: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "a rung's response window cannot be counted: \(reason); nothing was written or recorded" }
    }

    /// Decides the run from `sources`, hands it to `deliver`, then records the rungs taken.
    public func run(_ sources: CoverageSources, deliver: (Outcome) throws -> Void) async throws -> Outcome {
        let outcome = try await decide(sources)
        try deliver(outcome)
        // Recorded only once the letters are delivered.
        try await sources.store.recordReminders(outcome.taken.map(\.entry))
        return outcome
    }

    /// What the run would do, recording nothing: with ``selected`` empty, every laggard's rung
    /// and the register as the ledger holds it (the district page's letters view).
    public func decide(_ sources: CoverageSources) async throws -> Outcome {
        let store = sources.store
        let laggards = try await sources.laggards(policy: policy, asOf: asOf, district: district)
        let ledger = try await store.reminderLedger()
        let standings: [LadderStanding]
        do { standings = try ladder.standings(of: laggards, ledger: ledger, on: asOf) } catch {
            throw WindowError(reason: "\(error)")
        }
        let taken = standings.filter { standing in
            standing.step == .take && (selected?.contains(standing.laggard.enterprise) ?? true)
        }
        let registry = try await store.registry()
        let entries = ledger.entries + taken.map(\.entry)
        let references = ReminderNumbering.references(
            of: entries, districts: Dictionary(registry.map { ($0.uscc, $0.district) }, uniquingKeysWith: { first, _ in first }))
        // In credit-code order, the order of their 文号, so the printed pile follows the register.
        let letters: [Letter] = taken.filter { $0.rung == ReminderLetter.rung }
            .sorted { $0.laggard.enterprise.description < $1.laggard.enterprise.description }
            .map { standing in letter(for: standing.laggard, reference: references[standing.entry] ?? "") }
        // The register of this district's enterprises (all, for the city).
        let inScope = Set(registry.filter { district == nil || $0.district == district }.map(\.uscc))
        return Outcome(asOf: asOf, standings: standings, taken: taken, letters: letters,
                       register: register(entries.filter { inScope.contains($0.enterprise) }, references: references, registry: registry),
                       unlistedDistricts: Set(letters.map(\.laggard.district)).subtracting(policy.districts.keys).sorted())
    }

    /// `laggard`'s reminder letter, signed for its district.
    func letter(for laggard: Laggard, reference: String) -> Letter {
        let (signer, contact) = office(of: laggard.district)
        return Letter(laggard: laggard, issuer: signer, contact: contact, reference: reference,
                      layout: Self.layout(for: laggard, policy: policy, asOf: asOf, issuer: signer, contact: contact, reference: reference),
                      fileStem: String(ReminderLetter.fileName(for: laggard, asOf: asOf).dropLast(".txt".count)))
    }

    /// Who signs a district's letters and whom to call: ``issuer``, else the policy's entry,
    /// else `<district>总工会` with no contact.
    public func office(of district: String) -> (issuer: String, contact: String?) {
        let office = policy.districts[district]
        return (issuer ?? office?.issuer ?? (district.isEmpty ? "区总工会" : "\(district)总工会"), office.map(ReminderLetter.contactLine))
    }

    /// The register's rows: every entry with its 文号, the enterprise as the registry names it,
    /// the rung's Chinese title (as the letters name it) and the day its answer is due.
    func register(_ entries: [ReminderLedger.Entry], references: [ReminderLedger.Entry: String], registry: [RegistryEnterprise])
        -> [ReminderRegisterSheet.Row] {
        let enterprises = Dictionary(registry.map { ($0.uscc, $0) }, uniquingKeysWith: { first, _ in first })
        return entries.map { entry in
            let enterprise = enterprises[entry.enterprise]
            return ReminderRegisterSheet.Row(
                entry: entry, reference: references[entry], name: enterprise?.name ?? "", district: enterprise?.district ?? "",
                street: enterprise?.street ?? "",
                title: policy.rung(named: entry.rung).map { String($0.title.split(separator: " (").first ?? Substring($0.title)) } ?? entry.rung,
                // A window running past the holiday calendar is left blank rather than guessed.
                answerBy: (try? ladder.answerBy(entry.rung, since: entry.sentOn)) ?? nil)
        }
    }

    /// A reminder letter in the official layout: the wording is ``ReminderLetter``'s (one text
    /// for every format), taken apart into title, addressee, body, issuer and date, with its 文号.
    public static func layout(for laggard: Laggard, policy: Policy, asOf: Day, issuer: String, contact: String?, reference: String) -> OfficialLetter {
        let parts = ReminderLetter.render(for: laggard, policy: policy, asOf: asOf, issuer: issuer)
            .trimmingCharacters(in: .newlines).components(separatedBy: "\n\n")
        // title, addressee, paragraphs…, issuer, date: the order ReminderLetter writes.
        let body = parts.dropFirst(2).dropLast(2).map { String($0.drop { $0 == "　" }) }
        return OfficialLetter(title: parts[0], reference: reference, addressee: parts[1], body: Array(body),
                              issuer: parts[parts.count - 2], date: parts[parts.count - 1], contact: contact)
    }
}
