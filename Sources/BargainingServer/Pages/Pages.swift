import Bargaining
import BargainingService
import BargainingStore
import Crypto
import Foundation
import Hummingbird
import Mustache

/// The pages a party acts from in the browser: sign in, "my negotiations" (overdue first), one
/// negotiation with its status, timeline and the forms of the acts this seat may take, and the
/// reviewer's queue. Server-rendered, no JavaScript; every form carries a CSRF token; the session
/// cookie is `HttpOnly; SameSite=Strict` (and `Secure` behind TLS).
struct Pages {
    let seated: SeatedNegotiations
    let today: @Sendable () -> Day
    let secureCookies: Bool
    static let loginCSRFCookie = "bargain_login_csrf"

    func add(to router: Router<ServerContext>) {
        router.get("static/bargain.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: PageTemplates.stylesheet + "\n" + DistrictTemplates.stylesheet)))
        }
        router.get("login") { _, _ in loginPage(error: nil, name: "") }
        router.post("login") { request, context in try await login(request, context) }
        router.post("logout") { request, context in try await logout(request, context) }
        router.get("") { request, context in try await page(context) { try await home($0) } }
        router.get("review") { request, context in try await page(context) { try await review($0) } }
        router.get("negotiations/:id") { request, context in
            try await page(context) { identity in
                try await negotiationPage(try context.parameters.require("id"), identity, done: request.uri.queryParameters.get("done"), problem: nil)
            }
        }
        router.post("negotiations/:id/act") { request, context in try await page(context) { try await act(request, context, $0) } }
    }

    // MARK: - Sign in and out

    func loginPage(error: String?, name: String, status: HTTPResponse.Status = .ok) -> Response {
        let token = Secret.make()
        var response = html(PageModels.Login(csrf: token, name: name, error: error), "login", status: status)
        response.setCookie(Cookie(name: Self.loginCSRFCookie, value: token, path: "/login", secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func login(_ request: Request, _ context: ServerContext) async throws -> Response {
        let form = try await Self.form(request, context)
        let name = form["name"] ?? ""
        // Double-submit: the hidden field must equal the cookie the login page set.
        guard let cookie = request.cookies[Self.loginCSRFCookie]?.value, form["csrf"] == cookie else {
            return loginPage(error: "表单已过期，请重新登录 (the form expired; sign in again)", name: name, status: .forbidden)
        }
        do {
            let (secret, _) = try await seated.accounts.login(name: name, password: form["password"] ?? "", remote: context.remote)
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: secret, maxAge: seated.accounts.sessionSeconds, path: "/",
                                      secure: secureCookies, httpOnly: true, sameSite: .strict))
            return response
        } catch let error as AccountError {
            return loginPage(error: error.description, name: name, status: error == .wrongCredentials ? .unauthorized : .tooManyRequests)
        }
    }

    func logout(_ request: Request, _ context: ServerContext) async throws -> Response {
        if let identity = context.identity {
            let form = try await Self.form(request, context)
            guard form["csrf"] == Self.csrf(identity) else { throw Problem.forbidden("CSRF token missing or wrong") }
            try await seated.accounts.logout(identity, remote: context.remote)
        }
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", secure: secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    // MARK: - Pages

    func home(_ identity: Identity) async throws -> Response {
        let day = today()
        var rows: [PageModels.HomeRow] = []
        for summary in try await seated.list(NegotiationQuery(), asOf: day, for: identity) {
            let negotiation = try await seated.service.negotiation(summary.id)
            let status = try negotiation.status(asOf: day)
            let actions = try seated.actions(of: negotiation, asOf: day, for: identity)
            let soonest = status.deadlines.first
            rows.append(PageModels.HomeRow(
                id: summary.id, title: summary.title, step: status.step.title,
                mine: actions.filter(\.mine).map(\.allowed.kind.title),
                others: actions.filter { !$0.mine }.map { "\($0.allowed.kind.title)（\($0.allowed.roles.map(\.chineseName).joined(separator: "、"))）" },
                due: soonest?.due.description,
                daysText: soonest.map { $0.overdue ? "逾期 \(-$0.daysLeft) 天 (overdue)" : "剩 \($0.daysLeft) 天 (days left)" } ?? "",
                overdue: soonest?.overdue ?? false, sortKey: soonest?.daysLeft ?? Int.max))
        }
        rows.sort { ($0.sortKey, $0.id) < ($1.sortKey, $1.id) }
        return html(PageModels.Home(user: user(identity), asOf: day.description, rows: rows, hasRows: !rows.isEmpty), "home")
    }

    func review(_ identity: Identity) async throws -> Response {
        let day = today()
        var rows: [PageModels.ReviewRow] = []
        for summary in try await seated.list(NegotiationQuery(step: "review"), asOf: day, for: identity) {
            guard let window = summary.deadlines.first(where: { $0.name == "review" }) else { continue }
            let left = day.days(until: window.due)
            rows.append(PageModels.ReviewRow(id: summary.id, title: summary.title, due: window.due.description, daysLeft: left, overdue: left < 0))
        }
        rows.sort { ($0.daysLeft, $0.id) < ($1.daysLeft, $1.id) }
        return html(PageModels.Review(user: user(identity), asOf: day.description, rows: rows, hasRows: !rows.isEmpty), "review")
    }

    func negotiationPage(_ id: String, _ identity: Identity, done: String?, problem: Problem?) async throws -> Response {
        let day = today()
        let negotiation = try await seated.negotiation(id, for: identity)
        let status = StatusDocument(try negotiation.status(asOf: day), lastRecorded: negotiation.lastRecorded(asOf: day))
        let actions = try seated.actions(of: negotiation, asOf: day, for: identity)
        let csrf = Self.csrf(identity)
        let forms = actions.filter(\.mine).map { item in
            PageModels.Form(id: id, csrf: csrf, requestId: Secret.make(), today: day.description, action: item.allowed.kind.rawValue, title: item.allowed.kind.title,
                            article: item.article, fields: item.allowed.kind.fields.map(PageModels.Field.init))
        }
        let others = actions.filter { !$0.mine }.map {
            PageModels.Other(title: $0.allowed.kind.title, who: $0.allowed.roles.map(\.chineseName).joined(separator: "、"))
        }
        let workflow = negotiation.engine.workflow
        let shown = problem.map { problem in
            let document = problem.document
            return PageModels.Problem(title: document.title, detail: document.detail, rule: document.rule, article: document.article,
                                      problems: document.problems ?? [], hasProblems: !(document.problems ?? []).isEmpty)
        }
        let model = PageModels.Negotiation(
            user: user(identity), id: id, title: status.title, level: negotiation.opening.level.chineseName,
            employeeSide: status.parties.employeeSide, employerSide: status.parties.employerSide, district: status.district,
            asOf: day.description, stepTitle: status.step.title, stepAbout: status.step.about, deadlines: status.deadlines,
            hasDeadlines: !status.deadlines.isEmpty, forms: forms, others: others, hasOthers: !others.isEmpty,
            timeline: negotiation.events.reversed().map { API.TimelineEntry($0, workflow: workflow) },
            done: done.flatMap(ActionKind.init(rawValue:))?.title, problem: shown,
            brokenChain: try await seated.service.brokenChain(id)?.warning(for: id))
        return html(model, "negotiation", status: problem?.status ?? .ok)
    }

    /// An act posted from a form: the CSRF token first, then the same seat check and rules as the
    /// API. A refusal shows the page again with the rule and article; success redirects
    /// (post/redirect/get), so reloading does not post twice.
    func act(_ request: Request, _ context: ServerContext, _ identity: Identity) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await Self.form(request, context)
        guard form["csrf"] == Self.csrf(identity) else {
            try await seated.accounts.audit(identity.name, "refused", "\(id): form without a valid CSRF token", remote: context.remote)
            throw Problem.forbidden("表单缺少有效的安全令牌 (the form has no valid CSRF token); reload the page and try again")
        }
        let action = form["action"] ?? ""
        let fields = form.filter { $0.key.hasPrefix("field:") && !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { (name: String($0.key.dropFirst(6)), text: $0.value) }
        do {
            let day = try APIRoutes.actDay(form["on"].flatMap { $0.isEmpty ? nil : $0 }, today: today())
            _ = try await seated.act(action, fields: fields, on: id, day: day, requestID: form["requestId"],
                                     for: identity, remote: context.remote)
            return Response(status: .seeOther, headers: [.location: "/negotiations/\(id)?done=\(action)"])
        } catch {
            let problem = Problem.from(error)
            guard problem.status != .notFound, problem.status.code < 500 else { throw problem }
            return try await negotiationPage(id, identity, done: nil, problem: problem)
        }
    }

    // MARK: - Helpers

    /// Runs a page for a signed-in browser; without a session, to the login page. Problems are
    /// shown as a page, not as JSON.
    func page(_ context: ServerContext, _ body: (Identity) async throws -> Response) async throws -> Response {
        guard let identity = context.identity else { return Response(status: .seeOther, headers: [.location: "/login"]) }
        do {
            return try await body(identity)
        } catch {
            let problem = Problem.from(error)
            return html(PageModels.ProblemPage(user: user(identity), title: problem.document.title, detail: problem.document.detail,
                                               problems: problem.document.problems ?? [], hasProblems: !(problem.document.problems ?? []).isEmpty),
                        "problem",
                        status: problem.status)
        }
    }

    func user(_ identity: Identity) -> PageModels.User {
        let reviewer = if case .labourAdministration = identity.seat { true } else { false }
        let coverage = if case .allowed = Authorization.coverage(seat: identity.seat, asked: nil) { true } else { false }
        return PageModels.User(name: identity.name, seat: identity.seat.chineseDescription, csrf: Self.csrf(identity), reviewer: reviewer,
                               coverage: coverage)
    }

    func html(_ model: Any, _ template: String, status: HTTPResponse.Status = .ok, library: MustacheLibrary = PageTemplates.library) -> Response {
        let text = library.render(model, withTemplate: template) ?? ""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The session's CSRF token: derived from the session's digest, which only the server and the
    /// holder of the cookie can know.
    static func csrf(_ identity: Identity) -> String {
        String(Secret.digest("csrf:" + identity.tokenDigest).prefix(32))
    }

    /// An `application/x-www-form-urlencoded` body, bounded by the upload limit. A name given
    /// twice keeps its first value; text that is not valid percent-encoding is a 400.
    static func form(_ request: Request, _ context: ServerContext) async throws -> [String: String] {
        var request = request
        let body = String(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        func decoded(_ part: Substring) throws -> String {
            guard let text = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                throw Problem.badRequest("the form is not valid application/x-www-form-urlencoded text")
            }
            return text
        }
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decoded(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? try decoded(parts[1]) : "" }
        }
        return fields
    }
}
