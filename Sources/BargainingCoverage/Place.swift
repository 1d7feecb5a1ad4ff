/// Where an enterprise is, as district staff group it: a street (街道, or town 乡镇) within its
/// district. Streets are keyed by the pair, never by the street's name alone: 大兴区新华街道 and
/// 通州区新华街道 are two places (issue 12 item 5).
struct Place: Sendable, Hashable {
    var district: String
    var street: String

    /// One string for ``KeyNumbering``: the district, a NUL, the street. NUL sorts before every
    /// character a name holds, so the keys sort by district, then street.
    var key: String { district + "\u{0}" + street }

    init(district: String, street: String) {
        self.district = district
        self.street = street
    }

    /// The place a ``key`` was made from.
    init(key: String) {
        let parts = key.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
        district = String(parts[0])
        street = parts.count > 1 ? String(parts[1]) : ""
    }
}
