import Bargaining
import BargainingCoverage
import Hummingbird

/// `GET /api/v1/coverage`: the figures of SPEC §6 for the caller's scope as of a date, in the
/// JSON shape of `bargain coverage --json` (``CoverageReport``), computed by the same library
/// call. Staff of a district see that district (another district is a 404, as one that does not
/// exist); the administrator sees the city or the district asked for.
struct CoverageAPI {
    let coverage: SeatedCoverage
    let today: @Sendable () -> Day

    func add(to router: Router<ServerContext>) {
        router.group("api/v1").get("coverage") { request, context in try await report(request, context) }
    }

    func report(_ request: Request, _ context: ServerContext) async throws -> JSONBody<CoverageReport> {
        let identity = try context.requireIdentity()
        let query = try CoverageQuery(request, today: today())
        return JSONBody(try await coverage.reports([query.by], query, for: identity)[0])
    }
}
