import Bargaining

/// The 文号 of each reminder letter (`工提〔2025〕3号`): the letters of a district in a calendar
/// year, numbered from 1 in the order the ledger holds them (by day, then credit code). One rule
/// for the letters a run writes and for the register that lists them later, so both agree.
public enum ReminderNumbering {
    /// `工提〔2025〕3号`.
    public static func reference(year: Int, number: Int) -> String { "工提〔\(year)〕\(number)号" }

    /// Each reminder letter's 文号; other rungs have none.
    ///
    /// - Parameter districts: The district of each enterprise (the registry's); an enterprise the
    ///   registry lacks is numbered with the letters of no district.
    public static func references(of entries: [ReminderLedger.Entry], districts: [CreditCode: String]) -> [ReminderLedger.Entry: String] {
        let letters = entries.filter { $0.rung == ReminderLetter.rung }
            .sorted { ($0.sentOn, $0.enterprise.description) < ($1.sentOn, $1.enterprise.description) }
        var counts: [String: Int] = [:]
        var references: [ReminderLedger.Entry: String] = [:]
        for entry in letters {
            let key = "\(entry.sentOn.year) \(districts[entry.enterprise] ?? "")"
            counts[key, default: 0] += 1
            references[entry] = reference(year: entry.sentOn.year, number: counts[key]!)
        }
        return references
    }
}
