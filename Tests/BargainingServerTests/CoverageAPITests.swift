import Bargaining
import BargainingCoverage
import BargainingServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/v1/coverage` (issue 15 item 4): the figures of `bargain coverage --json` for the
/// seat's scope, from the same library call; another district reads as one that does not exist.
@Suite("city server coverage API", .serialized)
struct CoverageAPITests {
    static let uri = "/api/v1/coverage?asOf=2025-06-30"

    @Test("district staff get their district's figures, equal to the library's (bargain coverage --json --district), by street")
    func staffSeeTheirDistrict() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.loadCoverageData()
        let expected = try await fixture.libraryReport(district: ServerFixture.district, by: .street)
        #expect(expected.total.unionised > 0 && expected.groups.count > 1, "the generated data gives the district streets")
        try await fixture.withLiveServer { client in
            for uri in [Self.uri + "&by=street", Self.uri + "&by=street&district=\(Self.escaped(ServerFixture.district))"] {
                let answer = try await client.execute(uri: uri, method: .get, headers: fixture.bearer("staff"))
                #expect(answer.status == .ok, "\(answer.text)")
                #expect(answer.headers[.contentType] == "application/json; charset=utf-8")
                #expect(try answer.decoded(CoverageReport.self) == expected)
            }
            let total = try await client.execute(uri: Self.uri, method: .get, headers: fixture.bearer("staff"))
            let report = try total.decoded(CoverageReport.self)
            #expect(report.groupBy == .none && report.groups.isEmpty && report.total == expected.total)
            #expect(total.text.contains(#""signingRate":"#) && total.text.contains(#""shortfall":{"chamber":"#), "the JSON shape of --json")
        }
    }

    @Test("another district is 404 for district staff, in the same words as a district that does not exist; nothing of it shows")
    func otherDistrictIsNotFound() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.loadCoverageData()
        #expect(try await fixture.libraryReport(district: "大兴区", by: .none).total.unionised > 0, "大兴区 exists in the registry")
        try await fixture.withLiveServer { client in
            let existing = try await client.execute(uri: Self.uri + "&district=\(Self.escaped("大兴区"))", method: .get, headers: fixture.bearer("staff"))
            let missing = try await client.execute(uri: Self.uri + "&district=\(Self.escaped("无此区"))", method: .get, headers: fixture.bearer("staff"))
            #expect(existing.status == .notFound && missing.status == .notFound)
            let a = try existing.decoded(ProblemBody.self), b = try missing.decoded(ProblemBody.self)
            #expect(a.type == b.type && a.title == b.title && a.status == b.status)
            #expect(a.detail == "no district 大兴区 in this seat's registry")
            // 大兴区's own staff see it.
            let own = try await client.execute(uri: Self.uri, method: .get, headers: fixture.bearer("daxing"))
            #expect(try own.decoded(CoverageReport.self) == (try await fixture.libraryReport(district: "大兴区", by: .none)))
        }
    }

    @Test("the administrator sees the city by district, or one district asked for")
    func administratorSeesTheCity() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.loadCoverageData()
        let city = try await fixture.libraryReport(district: nil, by: .district)
        #expect(city.groups.count > 10)
        let daxing = try await fixture.libraryReport(district: "大兴区", by: .industry)
        try await fixture.withLiveServer { client in
            let all = try await client.execute(uri: Self.uri + "&by=district", method: .get, headers: fixture.bearer("admin"))
            #expect(try all.decoded(CoverageReport.self) == city)
            let one = try await client.execute(uri: Self.uri + "&by=industry&district=\(Self.escaped("大兴区"))", method: .get, headers: fixture.bearer("admin"))
            #expect(try one.decoded(CoverageReport.self) == daxing)
        }
    }

    @Test("an enterprise's seat reads no figures (403, saying which seats do); without a token 401")
    func refusedSeats() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            for name in ["wangfang", "liqiang"] {
                let answer = try await client.execute(uri: Self.uri, method: .get, headers: fixture.bearer(name))
                #expect(answer.status == .forbidden)
                #expect(try answer.decoded(ProblemBody.self).detail.contains("this seat reads no coverage figures"))
            }
            let anonymous = try await client.execute(uri: Self.uri, method: .get)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("bad input is a 400 naming the parameter: a date that is no date, an unknown grouping, a renewal period after asOf")
    func badInput() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let cases = [
                ("/api/v1/coverage?asOf=2025-02-30", "asOf '2025-02-30' is not a date YYYY-MM-DD"),
                ("/api/v1/coverage?asOf=2025-06-30&from=yesterday", "from 'yesterday' is not a date YYYY-MM-DD"),
                ("/api/v1/coverage?asOf=2025-06-30&by=none", "by 'none' is not one of district, street, industry, chamber"),
                ("/api/v1/coverage?asOf=2025-06-30&by=%3Cscript%3E", "by '<script>' is not one of district, street, industry, chamber"),
                ("/api/v1/coverage?asOf=2025-06-30&to=2025-12-31", "the renewal period ends on 2025-12-31, after the as-of date 2025-06-30"),
                ("/api/v1/coverage?asOf=2025-06-30&from=2025-06-01&to=2025-05-01", "ends (2025-05-01) before it starts (2025-06-01)"),
            ]
            for (uri, words) in cases {
                let answer = try await client.execute(uri: uri, method: .get, headers: fixture.bearer("staff"))
                #expect(answer.status == .badRequest, "\(uri)")
                #expect(answer.headers[.contentType] == "application/problem+json; charset=utf-8")
                let detail = try answer.decoded(ProblemBody.self).detail
                #expect(detail.contains(words), "\(uri): \(detail)")
            }
        }
    }

    @Test("the OpenAPI document describes /api/v1/coverage and its report")
    func described() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.withLiveServer { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get)
            let object = try JSONSerialization.jsonObject(with: Data(document.body.readableBytesView)) as? [String: Any]
            let paths = object?["paths"] as? [String: Any]
            #expect(paths?["/api/v1/coverage"] != nil)
            let schemas = (object?["components"] as? [String: Any])?["schemas"] as? [String: Any]
            let figures = schemas?["CoverageFigures"] as? [String: Any]
            let required = Set(figures?["required"] as? [String] ?? [])
            // Every member --json writes for a group (district only for streets) is required.
            let report = try await fixture.libraryReport(district: nil, by: .none)
            let written = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report.total)) as? [String: Any] ?? [:]
            #expect(required == Set(written.keys), "\(required.symmetricDifference(Set(written.keys)))")
        }
    }

    static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
    }
}
