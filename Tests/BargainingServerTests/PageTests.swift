import Bargaining
import BargainingServer
import BargainingStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The pages over HTTP as a browser sends them (issue 15 item 5): sign-in with its CSRF cookie,
/// session cookie flags, forms only for this seat's acts, a forged post refused, refusals shown
/// with rule and article, stored text escaped. The real-browser run is tests/browser.
@Suite("city server pages", .serialized)
struct PageTests {
    /// Signs in as `name` through the login form; the session cookie.
    static func signIn(_ client: some TestClientProtocol, _ name: String, password: String = ServerFixture.password) async throws -> String? {
        let page = try await client.execute(uri: "/login", method: .get)
        let setCookie = page.headers[.setCookie] ?? ""
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
        let csrf = try #require(setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last.map(String.init))
        #expect(page.text.contains("name=\"csrf\" value=\"\(csrf)\""))
        let response = try await client.execute(
            uri: "/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bargain_login_csrf=\(csrf)"],
            body: ByteBuffer(string: "csrf=\(csrf)&name=\(name)&password=\(password.replacingOccurrences(of: " ", with: "+"))"))
        guard response.status == .seeOther, let cookie = response.headers[.setCookie] else { return nil }
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
        return cookie.split(separator: ";").first.map(String.init)
    }

    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value=""#) else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test("the union chair signs in, sees only the notice form, sends it; the employer's reply has no button for them")
    func unionChairSendsNotice() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let session = try #require(try await Self.signIn(client, "wangfang"))
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: session])
            #expect(home.status == .ok)
            #expect(home.text.contains("ENT-2025-001"))

            let page = try await client.execute(uri: "/negotiations/ENT-2025-001", method: .get, headers: [.cookie: session])
            #expect(page.text.contains(#"id="act-send-notice""#))
            let csrf = try #require(Self.csrf(in: page.text))
            let form = "csrf=\(csrf)&action=send-notice&on=2025-03-03&field%3Aproposed-on=2025-03-25&field%3Aplace=%3Cscript%3Ex%3C%2Fscript%3E&field%3Acontent=wages"
            let posted = try await client.execute(uri: "/negotiations/ENT-2025-001/act", method: .post,
                                                  headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: form))
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location] == "/negotiations/ENT-2025-001?done=send-notice")

            let after = try await client.execute(uri: "/negotiations/ENT-2025-001?done=send-notice", method: .get, headers: [.cookie: session])
            #expect(!after.text.contains(#"id="act-accept""#), "no form for the employer's reply")
            #expect(after.text.contains("place: &lt;script&gt;x&lt;/script&gt;"), "the place is shown, escaped")
            #expect(!after.text.contains("<script>"), "stored text is never markup")
        }
        #expect(try await fixture.store.load(fixture.negotiationID).last?.event.actor == Actor(.employeeSide, "wangfang"))
    }

    @Test("a form posted without its CSRF token, or by another seat, is refused and writes nothing")
    func forgedPosts() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let session = try #require(try await Self.signIn(client, "wangfang"))
            let noToken = "action=send-notice&on=2025-03-03&field%3Aproposed-on=2025-03-25&field%3Aplace=x&field%3Acontent=y"
            let forged = try await client.execute(uri: "/negotiations/ENT-2025-001/act", method: .post,
                                                  headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: noToken))
            #expect(forged.status == .forbidden)

            let page = try await client.execute(uri: "/negotiations/ENT-2025-001", method: .get, headers: [.cookie: session])
            let csrf = try #require(Self.csrf(in: page.text))
            let notice = try await client.execute(uri: "/negotiations/ENT-2025-001/act", method: .post,
                                                  headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "csrf=\(csrf)&" + noToken))
            #expect(notice.status == .seeOther)
            let employersAct = try await client.execute(uri: "/negotiations/ENT-2025-001/act", method: .post,
                                                        headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "csrf=\(csrf)&action=accept&on=2025-03-10"))
            #expect(employersAct.status == .forbidden)
            #expect(employersAct.text.contains("企业方"))

            let daxing = try #require(try await Self.signIn(client, "daxing"))
            let hidden = try await client.execute(uri: "/negotiations/ENT-2025-001", method: .get, headers: [.cookie: daxing])
            #expect(hidden.status == .notFound)
        }
        #expect(try await fixture.version() == 2, "the notice only")
    }

    @Test("a refusal by the law is shown on the page with its rule and article")
    func lawRefusalOnThePage() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let session = try #require(try await Self.signIn(client, "wangfang"))
            let page = try await client.execute(uri: "/negotiations/ENT-2025-001", method: .get, headers: [.cookie: session])
            let csrf = try #require(Self.csrf(in: page.text))
            let form = "csrf=\(csrf)&action=send-notice&on=2025-03-05&field%3Aproposed-on=2025-03-01&field%3Aplace=x&field%3Acontent=y"
            let refused = try await client.execute(uri: "/negotiations/ENT-2025-001/act", method: .post,
                                                   headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: form))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"id="error""#) && refused.text.contains("规则 (rule)"))
        }
    }

    @Test("five wrong passwords lock the name for 15 minutes, even with the right one after; the audit log has each")
    func loginThrottle() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            for _ in 1...5 {
                let refused = try await Self.signIn(client, "liqiang", password: "wrong password 1")
                #expect(refused == nil)
            }
            let locked = try await Self.signIn(client, "liqiang")
            #expect(locked == nil, "locked, even with the right password")
            fixture.clock.advance(901)
            let unlocked = try await Self.signIn(client, "liqiang")
            #expect(unlocked != nil, "unlocked after 15 minutes")
        }
        let audit = try await fixture.store.auditLog(limit: 50)
        #expect(audit.filter { $0.event == "login-failed" }.count == 5)
        #expect(audit.contains { $0.event == "login-refused" })
    }

    @Test("without a session the pages send the browser to the login page")
    func redirectsToLogin() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let response = try await client.execute(uri: "/negotiations/ENT-2025-001", method: .get)
            #expect(response.status == .seeOther && response.headers[.location] == "/login")
        }
    }
}
