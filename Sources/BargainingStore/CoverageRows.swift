import Bargaining
import BargainingCoverage

/// The coverage tables' rows, read as plain columns by either store and turned into the
/// coverage library's values here, so both stores return identical values for identical rows.
enum CoverageRows {
    struct Enterprise {
        var creditCode: String
        var name: String
        var district: String
        var street: String
        var industry: String
        var employees: Int
        var unionFoundedOn: String?
        var chamberMember: Bool
        var closedOn: String?
    }

    struct Contract: Equatable {
        var contractID: String
        var level: String
        var title: String
        var signedOn: String?
        var effectiveOn: String
        var expiresOn: String
        var terminatedOn: String?
    }

    /// A contract's row as the store writes it.
    static func columns(of contract: CoverageContract) -> Contract {
        Contract(contractID: contract.id, level: contract.level.rawValue, title: contract.title, signedOn: contract.signedOn?.description,
                 effectiveOn: contract.effectiveOn.description, expiresOn: contract.expiresOn.description,
                 terminatedOn: contract.terminatedOn?.description)
    }

    /// Whether `contract` is already stored exactly so: its row and its enterprises' codes in
    /// order. Nil `stored`: not stored at all.
    static func isUnchanged(_ contract: CoverageContract, stored: (row: Contract, codes: [String])?) -> Bool {
        guard let stored else { return false }
        return stored.row == columns(of: contract) && stored.codes == contract.enterprises.map(\.description)
    }

    /// The record id a session from a district's ledger is stored under: its enterprise and day,
    /// so that importing the same ledger again finds it. `ledger:` keeps it apart from the ids of
    /// congress records (`bargain import`).
    static func recordID(of session: CoverageCongressSession) -> String {
        "ledger:\(session.enterprise):\(session.heldOn)"
    }

    /// A congress vote recorded by a negotiation, with the negotiation's opening event.
    struct CongressEvent {
        var negotiationID: String
        var opening: String
        var session: String
    }

    /// An enterprise's registry row as the store writes it.
    static func columns(of enterprise: RegistryEnterprise) -> Enterprise {
        Enterprise(creditCode: enterprise.uscc.description, name: enterprise.name, district: enterprise.district,
                   street: enterprise.street, industry: enterprise.industry, employees: enterprise.employees,
                   unionFoundedOn: enterprise.unionFoundedOn?.description, chamberMember: enterprise.chamberMember,
                   closedOn: enterprise.closedOn?.description)
    }

    static func enterprise(_ row: Enterprise) throws(StoreError) -> RegistryEnterprise {
        let place = "registry enterprise \(row.creditCode)"
        guard row.employees >= 0 else { throw .corrupt(reason: "\(place) has \(row.employees) employees") }
        return RegistryEnterprise(
            uscc: try StoredColumn.creditCode(row.creditCode, place), name: row.name, district: row.district, street: row.street,
            industry: row.industry, employees: row.employees, unionFoundedOn: try StoredColumn.optionalDay(row.unionFoundedOn, place),
            chamberMember: row.chamberMember, closedOn: try StoredColumn.optionalDay(row.closedOn, place))
    }

    static func enterprises(_ rows: [Enterprise]) throws(StoreError) -> [RegistryEnterprise] {
        var enterprises: [RegistryEnterprise] = []
        enterprises.reserveCapacity(rows.count)
        for row in rows { enterprises.append(try enterprise(row)) }
        return enterprises
    }

    /// Contracts with their enterprises; `enterprises` in (contract, position) order.
    static func contracts(_ rows: [Contract], enterprises: [ProjectionRows.Enterprise]) throws(StoreError) -> [CoverageContract] {
        var codes: [String: [CreditCode]] = [:]
        for row in enterprises {
            codes[row.contractID, default: []].append(
                try StoredColumn.creditCode(row.creditCode, "an enterprise of external contract \(row.contractID)"))
        }
        var result: [CoverageContract] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let place = "external contract \(row.contractID)"
            result.append(CoverageContract(
                id: row.contractID, level: try StoredColumn.level(row.level, place), title: row.title,
                signedOn: try StoredColumn.optionalDay(row.signedOn, place), effectiveOn: try StoredColumn.day(row.effectiveOn, place),
                expiresOn: try StoredColumn.day(row.expiresOn, place), terminatedOn: try StoredColumn.optionalDay(row.terminatedOn, place),
                enterprises: codes[row.contractID] ?? []))
        }
        return result
    }

    /// The sessions of congress votes that took place (quorum met: approved or rejected), one
    /// per enterprise the negotiation covers. The rows were found by a text search on the body,
    /// so each is decoded and checked here.
    static func sessions(_ rows: [CongressEvent]) throws(StoreError) -> [CoverageCongressSession] {
        var openings: [String: [CreditCode]] = [:]
        var sessions: [CoverageCongressSession] = []
        for row in rows {
            let event = try decode(row.session, of: row.negotiationID)
            guard case .acted(.holdCongress, _, let recorded) = event.body,
                  let outcome = recorded.flatMap(CongressVote.Outcome.init(rawValue:)), outcome != .quorumMissed else { continue }
            if openings[row.negotiationID] == nil {
                guard case .opened(let opening) = try decode(row.opening, of: row.negotiationID).body else {
                    throw .corrupt(reason: "negotiation \(row.negotiationID) does not start with its opening; run `bargain verify \(row.negotiationID)`")
                }
                openings[row.negotiationID] = opening.enterprises.map(\.creditCode)
            }
            for code in openings[row.negotiationID]! {
                sessions.append(CoverageCongressSession(enterprise: code, heldOn: event.on))
            }
        }
        return sessions
    }

    /// The query of ``CoverageStore/openRenewals(asOf:)``, once for both stores: rows
    /// (negotiation id, renews, credit code) in (negotiation, position) order.
    static func openRenewals(asOf day: Day, _ dialect: SQLDialect) -> SQLStatement {
        dialect.statement { sql in """
            SELECT n.id, n.renews, e.credit_code FROM negotiations n
            JOIN events o ON o.negotiation_id = n.id AND o.sequence = 1
            JOIN contract_enterprises e ON e.contract_id = n.renews
            LEFT JOIN contract_records c ON c.negotiation_id = n.id
            WHERE n.renews IS NOT NULL AND o.on_day <= \(sql.bind(.text(day.description)))
              AND (n.ended_on IS NULL OR n.ended_on > \(sql.bind(.text(day.description))))
              AND (c.effective_on IS NULL OR c.effective_on > \(sql.bind(.text(day.description))))
            ORDER BY n.id, e.position
            """ }
    }

    /// The open renewals from the rows of ``openRenewals(asOf:_:)``.
    static func openRenewals(_ rows: [(id: String, renews: String, creditCode: String)]) throws(StoreError) -> [OpenRenewal] {
        var renewals: [OpenRenewal] = []
        for row in rows {
            let code = try StoredColumn.creditCode(row.creditCode, "an enterprise of renewal \(row.id)")
            if renewals.last?.negotiationID == row.id {
                renewals[renewals.count - 1].enterprises.append(code)
            } else {
                renewals.append(OpenRenewal(negotiationID: row.id, renews: row.renews, enterprises: [code]))
            }
        }
        return renewals
    }

    /// The negotiations' sessions, then the imported ones: (record id, credit code, held on).
    static func sessions(_ events: [CongressEvent], imported: [(String, String, String)]) throws(StoreError) -> [CoverageCongressSession] {
        var sessions = try self.sessions(events)
        for (record, code, day) in imported {
            let place = "congress record \(record)"
            sessions.append(CoverageCongressSession(enterprise: try StoredColumn.creditCode(code, place), heldOn: try StoredColumn.day(day, place)))
        }
        return sessions
    }

    /// The ledger from its rows: (credit code, sent on, rung).
    static func ledger(_ rows: [(String, String, String)]) throws(StoreError) -> ReminderLedger {
        var entries: [ReminderLedger.Entry] = []
        entries.reserveCapacity(rows.count)
        for (code, day, rung) in rows {
            let place = "the reminder ledger's entry for \(code) on \(day)"
            entries.append(ReminderLedger.Entry(enterprise: try StoredColumn.creditCode(code, place), sentOn: try StoredColumn.day(day, place),
                                                rung: rung))
        }
        return ReminderLedger(entries: entries)
    }

    private static func decode(_ body: String, of negotiation: String) throws(StoreError) -> Event {
        do { return try Event(canonicalJSON: body) } catch {
            throw .corrupt(reason: "an event of negotiation \(negotiation) does not decode; run `bargain verify \(negotiation)`")
        }
    }

    /// Each key once, the last value given for it winning, in the order keys first appear: a
    /// batch writes one row per key whatever the store (PostgreSQL refuses to upsert a row twice
    /// in one statement).
    static func lastOfEach<T, Key: Hashable>(_ items: [T], by key: (T) -> Key) -> [T] {
        var position: [Key: Int] = [:]
        var result: [T] = []
        result.reserveCapacity(items.count)
        for item in items {
            if let index = position[key(item)] {
                result[index] = item
            } else {
                position[key(item)] = result.count
                result.append(item)
            }
        }
        return result
    }

    /// Rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters at 9 columns.
    static let batchSize = 1_000

    /// The text search that finds the candidate events (then decoded and checked).
    static let congressPattern = #"%"hold-congress"%"#
}
