import Bargaining
import BargainingCoverage

/// Why a seat gets no coverage figures for what it asked (issue 15 item 4).
public enum CoverageScopeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The seat reads no coverage figures (``Authorization/coverage(seat:asked:)`` says why).
    case refused(String)
    /// The district lies outside the seat's scope: said exactly as for a district with no
    /// enterprises in the registry, so a seat learns nothing of other districts.
    case noSuchDistrict(String)

    public var description: String {
        switch self {
        case .refused(let reason): reason
        case .noSuchDistrict(let district): "no district \(district) in this seat's registry"
        }
    }
}

extension CoverageSources {
    /// The district whose figures `seat` sees when it asks for `asked` (nil: its own scope), or
    /// nil for the whole city; as the core's ``Authorization/coverage(seat:asked:)`` decides.
    public static func district(for seat: Seat, asked: String?) throws(CoverageScopeError) -> String? {
        switch Authorization.coverage(seat: seat, asked: asked) {
        case .allowed(let district): return district
        case .refused(let reason): throw .refused(reason)
        case .notFound: throw .noSuchDistrict(asked ?? "")
        }
    }

    /// Coverage as `seat` may see it, as of `day`: ``reports(_:policy:asOf:from:to:district:)``
    /// over the seat's district (staff of D see D; the administrator the city, or the district
    /// asked for). Throws ``CoverageScopeError`` for a seat that reads no figures or a district
    /// outside its scope.
    public func reports(for seat: Seat, district asked: String?, _ groupings: [CoverageGrouping], policy: Policy, asOf day: Day,
                        from: Day? = nil, to: Day? = nil) async throws -> [CoverageReport] {
        try await reports(groupings, policy: policy, asOf: day, from: from, to: to, district: try Self.district(for: seat, asked: asked))
    }
}
