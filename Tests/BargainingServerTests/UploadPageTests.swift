import Bargaining
import BargainingServer
import BargainingStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// The district page's upload over HTTP (issue 16 item 3): the preview stores nothing, the
/// confirm applies the file the preview kept and only once, another district's rows are set
/// aside, and a form without its token, a body that is not a form, a seat that does not keep the
/// district's registry or another account's upload are refused. The browser run is
/// tests/browser/test_district_upload.py.
@Suite("city server uploads", .serialized)
struct UploadPageTests {
    static let boundary = "----bargainTestBoundary7"
    static let here = SampleNegotiations.precisionWorks.creditCode
    static let elsewhere = SampleNegotiations.rongHuaEnterprises[1].creditCode

    static var registry: String {
        "企业名录\r\n统一社会信用代码,名称,区,街道,行业,职工人数,建会日期,工商联会员\r\n"
            + "\(here),北京亦庄精密制造有限公司,\(ServerFixture.district),荣华街道,制造业,412,2019-05-02,否\r\n"
            + "\(elsewhere),大兴某公司,大兴区,兴丰街道,制造业,40,,否\r\n"
    }

    static func form(csrf: String?, kind: String = "registry", file: String = registry) -> ByteBuffer {
        var parts: [String] = []
        if let csrf { parts.append("Content-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)") }
        parts.append("Content-Disposition: form-data; name=\"kind\"\r\n\r\n\(kind)")
        parts.append("Content-Disposition: form-data; name=\"file\"; filename=\"名录.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)")
        return ByteBuffer(string: parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n")
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, _ session: String, _ body: ByteBuffer,
                     type: String = "multipart/form-data; boundary=\(boundary)") async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: [.cookie: session, .contentType: type], body: body)
    }

    static func signedIn(_ client: some TestClientProtocol, _ name: String) async throws -> (session: String, csrf: String) {
        let session = try #require(try await PageTests.signIn(client, name))
        let page = try await client.execute(uri: "/district/upload", method: .get, headers: [.cookie: session])
        return (session, try #require(PageTests.csrf(in: page.text)))
    }

    @Test("staff preview their file: nothing stored, another district's row set aside; the confirm stores the kept file once")
    func previewAndConfirm() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let (session, csrf) = try await Self.signedIn(client, "staff")
            let preview = try await Self.post(client, "/district/upload", session, Self.form(csrf: csrf))
            #expect(preview.status == .ok)
            let page = preview.text
            #expect(page.contains(#"<tr id="count-added"><th scope="row">新增 (added enterprises)</th><td class="num">1</td>"#), "\(page)")
            #expect(page.contains(#"<tr id="count-rejected"><th scope="row">未导入的行 (rows set aside)</th><td class="num">1</td>"#))
            #expect(page.contains("a row of 大兴区: staff of \(ServerFixture.district) import only \(ServerFixture.district)&#39;s rows")
                || page.contains("a row of 大兴区: staff of \(ServerFixture.district) import only \(ServerFixture.district)&#x27;s rows"), "\(page)")
            #expect(!page.contains("另有"), "every row set aside is shown: no 'more in the download'")
            #expect(try await fixture.store.registry().isEmpty, "nothing stored by the preview")
            let hash = try #require(page.range(of: #"name="upload" value=""#).map { String(page[$0.upperBound...].prefix(64)) })
            let rejected = try await client.execute(uri: "/district/upload/rejected.csv?upload=\(hash)", method: .get, headers: [.cookie: session])
            #expect(rejected.status == .ok && rejected.text.contains("\(Self.elsewhere),大兴某公司,大兴区"))

            // Another account cannot confirm it, nor read its rows.
            let daxing = try await Self.signedIn(client, "daxing")
            let stolen = try await Self.post(client, "/district/upload/confirm", daxing.session, ByteBuffer(string: "csrf=\(daxing.csrf)&upload=\(hash)"),
                                             type: "application/x-www-form-urlencoded")
            #expect(stolen.status == .notFound && stolen.text.contains("upload the file again"))

            let confirmed = try await Self.post(client, "/district/upload/confirm", session, ByteBuffer(string: "csrf=\(csrf)&upload=\(hash)"),
                                                type: "application/x-www-form-urlencoded")
            #expect(confirmed.status == .ok && confirmed.text.contains(#"id="imported""#))
            #expect(try await fixture.store.registry().map(\.uscc) == [Self.here])
            let again = try await Self.post(client, "/district/upload/confirm", session, ByteBuffer(string: "csrf=\(csrf)&upload=\(hash)"),
                                            type: "application/x-www-form-urlencoded")
            #expect(again.status == .notFound, "confirmed once only")
        }
    }

    @Test("refused: no CSRF token, a body that is not multipart, an unknown kind, a file refused whole, a reviewer's seat, a bogus hash")
    func refusals() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let (session, csrf) = try await Self.signedIn(client, "staff")
            #expect(try await Self.post(client, "/district/upload", session, Self.form(csrf: nil)).status == .forbidden)
            #expect(try await Self.post(client, "/district/upload", session, Self.form(csrf: "wrong")).status == .forbidden)
            let plain = try await Self.post(client, "/district/upload", session, ByteBuffer(string: "csrf=\(csrf)"), type: "application/x-www-form-urlencoded")
            #expect(plain.status == .badRequest && plain.text.contains("not multipart/form-data"))
            let cut = try await Self.post(client, "/district/upload", session, ByteBuffer(string: "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nx"))
            #expect(cut.status == .badRequest && cut.text.contains("cut short"))
            #expect(try await Self.post(client, "/district/upload", session, Self.form(csrf: csrf, kind: "payroll")).status == .badRequest)
            let headless = try await Self.post(client, "/district/upload", session, Self.form(csrf: csrf, file: "a,b\r\n1,2\r\n"))
            #expect(headless.status == .unprocessableContent && headless.text.contains(#"<ul id="problems">"#), "\(headless.text)")
            let reviewer = try await PageTests.signIn(client, "reviewer")
            let refused = try await client.execute(uri: "/district/upload", method: .get, headers: [.cookie: try #require(reviewer)])
            #expect(refused.status == .forbidden)
            let bogus = try await Self.post(client, "/district/upload/confirm", session, ByteBuffer(string: "csrf=\(csrf)&upload=../../etc/passwd"),
                                            type: "application/x-www-form-urlencoded")
            #expect(bogus.status == .notFound)
            #expect(try await fixture.store.registry().isEmpty)
        }
    }
}
