import Yams

/// One monthly minimum wage standard and the day it took effect.
public struct MinimumWage: Hashable, Sendable {
    /// In fen (1 yuan = 100 fen), so comparing a wage with the minimum never rounds. Nil for a
    /// period whose standard no source read established (`monthly-yuan: unknown`): the check warns
    /// that it could not check, instead of checking against a guess.
    public let amountFen: Int?
    public let effectiveFrom: Day
    /// The notice the standard comes from, for the message that cites it.
    public let source: String
    /// False when part of the entry (its amount or its date) rests on a secondary source, so a
    /// check against it can say so instead of sounding certain.
    public let verified: Bool

    public init(amountFen: Int?, effectiveFrom: Day, source: String, verified: Bool) {
        self.amountFen = amountFen
        self.effectiveFrom = effectiveFrom
        self.source = source
        self.verified = verified
    }
}

/// A region's monthly minimum wage (月最低工资标准) by effective date.
///
/// A wage agreement's lowest wage may not be below the minimum wage in force on its effective
/// date (Labor Contract Law art 55; SPEC §4). Each city sets and changes its standard by notice,
/// so the standards are data, one file per city under `workflows/minimum-wage/`. The file gives
/// amounts in yuan, as the notices do; the table holds fen.
public struct MinimumWageTable: Sendable {
    /// The region the file is for, as the file names it (北京市).
    public let region: String
    /// Sorted by effective date, one standard per date.
    public let entries: [MinimumWage]

    /// The standard in force on `day`: the latest one whose effective date is on or before it.
    /// Nil before the first known standard, which the caller reports ("no minimum wage known for
    /// DATE") rather than checking against nothing.
    public func monthlyMinimum(on day: Day) -> MinimumWage? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].effectiveFrom <= day { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : entries[low - 1]
    }

    /// Reads the format documented at the top of `workflows/minimum-wage/beijing.yaml`, refusing
    /// with the line a bad date, an amount that is not a positive number of yuan with at most two
    /// decimals, an entry without its source, two standards on one date, and unknown keys.
    public static func load(yaml: String, file: String) throws(DataFileError) -> MinimumWageTable {
        let reader = YAMLReader(file: file)
        let root = try CalendarFile.root(yaml, reader: reader)
        let top = try reader.mapping(root, allowed: ["region", "entries"], what: "the minimum wage file")
        guard let regionNode = top.first(where: { $0.key == "region" })?.value else {
            throw reader.fail(root, "the minimum wage file needs 'region:', the city or province it is for")
        }
        let region = try CalendarFile.text(regionNode, what: "region", reader: reader)
        guard let entriesNode = top.first(where: { $0.key == "entries" })?.value else {
            throw reader.fail(root, "the minimum wage file needs 'entries:', a list of standards")
        }

        var entries: [MinimumWage] = []
        var lines: [Day: Int] = [:]
        for item in try reader.sequence(entriesNode, what: "entries") {
            let fields = try reader.mapping(item, allowed: ["effective-from", "monthly-yuan", "source", "verified"], what: "a minimum wage entry")
            func field(_ key: String) throws(DataFileError) -> Node {
                guard let value = fields.first(where: { $0.key == key })?.value else {
                    throw reader.fail(item, "a minimum wage entry needs 'effective-from', 'monthly-yuan', 'source' and 'verified'; '\(key)' is missing")
                }
                return value
            }
            let effectiveFrom = try CalendarFile.day(try field("effective-from"), reader: reader)
            let amountNode = try field("monthly-yuan")
            let amountText = try reader.string(amountNode, what: "monthly-yuan")
            let fen: Int?
            if amountText == "unknown" {
                fen = nil
            } else {
                guard let amount = FieldType.parseFixedPoint(amountText, decimals: 2), amount > 0 else {
                    throw reader.fail(amountNode, "monthly-yuan '\(amountText)' is not a positive amount of yuan (like 2540 or 2540.50) or 'unknown'")
                }
                fen = amount
            }
            let source = try CalendarFile.text(try field("source"), what: "source", reader: reader)
            let verifiedNode = try field("verified")
            let verified = try reader.bool(verifiedNode, what: "verified")
            if fen == nil && verified {
                throw reader.fail(verifiedNode, "an unknown standard cannot be verified: write 'verified: false'")
            }
            if let first = lines[effectiveFrom] {
                throw reader.fail(item, "a second standard from \(effectiveFrom) (the first is on line \(first))")
            }
            lines[effectiveFrom] = reader.line(item)
            entries.append(MinimumWage(amountFen: fen, effectiveFrom: effectiveFrom, source: source, verified: verified))
        }
        guard !entries.isEmpty else { throw reader.fail(entriesNode, "'entries' lists no standard") }
        return MinimumWageTable(region: region, entries: entries.sorted { $0.effectiveFrom < $1.effectiveFrom })
    }
}
