import Bargaining
import BargainingStore

/// The sets records are grouped in (§4.6): by level (`level:enterprise`, `level:industry`,
/// `level:regional`) and by district. A setSpec may only hold `A-Za-z0-9-_.!~*'()`, so a
/// district's Chinese name is spelt as the lowercase hex of its UTF-8 bytes
/// (`district:e5a4a7e585b4e58cba` is 大兴区); the setName gives the name itself. `level` and
/// `district` are the parents of their members.
enum OAISet: Hashable {
    case levels
    case level(Level)
    case districts
    case district(String)

    /// Parses a setSpec; nil when it is none of ours.
    init?(spec: String) {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        switch (parts.first, parts.count) {
        case ("level", 1): self = .levels
        case ("level", 2):
            guard let level = Level(rawValue: String(parts[1])) else { return nil }
            self = .level(level)
        case ("district", 1): self = .districts
        case ("district", 2):
            guard let name = Self.unhex(parts[1]) else { return nil }
            self = .district(name)
        default: return nil
        }
    }

    var spec: String {
        switch self {
        case .levels: "level"
        case .level(let level): "level:" + level.rawValue
        case .districts: "district"
        case .district(let name): "district:" + name.utf8.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        }
    }

    var name: String {
        switch self {
        case .levels: "按级别 (by level)"
        case .level(let level): "\(level.chineseName)集体合同 (\(level.rawValue))"
        case .districts: "按区 (by district)"
        case .district(let name): name
        }
    }

    /// The store query listing this set's candidates.
    var query: NegotiationQuery {
        switch self {
        case .levels, .districts: NegotiationQuery()
        case .level(let level): NegotiationQuery(level: level)
        case .district(let name): NegotiationQuery(district: name)
        }
    }

    /// Whether a negotiation with this summary is in the set (`district` needs a district).
    func contains(_ summary: NegotiationSummary) -> Bool {
        switch self {
        case .districts: summary.district != nil
        default: query.matches(summary)
        }
    }

    /// The leaf sets an item of this negotiation belongs to, as its header lists them.
    static func memberships(level: Level, district: String?) -> [OAISet] {
        [.level(level)] + (district.map { [.district($0)] } ?? [])
    }

    private static func unhex(_ text: Substring) -> String? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count.isMultiple(of: 2) else { return nil }
        var decoded: [UInt8] = []
        for index in stride(from: 0, to: bytes.count, by: 2) {
            guard let byte = UInt8(String(decoding: bytes[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            decoded.append(byte)
        }
        let name = String(validating: decoded, as: UTF8.self)
        // Only the lowercase spelling names a set, so each set has one spec.
        return name.flatMap { OAISet.district($0).spec == "district:" + text ? $0 : nil }
    }
}
