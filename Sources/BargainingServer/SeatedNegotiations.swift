import Bargaining
import BargainingService
import BargainingStore

/// The application service as one seat sees it: every read and act of the API and the pages
/// goes through here, so the core's ``Authorization`` is asked once per request and the recorded
/// actor always comes from the authenticated account, never from the request. A negotiation
/// outside the seat's scope answers exactly as one that does not exist.
public struct SeatedNegotiations: Sendable {
    public let service: LocalNegotiationService
    public let accounts: AccountService

    public init(service: LocalNegotiationService, accounts: AccountService) {
        self.service = service
        self.accounts = accounts
    }

    /// What authorization needs of a negotiation: its parties, district and whether it was filed.
    static func facts(_ negotiation: Negotiation) -> NegotiationFacts {
        NegotiationFacts(opening: negotiation.opening, filed: !negotiation.state.filings.isEmpty)
    }

    /// The negotiation, if `identity`'s seat may read it; else the same 404 as a missing one.
    public func negotiation(_ id: String, for identity: Identity) async throws -> Negotiation {
        let negotiation: Negotiation
        do { negotiation = try await service.negotiation(id) } catch StoreError.notFound { throw Problem.notFound(id) }
        guard case .allowed = Authorization.decide(seat: identity.seat, account: identity.name, facts: Self.facts(negotiation),
                                                   request: .read) else {
            throw Problem.notFound(id)
        }
        return negotiation
    }

    /// The negotiations in the seat's scope as they stand on `day`. A district's seats ask the
    /// store for their district only; enterprise and union seats are checked one by one.
    public func list(_ query: NegotiationQuery, asOf day: Day, for identity: Identity) async throws -> [NegotiationSummary] {
        var query = query
        switch identity.seat {
        case .upperUnion(let district), .labourAdministration(let district), .districtStaff(let district):
            if let asked = query.district, asked != district { return [] }
            query.district = district
            return try await service.list(query, asOf: day)
        case .administrator:
            return try await service.list(query, asOf: day)
        case .unionOfEnterprise, .union, .employerOfEnterprise, .archive:
            var visible: [NegotiationSummary] = []
            for summary in try await service.list(query, asOf: day) {
                let negotiation = try await service.negotiation(summary.id)
                if case .allowed = Authorization.decide(seat: identity.seat, account: identity.name, facts: Self.facts(negotiation),
                                                        request: .read) {
                    visible.append(summary)
                }
            }
            return visible
        }
    }

    /// The acts possible now, each with whether this seat may take it (and why not).
    public func actions(of negotiation: Negotiation, asOf day: Day, for identity: Identity) throws -> [SeatAction] {
        let status = try negotiation.status(asOf: day)
        return status.allowed.compactMap { allowed in
            guard let definition = negotiation.engine.workflow.action(allowed.kind) else { return nil }
            let decision = Authorization.decide(seat: identity.seat, account: identity.name, facts: Self.facts(negotiation),
                                                request: .act(definition))
            var refusal: String?
            if case .refused(let reason) = decision { refusal = reason }
            if refusal == nil, let role = identity.seat.role { refusal = Self.notNow(allowed, role, article: definition.article) }
            return SeatAction(allowed: allowed, article: definition.article, refusal: refusal)
        }
    }

    /// Decides and records `kind` with `fields` (as typed) on negotiation `id` for the seat of
    /// `identity`. Refusals by seat and by law are written to the audit log.
    public func act(_ kindName: String, fields: [(name: String, text: String)], on id: String, day: Day, requestID: String?,
                    for identity: Identity, remote: String?) async throws -> Recorded {
        let negotiation = try await self.negotiation(id, for: identity)
        guard let kind = ActionKind(rawValue: kindName), let definition = negotiation.engine.workflow.action(kind) else {
            let names = negotiation.engine.workflow.actions.map(\.kind.rawValue).joined(separator: ", ")
            throw Problem(.unprocessableContent, "unknown-action", title: "没有这个行为 (no such act)",
                          detail: "'\(kindName)' is not an act of the \(negotiation.opening.workflow.name) workflow; its acts are \(names)")
        }
        switch Authorization.decide(seat: identity.seat, account: identity.name, facts: Self.facts(negotiation), request: .act(definition)) {
        case .notFound:
            throw Problem.notFound(id)
        case .refused(let reason):
            try await accounts.audit(identity.name, "refused", "\(id) \(kind.rawValue): \(reason)", remote: remote)
            throw Problem.forbidden(reason)
        case .allowed(let actor):
            guard let actor else { throw Problem.forbidden("this seat reads only") }
            // The side the state rules out (the reply is the other side's, S1 art 32; a side that
            // signed has signed) is refused here like a wrong seat, as the page shows no form for it.
            if let now = try? negotiation.status(asOf: max(day, negotiation.state.lastDay)),
               let allowed = now.allowed.first(where: { $0.kind == kind }),
               let reason = Self.notNow(allowed, actor.role, article: definition.article) {
                try await accounts.audit(identity.name, "refused", "\(id) \(kind.rawValue): \(reason)", remote: remote)
                throw Problem.forbidden(reason)
            }
            let parsed = try ActFields.fields(fields, for: kind).get()
            do {
                let recorded = try await service.act(Action(kind, parsed), on: id, by: actor, on: day, requestID: requestID)
                try await accounts.audit(identity.name, "acted", "\(id) \(kind.rawValue) on \(day) (version \(recorded.negotiation.state.version))",
                                         remote: remote)
                return recorded
            } catch let violation as RuleViolation {
                try await accounts.audit(identity.name, "refused", "\(id) \(kind.rawValue): \(violation.name)", remote: remote)
                throw violation
            }
        }
    }
}

extension SeatedNegotiations {
    /// Why `role` may not take `allowed` now although its seat may take the act in general: the
    /// engine narrowed who may act (see ``Engine/allowedActions(in:)``).
    static func notNow(_ allowed: AllowedAction, _ role: Role, article: String) -> String? {
        guard !allowed.roles.contains(role) else { return nil }
        let owners = allowed.roles.map(\.chineseName).joined(separator: "、")
        return owners.isEmpty
            ? "「\(allowed.kind.title)」各方均已办理 (already taken by every side) (\(article))"
            : "「\(allowed.kind.title)」现在由\(owners)办理，\(role.chineseName)不能代为记录 (\(article))"
    }
}

/// An act possible now, and whether this seat may take it.
public struct SeatAction: Sendable {
    public var allowed: AllowedAction
    public var article: String
    /// Why this seat may not, or nil when it may.
    public var refusal: String?
    public var mine: Bool { refusal == nil }
}
