import Bargaining
import BargainingCoverage
import BargainingServer
import BargainingService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The district's pages (issue 16 items 1, 2, 6): the overview's figures are the library's (what
/// `bargain coverage --json` prints), streets worst first, a street's enterprises, each table as
/// .xlsx (read back by openpyxl) and .csv, and nothing of another district. The real-browser run
/// with axe is tests/browser/test_district.py.
@Suite("city server district pages", .serialized)
struct DistrictPageTests {
    static let day = "asOf=2025-06-30"

    static func page(_ client: some TestClientProtocol, _ uri: String, _ session: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: session])
    }

    static func escaped(_ text: String) -> String { CoverageAPITests.escaped(text) }

    @Test("staff see their district's figures against the targets, equal to the library's, and its streets worst first, each linked")
    func overview() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.loadCoverageData()
        let total = try await fixture.libraryReport(district: ServerFixture.district, by: .none).total
        let streets = try await fixture.libraryReport(district: ServerFixture.district, by: .street)
        let catalog = WorkflowCatalog(path: ServerFixture.workflows)
        let laggards = try await CoverageSources(store: fixture.store, workflows: catalog)
            .laggards(policy: try catalog.directory(for: .enterprise).context.policy, asOf: ServerFixture.coverageDay, district: ServerFixture.district)
        try await fixture.withLiveServer { client in
            let session = try #require(try await PageTests.signIn(client, "staff"))
            let page = try await Self.page(client, "/district?\(Self.day)", session)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"id="nav-district""#), "the nav links the page")
            #expect(html.contains("<h1>北京经济技术开发区 集体合同覆盖情况"))
            let signing = try #require(Self.row(html, id: "figure-signing"))
            #expect(signing.contains("\(total.signed) / \(total.unionised)"))
            #expect(signing.contains(RateText.percent(total.signed, total.unionised)) && signing.contains("90%"))
            #expect(signing.contains(">\(total.shortfall.signing!)<"))
            let renewal = try #require(Self.row(html, id: "figure-renewal"))
            #expect(renewal.contains("\(total.renewed) / \(total.due)"))
            let congress = try #require(Self.row(html, id: "figure-congress"))
            #expect(congress.contains("未设 (none set)"), "no target in the policy, and it says so")
            #expect(congress.contains("无数据 (no data)") && !congress.contains("0.0%"), "no session recorded anywhere: no data, not 0% (issue 12 item 7)")
            // Streets worst first: the first row is the street with the lowest signing rate.
            let worst = try #require(streets.groups.min { ($0.signingRate ?? 2, -($0.shortfall.signing ?? 0), $0.key) < ($1.signingRate ?? 2, -($1.shortfall.signing ?? 0), $1.key) })
            let table = try #require(html.range(of: #"<table id="streets">"#).map { String(html[$0.upperBound...]) })
            let firstRow = try #require(table.range(of: "<tbody>").map { String(table[$0.upperBound...].prefix(600)) })
            #expect(firstRow.contains(">\(worst.key)</a>"), "\(firstRow)")
            #expect(firstRow.contains("href=\"/district/street?asOf=2025-06-30&amp;district=\(Self.escaped(ServerFixture.district))"))
            for group in streets.groups { #expect(table.contains(">\(group.key)</a>")) }
            #expect(html.contains(#"<img class="chart" src="/district/chart.svg?asOf=2025-06-30&amp;district="#))
            #expect(!laggards.isEmpty && html.contains("未签或即将到期的建会企业 \(laggards.count) 家"), "the laggard list's count")
            #expect(!html.contains("<script"), "no script")

            let chart = try await Self.page(client, "/district/chart.svg?\(Self.day)", session)
            #expect(chart.status == .ok && chart.headers[.contentType] == "image/svg+xml")
            #expect(chart.text.contains("<svg") && chart.text.contains(worst.key))
        }
    }

    @Test("a street's enterprises with contract, expiry, laggard status; laggards first; as .xlsx that openpyxl reads and .csv")
    func street() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.loadCoverageData()
        let streets = try await fixture.libraryReport(district: ServerFixture.district, by: .street)
        // The street with the most laggards, so the table has both kinds of rows.
        let catalog = WorkflowCatalog(path: ServerFixture.workflows)
        let policy = try catalog.directory(for: .enterprise).context.policy
        let sources = CoverageSources(store: fixture.store, workflows: catalog)
        let laggards = try await sources.laggards(policy: policy, asOf: ServerFixture.coverageDay, district: ServerFixture.district)
        let street = try #require(streets.groups.map(\.key).max { a, b in
            laggards.filter { $0.street == a }.count < laggards.filter { $0.street == b }.count
        })
        let ofStreet = laggards.filter { $0.street == street }
        #expect(!ofStreet.isEmpty)
        let enterprises = try await sources.street(street, district: ServerFixture.district, policy: policy, asOf: ServerFixture.coverageDay)
        let uri = "/district/street?\(Self.day)&street=\(Self.escaped(street))"
        try await fixture.withLiveServer { client in
            let session = try #require(try await PageTests.signIn(client, "staff"))
            let page = try await Self.page(client, uri, session)
            #expect(page.status == .ok, "\(page.text.prefix(400))")
            let html = page.text
            #expect(html.contains("企业 \(enterprises.count) 家，待督促 \(ofStreet.count) 家"))
            for enterprise in enterprises { #expect(html.contains(enterprise.coverage.enterprise.uscc.description)) }
            // Laggards first: the first body row is a laggard's.
            let body = try #require(html.range(of: "<tbody>").map { String(html[$0.upperBound...]) })
            #expect(body.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(#"<tr class="below">"#), "\(body.prefix(200))")
            #expect(html.contains("未覆盖 not covered") || html.contains("即将到期 coverage ending"))

            let csv = try await Self.page(client, uri.replacingOccurrences(of: "/district/street?", with: "/district/street.csv?"), session)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
            let lines = String(decoding: csv.body.readableBytesView.dropFirst(3), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF], "the byte order mark Excel needs")
            #expect(lines.count == enterprises.count + 1, "\(lines.count) lines")

            let workbook = try await Self.page(client, "/district/laggards.xlsx?\(Self.day)", session)
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            guard let codes = try Self.openpyxlColumn(Array(workbook.body.readableBytesView), column: 3, skip: 3) else { return }
            #expect(Set(codes) == Set(laggards.map(\.enterprise.description)), "the workbook lists the district's laggards")
        }
    }

    @Test("the street shows the negotiation under way for an enterprise (linked, with its step) and the last reminder letter's rung and date")
    func negotiationAndLetter() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        let works = SampleNegotiations.precisionWorks
        try await fixture.store.upsertRegistry([
            RegistryEnterprise(uscc: works.creditCode, name: works.name, district: ServerFixture.district, street: "荣华街道", industry: "制造业",
                               employees: works.employees ?? 412, unionFoundedOn: Day("2015-05-01"), chamberMember: false, closedOn: nil),
        ])
        try await fixture.store.recordReminders([
            ReminderLedger.Entry(enterprise: works.creditCode, sentOn: Day("2025-02-10")!, rung: ReminderLetter.rung),
            ReminderLedger.Entry(enterprise: works.creditCode, sentOn: Day("2025-04-01")!, rung: ReminderLetter.rung),
        ])
        try await fixture.withLiveServer { client in
            let session = try #require(try await PageTests.signIn(client, "staff"))
            // As of the fixture's day the negotiation is at its notice; the April letter is not yet sent.
            let page = try await Self.page(client, "/district/street?asOf=2025-03-10&street=\(Self.escaped("荣华街道"))", session)
            #expect(page.status == .ok)
            let row = try #require(page.text.range(of: works.creditCode.description).map { String(page.text[$0.lowerBound...].prefix(900)) })
            #expect(row.contains(#"<a href="/negotiations/ENT-2025-001">ENT-2025-001</a>"#), "\(row)")
            #expect(row.contains("未覆盖 not covered"), "a unionised enterprise with no contract yet")
            #expect(row.contains("特别提示函") && row.contains("2025-02-10") && !row.contains("2025-04-01"), "\(row)")
        }
    }

    @Test("staff of another district: the overview, a street and the downloads of this district read as a district that does not exist")
    func otherDistrict() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.loadCoverageData()
        let street = try #require(try await fixture.libraryReport(district: ServerFixture.district, by: .street).groups.first?.key)
        let district = Self.escaped(ServerFixture.district)
        try await fixture.withLiveServer { client in
            let session = try #require(try await PageTests.signIn(client, "daxing"))
            for uri in ["/district?district=\(district)", "/district/street?district=\(district)&street=\(Self.escaped(street))",
                        "/district/laggards.xlsx?district=\(district)", "/district/street.csv?district=\(district)&street=\(Self.escaped(street))",
                        "/district/coverage.csv?by=street&district=\(district)", "/district/chart.svg?district=\(district)",
                        "/district?district=\(Self.escaped("无此区"))"] {
                let page = try await Self.page(client, uri, session)
                #expect(page.status == .notFound, "\(uri)")
                #expect(page.text.contains("没有这个区 (no such district)"), "\(uri)")
                #expect(!page.text.contains(street), "nothing of the other district shows: \(uri)")
            }
            // Their own district has no street of that name.
            let own = try await Self.page(client, "/district/street?street=\(Self.escaped("无此街道"))", session)
            #expect(own.status == .notFound && own.text.contains("没有这个街道 (no such street)"))
        }
    }

    @Test("the union chair has no district page (403, no link); the administrator sees the districts, and names one for a street")
    func seats() async throws {
        let fixture = try await ServerFixture.make()
        defer { Task { await fixture.cleanup() } }
        try await fixture.loadCoverageData()
        let city = try await fixture.libraryReport(district: nil, by: .district)
        try await fixture.withLiveServer { client in
            let union = try #require(try await PageTests.signIn(client, "wangfang"))
            let home = try await Self.page(client, "/", union)
            #expect(!home.text.contains("nav-district"))
            let refused = try await Self.page(client, "/district", union)
            #expect(refused.status == .forbidden && refused.text.contains("this seat reads no coverage figures"))

            let admin = try #require(try await PageTests.signIn(client, "admin"))
            let page = try await Self.page(client, "/district?\(Self.day)", admin)
            #expect(page.status == .ok)
            #expect(page.text.contains("全市 (whole city)") && page.text.contains(#"<table id="districts">"#))
            for group in city.groups {
                #expect(page.text.contains("href=\"/district?asOf=2025-06-30&amp;district=\(Self.escaped(group.key))\">\(group.key)</a>"))
            }
            let figures = try #require(Self.row(page.text, id: "figure-signing"))
            #expect(figures.contains("\(city.total.signed) / \(city.total.unionised)"))
            let unnamed = try await Self.page(client, "/district/street?street=x", admin)
            #expect(unnamed.status == .badRequest && unnamed.text.contains("name the district of the street"))
        }
    }

    /// The `<tr id="…">…</tr>` of a page.
    static func row(_ html: String, id: String) -> String? {
        guard let start = html.range(of: "<tr id=\"\(id)\"") else { return nil }
        let rest = html[start.lowerBound...]
        return rest.range(of: "</tr>").map { String(rest[..<$0.upperBound]) }
    }

    /// Column `column` (1-based) of the first sheet below `skip` rows, as openpyxl reads the
    /// workbook; nil (test skipped) without openpyxl outside CI, where its absence is a failure.
    static func openpyxlColumn(_ bytes: [UInt8], column: Int, skip: Int) throws -> [String]? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("district-\(UUID().uuidString).xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
            import json, sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            print(json.dumps([str(row[\(column - 1)].value) for row in sheet.iter_rows(min_row=\(skip + 1))], ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["BARGAIN_PYTHON"] ?? "python3", "-c", script, path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 && message.contains("No module named 'openpyxl'") {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("openpyxl is missing: scripts/setup --tests installs it") }
            return nil
        }
        #expect(process.terminationStatus == 0, "\(message)")
        return try JSONDecoder().decode([String].self, from: data)
    }
}
