import Bargaining
import BargainingServer
import BargainingService
import BargainingStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The JSON API, each party from its own seat (issue 15 items 3–4 and "Bad input"): the server
/// runs on 127.0.0.1 over a real SQLite store.
@Suite("city server API", .serialized)
struct APITests {
    @Test("each party acts from its own seat: the union sends the notice, the employer replies, the actor comes from the account")
    func partiesActFromTheirSeats() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let notice = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001/acts", method: .post, headers: fixture.json("wangfang"),
                                                  body: ByteBuffer(string: ServerFixture.notice))
            #expect(notice.status == .created, "\(notice.text)")
            let reply = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001/acts", method: .post, headers: fixture.json("liqiang"),
                                                 body: ByteBuffer(string: #"{"action":"accept","on":"2025-03-10"}"#))
            #expect(reply.status == .created, "\(reply.text)")
        }
        let events = try await fixture.store.load(fixture.negotiationID).map(\.event)
        #expect(events.count == 3)
        #expect(events[1].actor == Actor(.employeeSide, "wangfang"), "the actor is the account at its seat")
        #expect(events[2].actor == Actor(.employerSide, "liqiang"))
    }

    @Test("the union chair cannot record the employer's reply (S1 art 32): 403 naming who takes it, nothing written, audited")
    func seatRefusal() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            _ = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001/acts", method: .post, headers: fixture.json("wangfang"),
                                         body: ByteBuffer(string: ServerFixture.notice))
            let forged = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001/acts", method: .post, headers: fixture.json("wangfang"),
                                                  body: ByteBuffer(string: #"{"action":"accept","on":"2025-03-10"}"#))
            #expect(forged.status == .forbidden)
            #expect(forged.headers[.contentType] == "application/problem+json; charset=utf-8")
            let problem = try forged.decoded(ProblemBody.self)
            #expect(problem.detail.contains("企业方"), "names the side that takes the act: \(problem.detail)")

            let actions = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001/actions", method: .get, headers: fixture.bearer("wangfang"))
            let text = actions.text
            #expect(text.contains(#""action":"accept""#) && text.contains(#""mine":false"#), "the reply is listed as another party's")
        }
        #expect(try await fixture.version() == 2, "the refused act wrote nothing")
        let audit = try await fixture.store.auditLog(limit: 20)
        #expect(audit.contains { $0.account == "wangfang" && $0.event == "refused" && $0.detail.contains("accept") })
    }

    @Test("outside the scope reads exactly like a negotiation that does not exist")
    func outOfScopeIsNotFound() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let own = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001", method: .get, headers: fixture.bearer("staff"))
            #expect(own.status == .ok)
            #expect(try own.decoded(StatusDocument.self).step.name == "notice")

            let other = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001", method: .get, headers: fixture.bearer("daxing"))
            let missing = try await client.execute(uri: "/api/v1/negotiations/ENT-NONE", method: .get, headers: fixture.bearer("daxing"))
            #expect(other.status == .notFound && missing.status == .notFound)
            let a = try other.decoded(ProblemBody.self), b = try missing.decoded(ProblemBody.self)
            #expect(a.title == b.title && a.type == b.type)
            #expect(a.detail == "no negotiation with id ENT-2025-001" && b.detail == "no negotiation with id ENT-NONE")

            let list = try await client.execute(uri: "/api/v1/negotiations", method: .get, headers: fixture.bearer("daxing"))
            #expect(try list.decoded(ListBody.self).negotiations.isEmpty)
            let staffList = try await client.execute(uri: "/api/v1/negotiations", method: .get, headers: fixture.bearer("staff"))
            #expect(try staffList.decoded(ListBody.self).negotiations.map(\.id) == ["ENT-2025-001"])

            let reading = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001/acts", method: .post, headers: fixture.json("staff"),
                                                   body: ByteBuffer(string: ServerFixture.notice))
            #expect(reading.status == .forbidden, "district staff read and act in none")
        }
    }

    @Test("a refusal by the law is 422 with its rule and article (S1 art 31: the notice proposes a date after it is sent)")
    func lawRefusal() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let early = #"{"action":"send-notice","on":"2025-03-05","fields":{"proposed-on":"2025-03-01","place":"会议室","content":"工资"}}"#
            let response = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001/acts", method: .post, headers: fixture.json("wangfang"),
                                                    body: ByteBuffer(string: early))
            #expect(response.status == .unprocessableContent, "\(response.text)")
            let problem = try response.decoded(ProblemBody.self)
            #expect(problem.rule != nil)
            #expect(problem.detail.contains("2025-03-01"))
        }
        #expect(try await fixture.version() == 1)
    }

    @Test("bad input is a 4xx problem and writes nothing: no token, bad token, malformed JSON, unknown member, bad field, future date, oversized body")
    func badInput() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let uri = "/api/v1/negotiations/ENT-2025-001/acts"
            let cases: [(HTTPFields, String, HTTPResponse.Status)] = [
                ([.contentType: "application/json"], ServerFixture.notice, .unauthorized),
                ([.authorization: "Bearer bgn_not-a-token", .contentType: "application/json"], ServerFixture.notice, .unauthorized),
                (fixture.json("wangfang"), "{\"action\":", .badRequest),
                (fixture.json("wangfang"), "[1,2]", .badRequest),
                (fixture.json("wangfang"), #"{"action":"send-notice","actor":"employer-side:李强"}"#, .badRequest),
                (fixture.json("wangfang"), #"{"action":"send-notice","on":"2025-03-03","fields":{"proposed-on":"下周一","place":"x","content":"y"}}"#,
                 .unprocessableContent),
                (fixture.json("wangfang"), #"{"action":"no-such-act"}"#, .unprocessableContent),
                (fixture.json("wangfang"), #"{"action":"send-notice","on":"2031-01-01"}"#, .badRequest),
                (fixture.json("wangfang"), "{\"action\":\"send-notice\",\"fields\":{\"place\":\"" + String(repeating: "x", count: 70_000) + "\"}}",
                 .contentTooLarge),
            ]
            for (headers, body, status) in cases {
                let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == status, "\(body.prefix(80)) → \(response.status) \(response.text.prefix(300))")
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
        }
        #expect(try await fixture.version() == 1, "nothing was written")
    }

    @Test("text that looks like SQL or script is stored verbatim and served as data")
    func hostileTextStoredVerbatim() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        let place = "'); DROP TABLE events; -- <script>alert(1)</script>"
        try await fixture.withLiveServer { client in
            let body = #"{"action":"send-notice","on":"2025-03-03","fields":{"proposed-on":"2025-03-25","place":"\#(place)","content":"工资"}}"#
            let response = try await client.execute(uri: "/api/v1/negotiations/ENT-2025-001/acts", method: .post, headers: fixture.json("wangfang"),
                                                    body: ByteBuffer(string: body))
            #expect(response.status == .created)
        }
        let events = try await fixture.store.load(fixture.negotiationID).map(\.event)
        #expect(events.last?.fields.text("place") == place)
        #expect(try await fixture.store.verify(nil).isIntact)
    }

    @Test("tokens expire and can be revoked; a disabled account's token stops working")
    func tokenLifetime() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.bearer("wangfang")).status == .ok)
            #expect(try await fixture.store.revokeTokens(of: "wangfang", kind: .api) == 1)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.bearer("wangfang")).status == .unauthorized)

            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.bearer("liqiang")).status == .ok)
            fixture.clock.advance(86_401)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: fixture.bearer("liqiang")).status == .unauthorized)

            let fresh = try await fixture.accounts.issueToken(for: "staff", seconds: 3600).secret
            #expect(try await fixture.store.setDisabled("staff", true))
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(fresh)"]).status == .unauthorized)
        }
    }

    @Test("the audit log is the administrator's: sign-ins, token use, refusals")
    func auditLog() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            #expect(try await client.execute(uri: "/api/v1/audit", method: .get, headers: fixture.bearer("staff")).status == .forbidden)
            let response = try await client.execute(uri: "/api/v1/audit?limit=50", method: .get, headers: fixture.bearer("admin"))
            #expect(response.status == .ok)
            #expect(response.text.contains(#""event":"token-used""#))
        }
    }

    @Test("/healthz and /openapi.json answer without a token; every answer has a request id and the security headers")
    func healthAndDocument() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(health.headers[.init("X-Request-Id")!]?.isEmpty == false)
            #expect(health.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let document = try await client.execute(uri: "/openapi.json", method: .get)
            let object = try JSONSerialization.jsonObject(with: Data(document.body.readableBytesView)) as? [String: Any]
            #expect(object?["openapi"] as? String == "3.1.0")
        }
    }
}

struct ListBody: Decodable {
    struct Item: Decodable { var id: String }
    var negotiations: [Item]
}
