import Bargaining
import BargainingCoverage
import Hummingbird

/// What a coverage request asks, from its query string: `asOf` (today when absent), the
/// renewal period `from`/`to` (the year to date when absent), `district`, and `by` (a grouping).
/// The API and the district pages read it the same way; anything malformed is a 400 naming it.
struct CoverageQuery: Sendable {
    var asOf: Day
    var from: Day?
    var to: Day?
    var district: String?
    var by: CoverageGrouping

    init(_ request: Request, today: Day) throws {
        let query = request.uri.queryParameters
        asOf = try APIRoutes.day(request, "asOf") ?? today
        from = try APIRoutes.day(request, "from")
        to = try APIRoutes.day(request, "to")
        district = query.get("district").flatMap { $0.isEmpty ? nil : $0 }
        by = .none
        if let text = query.get("by") {
            guard let grouping = CoverageGrouping(rawValue: text), grouping != .none else {
                throw Problem.badRequest("by '\(text)' is not one of district, street, industry, chamber")
            }
            by = grouping
        }
    }
}
