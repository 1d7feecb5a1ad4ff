/// A seat written as text, the way `bargain accounts add --seat` takes it and the account table
/// keeps it: `KIND` or `KIND:SCOPE`.
///
/// | text | seat |
/// |---|---|
/// | `union:CODE` | 职工方 (union side) of the enterprise with credit code CODE |
/// | `union-of:NAME` | 职工方 as the industry or regional union NAME |
/// | `employer:CODE` | 企业方 (employer side) of enterprise CODE |
/// | `upper-union:DISTRICT` | 上级工会 (upper-level union) of a district |
/// | `labour:DISTRICT` | 人社部门 (labour administration, reviewer) of a district |
/// | `staff:DISTRICT` | 区总工会 staff (district union staff): read the district, act in none |
/// | `archive` | 档案馆 (archive): filed records only |
/// | `admin` | 管理员 (administrator): accounts and the audit log |
extension Seat: CustomStringConvertible, LosslessStringConvertible {
    /// Every form with what it means, for `--help` and for the refusal of a mistyped seat.
    public static let forms: [(form: String, meaning: String)] = [
        ("union:CODE", "职工方 (union side) of the enterprise with credit code CODE"),
        ("union-of:NAME", "职工方 as the industry or regional union NAME"),
        ("employer:CODE", "企业方 (employer side) of enterprise CODE"),
        ("upper-union:DISTRICT", "上级工会 (upper-level union) of a district"),
        ("labour:DISTRICT", "人社部门 (labour administration, reviews filings) of a district"),
        ("staff:DISTRICT", "区总工会工作人员 (district union staff): reads the district, acts in none"),
        ("archive", "档案馆 (archive): reads filed records only"),
        ("admin", "管理员 (administrator): accounts and the audit log, no party's act"),
    ]

    public var description: String {
        switch self {
        case .unionOfEnterprise(let code): "union:\(code)"
        case .union(let name): "union-of:\(name)"
        case .employerOfEnterprise(let code): "employer:\(code)"
        case .upperUnion(let district): "upper-union:\(district)"
        case .labourAdministration(let district): "labour:\(district)"
        case .districtStaff(let district): "staff:\(district)"
        case .archive: "archive"
        case .administrator: "admin"
        }
    }

    /// Reads a seat, or nil for text that is not one (``parse(_:)`` says why).
    public init?(_ description: String) {
        guard case .success(let seat) = Self.parse(description) else { return nil }
        self = seat
    }

    /// Reads a seat, or a sentence naming what is wrong and the forms there are.
    public static func parse(_ text: String) -> Result<Seat, SeatError> {
        let kind = text.prefix { $0 != ":" }
        let scope = String(text.dropFirst(kind.count + 1)).trimmingWhitespace()
        let hasScope = text.contains(":")
        func scoped(_ make: (String) -> Seat) -> Result<Seat, SeatError> {
            scope.isEmpty ? .failure(SeatError(text: text, reason: "「\(kind)」 needs a scope after the colon")) : .success(make(scope))
        }
        func enterprise(_ make: (CreditCode) -> Seat) -> Result<Seat, SeatError> {
            do { return .success(make(try CreditCode(scope))) } catch {
                return .failure(SeatError(text: text, reason: "the scope must be an enterprise's credit code: \(error)"))
            }
        }
        func unscoped(_ seat: Seat) -> Result<Seat, SeatError> {
            hasScope ? .failure(SeatError(text: text, reason: "「\(kind)」 takes no scope")) : .success(seat)
        }
        switch kind {
        case "union": return enterprise(Seat.unionOfEnterprise)
        case "union-of": return scoped(Seat.union)
        case "employer": return enterprise(Seat.employerOfEnterprise)
        case "upper-union": return scoped { Seat.upperUnion(district: $0) }
        case "labour": return scoped { Seat.labourAdministration(district: $0) }
        case "staff": return scoped { Seat.districtStaff(district: $0) }
        case "archive": return unscoped(.archive)
        case "admin": return unscoped(.administrator)
        default: return .failure(SeatError(text: text, reason: "unknown kind of seat 「\(kind)」"))
        }
    }

    /// The seat in words for pages and listings: 「企业方 · 91110000…」.
    public var chineseDescription: String {
        switch self {
        case .unionOfEnterprise(let code): "职工方 · \(code)"
        case .union(let name): "职工方 · \(name)"
        case .employerOfEnterprise(let code): "企业方 · \(code)"
        case .upperUnion(let district): "上级工会 · \(district)"
        case .labourAdministration(let district): "人社部门 · \(district)"
        case .districtStaff(let district): "区总工会 · \(district)"
        case .archive: "档案馆"
        case .administrator: "管理员"
        }
    }
}

/// A seat that could not be read, with the forms there are.
public struct SeatError: Error, CustomStringConvertible, Sendable {
    public var text: String
    public var reason: String

    public var description: String {
        let forms = Seat.forms.map { "  \($0.form)  \($0.meaning)" }.joined(separator: "\n")
        return "seat 「\(text)」: \(reason). A seat is one of:\n\(forms)"
    }
}
