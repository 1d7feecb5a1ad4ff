import Bargaining
import BargainingCoverage
import BargainingService

/// Coverage as one seat sees it, for `/api/v1/coverage` and the district pages (issue 15
/// item 4, issue 16): the library's ``CoverageSources`` (what `bargain coverage` runs) within the
/// scope the core's ``Authorization/coverage(seat:asked:)`` gives the seat, under the policy of
/// the server's workflows directory (the one `bargain coverage` reads without `--policy`).
public struct SeatedCoverage: Sendable {
    public let sources: CoverageSources
    let workflows: WorkflowCatalog

    public init(sources: CoverageSources, workflows: WorkflowCatalog) {
        self.sources = sources
        self.workflows = workflows
    }

    /// The targets, grace and reminder window the engine applies too.
    func policy() throws -> Policy {
        try workflows.directory(for: .enterprise).context.policy
    }

    /// The district `identity` sees when asking for `asked` (nil: the whole city), or the
    /// problem to answer: 403 for a seat that reads no figures, 404 for a district outside the
    /// seat's scope, in the same words as a district with no enterprises.
    func district(for identity: Identity, asked: String?) throws -> String? {
        do { return try CoverageSources.district(for: identity.seat, asked: asked) } catch {
            throw Self.problem(error)
        }
    }

    /// The reports of `query`, one per grouping, in `identity`'s scope.
    func reports(_ groupings: [CoverageGrouping], _ query: CoverageQuery, for identity: Identity) async throws -> [CoverageReport] {
        let district = try district(for: identity, asked: query.district)
        return try await Self.period {
            try await sources.reports(groupings, policy: try policy(), asOf: query.asOf, from: query.from, to: query.to, district: district)
        }
    }

    /// The reports of `query` and the laggards, from one index (the overview page).
    func reportsAndLaggards(_ groupings: [CoverageGrouping], _ query: CoverageQuery, for identity: Identity) async throws
        -> (reports: [CoverageReport], laggards: [Laggard]) {
        let district = try district(for: identity, asked: query.district)
        return try await Self.period {
            try await sources.reportsAndLaggards(groupings, policy: try policy(), asOf: query.asOf, from: query.from, to: query.to, district: district)
        }
    }

    /// A renewal period the library refuses is the request's fault: 400, in the library's words.
    static func period<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let refusal as RenewalPeriod.Refusal {
            throw Problem.badRequest(refusal.description)
        }
    }

    static func problem(_ error: CoverageScopeError) -> Problem {
        switch error {
        case .refused(let reason): Problem.forbidden(reason)
        case .noSuchDistrict: Problem(.notFound, "no-district", title: "没有这个区 (no such district)", detail: error.description)
        }
    }
}
