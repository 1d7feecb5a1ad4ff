import Bargaining

/// The district whose staff import a file (issue 16 item 3): they may bring in rows of their own
/// district only. Decided here, as each row is read, so that every front end (the CLI with a
/// district seat's scope, the district page) refuses or sets aside the same rows with the same
/// reason, at the line and column of the offending value.
///
/// A registry row belongs to the district its 区 column names, and must not move an enterprise
/// registered in another district into this one; a contract or congress row belongs to the
/// districts its enterprises are registered in. An enterprise the registry does not list yet has
/// no district to check (an industry contract may name one, as without a scope).
public struct ImportScope: Sendable, Hashable {
    /// The district the rows must be of.
    public var district: String
    /// The stored registry's districts by credit code.
    public var registered: [CreditCode: String]

    public init(district: String, registered: [CreditCode: String]) {
        self.district = district
        self.registered = registered
    }

    /// Why a registry row of `district` for `enterprise` is outside the scope; nil if inside.
    func registryProblem(_ enterprise: CreditCode, district rowDistrict: String) -> CSVImportError.Reason? {
        if rowDistrict != district { return .otherDistrict(rowDistrict, allowed: district) }
        return enterpriseProblem(enterprise)
    }

    /// Why a row naming `enterprise` is outside the scope: registered in another district.
    func enterpriseProblem(_ enterprise: CreditCode) -> CSVImportError.Reason? {
        guard let registered = registered[enterprise], registered != district else { return nil }
        return .enterpriseOfOtherDistrict(enterprise, district: registered, allowed: district)
    }
}
