import Bargaining
import BargainingCoverage
import BargainingOffice
import BargainingService
import Foundation
import Hummingbird

/// The district's pages (issue 16 items 1, 2 and 6): the overview of the figures against the
/// targets with the streets (or, for the city, the districts) and industries worst first, a
/// street's enterprises, and every table as `.xlsx` and `.csv`. Everything shown comes from the
/// library's ``CoverageSources`` through ``SeatedCoverage``, as `bargain coverage` computes it;
/// the pages compute no figure of their own. Staff of a district see that district; another
/// district's pages read as a district that does not exist.
struct DistrictPages {
    let pages: Pages
    let coverage: SeatedCoverage

    func add(to router: Router<ServerContext>) {
        router.get("district") { request, context in try await pages.page(context) { try await overview(request, $0) } }
        router.get("district/chart.svg") { request, context in try await pages.page(context) { try await chart(request, $0) } }
        router.get("district/street") { request, context in try await pages.page(context) { try await street(request, $0) } }
        for format in [ReportFormat.xlsx, .csv] {
            router.get("district/coverage.\(format.rawValue)") { request, context in
                try await pages.page(context) { try await coverageTable(request, $0, format) }
            }
            router.get("district/laggards.\(format.rawValue)") { request, context in
                try await pages.page(context) { try await laggardTable(request, $0, format) }
            }
            router.get("district/street.\(format.rawValue)") { request, context in
                try await pages.page(context) { try await streetTable(request, $0, format) }
            }
        }
    }

    // MARK: - Overview

    func overview(_ request: Request, _ identity: Identity) async throws -> Response {
        let query = try CoverageQuery(request, today: pages.today())
        let district = try coverage.district(for: identity, asked: query.district)
        let places: CoverageGrouping = district == nil ? .district : .street
        let (reports, laggards) = try await coverage.reportsAndLaggards([.none, places, .industry], query, for: identity)
        let policy = try coverage.policy()
        let (total, byPlace, byIndustry) = (reports[0], reports[1], reports[2])
        let scope = district ?? "全市 (whole city)"
        let office = if case .allowed = Authorization.districtOffice(seat: identity.seat) { true } else { false }
        let keep: [(String, String?)] = [("asOf", query.asOf.description), ("district", district)]
        func table(_ report: CoverageReport, id: String, heading: String, link: ((CoverageFigures) -> String)?) -> DistrictModels.GroupTable {
            let rows = Self.worstFirst(report.groups).map { Self.row($0, name: report.displayName(of: $0), link: link?($0)) }
            let downloads = [ReportFormat.xlsx, .csv].map {
                DistrictModels.Download(id: "\(id)-\($0.rawValue)", label: ".\($0.rawValue)",
                                        href: Self.href("/district/coverage.\($0.rawValue)", keep + [("by", report.groupBy.rawValue)]))
            }
            return DistrictModels.GroupTable(id: id, heading: heading, groupName: report.groupBy.chineseName + " (\(report.groupBy.rawValue))",
                                             rows: rows, hasRows: !rows.isEmpty, downloads: downloads)
        }
        let placeTable = district == nil
            ? table(byPlace, id: "districts", heading: "各区，差的在前 (districts, worst first)") {
                Self.href("/district", [("asOf", query.asOf.description), ("district", $0.key)])
            }
            : table(byPlace, id: "streets", heading: "各街道，差的在前 (streets, worst first)") {
                Self.href("/district/street", keep + [("street", $0.key)])
            }
        let model = DistrictModels.Overview(
            user: pages.user(identity), scope: scope, asOf: query.asOf.description, from: total.from.description, to: total.to.description,
            policyTitle: "\(policy.title) (\(policy.name))", isCity: identity.seat == .administrator,
            districts: byPlace.groupBy == .district
                ? byPlace.groups.map { DistrictModels.Choice(value: $0.key, label: $0.key, selected: false) }
                : [DistrictModels.Choice(value: district ?? "", label: district ?? "", selected: true)],
            figures: Self.figures(total.total, policy: policy),
            chart: Self.href("/district/chart.svg", keep),
            chartText: "\(scope)各\(places.chineseName)签订率与续签率柱状图，目标线 \(RateText.target(policy.signingTarget))；数字见下表 (bar chart of the signing and renewal rates by \(places.rawValue) with the target line; the figures are in the tables)",
            tables: [placeTable, table(byIndustry, id: "industries", heading: "各行业，差的在前 (industries, worst first)", link: nil)],
            laggards: laggards.count,
            laggardDownloads: DistrictModels.Downloads(downloads: [ReportFormat.xlsx, .csv].map {
                DistrictModels.Download(id: "laggards-\($0.rawValue)", label: ".\($0.rawValue)", href: Self.href("/district/laggards.\($0.rawValue)", keep))
            }),
            office: office)
        return pages.html(model, "district", library: DistrictTemplates.library)
    }

    /// The figures of SPEC §6 against the policy's targets; employee coverage and congress
    /// establishment have no target in the policy, and say so.
    static func figures(_ total: CoverageFigures, policy: Policy) -> [DistrictModels.Figure] {
        func figure(_ id: String, _ name: String, _ numerator: Int, _ denominator: Int, target: Int?, shortfall: Int?) -> DistrictModels.Figure {
            DistrictModels.Figure(id: id, name: name, count: "\(numerator) / \(denominator)", rate: DistrictModels.rate(numerator, denominator),
                                  target: target.map(RateText.target) ?? "未设 (none set)",
                                  shortfall: target == nil ? "—" : DistrictModels.shortfall(shortfall), below: (shortfall ?? 0) > 0)
        }
        return [
            figure("signing", "签订率 (signing)", total.signed, total.unionised, target: policy.signingTarget, shortfall: total.shortfall.signing),
            figure("coverage", "职工覆盖率 (employee coverage)", total.employeesCovered, total.employees, target: nil, shortfall: nil),
            figure("renewal", "续签率 (renewal)", total.renewed, total.due, target: policy.renewalTarget, shortfall: total.shortfall.renewal),
            figure("chamber", "工商联会员签订率 (chamber members)", total.chamberSigned, total.chamberMembers, target: policy.chamberTarget,
                   shortfall: total.shortfall.chamber),
            figure("congress", "职代会建制率 (congress establishment)", total.congressEstablished, total.congressDenominator, target: nil, shortfall: nil),
        ]
    }

    /// Lowest signing rate first, "no data" last; the larger shortfall first among equals.
    static func worstFirst(_ groups: [CoverageFigures]) -> [CoverageFigures] {
        groups.sorted {
            ($0.signingRate ?? .infinity, -($0.shortfall.signing ?? 0), $0.key) < ($1.signingRate ?? .infinity, -($1.shortfall.signing ?? 0), $1.key)
        }
    }

    static func row(_ figures: CoverageFigures, name: String, link: String?) -> DistrictModels.GroupRow {
        DistrictModels.GroupRow(
            name: name, link: link, unionised: figures.unionised,
            signing: DistrictModels.rate(figures.signed, figures.unionised), signingShort: DistrictModels.shortfall(figures.shortfall.signing),
            renewal: DistrictModels.rate(figures.renewed, figures.due), renewalShort: DistrictModels.shortfall(figures.shortfall.renewal),
            coverage: DistrictModels.rate(figures.employeesCovered, figures.employees),
            congress: DistrictModels.rate(figures.congressEstablished, figures.congressDenominator),
            below: (figures.shortfall.signing ?? 0) > 0 || (figures.shortfall.renewal ?? 0) > 0)
    }

    /// The overview's chart: `bargain coverage --by street --svg` (by district for the city).
    func chart(_ request: Request, _ identity: Identity) async throws -> Response {
        let query = try CoverageQuery(request, today: pages.today())
        let district = try coverage.district(for: identity, asked: query.district)
        let report = try await coverage.reports([district == nil ? .district : .street], query, for: identity)[0]
        var headers = HTTPFields()
        headers[.contentType] = ReportFormat.svg.mediaType
        return Response(status: .ok, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: CoverageChart.svg(report: report, policy: try coverage.policy(), scope: district))))
    }

    // MARK: - A street

    /// The street asked for, in a district of the seat's scope (the administrator names one).
    func place(_ request: Request, _ identity: Identity) throws -> (query: CoverageQuery, district: String, street: String) {
        let query = try CoverageQuery(request, today: pages.today())
        guard let district = try coverage.district(for: identity, asked: query.district) else {
            throw Problem.badRequest("name the district of the street: ?district=…")
        }
        guard let street = request.uri.queryParameters.get("street"), !street.isEmpty else { throw Problem.badRequest("name the street: ?street=…") }
        return (query, district, street)
    }

    func enterprises(_ request: Request, _ identity: Identity) async throws
        -> (query: CoverageQuery, district: String, street: String, sheet: StreetSheet, entries: [StreetSheet.Entry]) {
        let (query, district, street) = try place(request, identity)
        let policy = try coverage.policy()
        let found = try await coverage.sources.street(street, district: district, policy: policy, asOf: query.asOf)
        guard !found.isEmpty else {
            throw Problem(.notFound, "no-street", title: "没有这个街道 (no such street)", detail: "no street \(street) in \(district)'s registry")
        }
        let entries = found.map {
            StreetSheet.Entry(coverage: $0.coverage, negotiation: $0.negotiation.map { (id: $0.id, step: $0.step) }, letter: $0.letter)
        }
        return (query, district, street, StreetSheet(asOf: query.asOf, district: district, street: street, policy: policy), entries)
    }

    func street(_ request: Request, _ identity: Identity) async throws -> Response {
        let (query, district, street, sheet, entries) = try await enterprises(request, identity)
        let table = sheet.table(entries)
        let rows = zip(StreetSheet.ordered(entries), table.rows).map { entry, cells in
            let shown = cells.enumerated().map { index, cell in
                DistrictModels.Cell(text: cell.text, figure: cell.isFigure,
                                    link: index == StreetSheet.negotiationColumn ? entry.negotiation.map { "/negotiations/\($0.id)" } : nil)
            }
            return DistrictModels.Row(first: shown[0], cells: Array(shown.dropFirst()), laggard: entry.coverage.laggard != nil)
        }
        let keep: [(String, String?)] = [("asOf", query.asOf.description), ("district", district), ("street", street)]
        let model = DistrictModels.Street(
            user: pages.user(identity), district: district, street: street, asOf: query.asOf.description,
            back: Self.href("/district", [("asOf", query.asOf.description), ("district", district)]),
            headers: StreetSheet.headers.map(Self.header), rows: rows, enterprises: entries.count,
            laggards: entries.filter { $0.coverage.laggard != nil }.count,
            downloads: [ReportFormat.xlsx, .csv].map {
                DistrictModels.Download(id: "street-\($0.rawValue)", label: ".\($0.rawValue)", href: Self.href("/district/street.\($0.rawValue)", keep))
            })
        return pages.html(model, "street", library: DistrictTemplates.library)
    }

    // MARK: - Downloads

    func coverageTable(_ request: Request, _ identity: Identity, _ format: ReportFormat) async throws -> Response {
        let query = try CoverageQuery(request, today: pages.today())
        let district = try coverage.district(for: identity, asked: query.district)
        let report = try await coverage.reports([query.by], query, for: identity)[0]
        let sheets = CoverageSheets(policy: try coverage.policy(), scope: district)
        return try Self.download([sheets.table(report)], title: sheets.title(asOf: query.asOf), format,
                                 name: "覆盖情况-\(district ?? "全市")-\(report.groupBy.rawValue)-\(query.asOf)")
    }

    func laggardTable(_ request: Request, _ identity: Identity, _ format: ReportFormat) async throws -> Response {
        let query = try CoverageQuery(request, today: pages.today())
        let district = try coverage.district(for: identity, asked: query.district)
        let policy = try coverage.policy()
        let laggards = try await coverage.sources.laggards(policy: policy, asOf: query.asOf, district: district)
        let sheet = LaggardSheet(asOf: query.asOf, district: district, policy: policy)
        return try Self.download([sheet.table(laggards)], title: sheet.title, format, name: "待督促企业-\(district ?? "全市")-\(query.asOf)")
    }

    func streetTable(_ request: Request, _ identity: Identity, _ format: ReportFormat) async throws -> Response {
        let (query, district, street, sheet, entries) = try await enterprises(request, identity)
        return try Self.download([sheet.table(entries)], title: sheet.title, format, name: "\(district)\(street)-\(query.asOf)")
    }

    /// The table as a file to save: the bytes `bargain coverage --out` writes for the format.
    static func download(_ tables: [ReportTable], title: String, _ format: ReportFormat, name: String) throws -> Response {
        guard let bytes = try format.bytes(tables, title: title, chart: { nil }) else {
            throw Problem.badRequest("there is no .\(format.rawValue) of this table")
        }
        return attachment(bytes, file: "\(name).\(format.rawValue)", type: format.mediaType)
    }

    /// `bytes` as a file to save under the name `file` (RFC 6266: an ASCII fallback and the
    /// UTF-8 name).
    static func attachment(_ bytes: [UInt8], file: String, type: String) -> Response {
        let ascii = String(file.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(Self.encoded(file))"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    // MARK: - Helpers

    /// A link within the site with its query, values percent-encoded; absent values left out.
    static func href(_ path: String, _ items: [(String, String?)]) -> String {
        let query = items.compactMap { name, value in value.map { "\(name)=\(encoded($0))" } }.joined(separator: "&")
        return query.isEmpty ? path : path + "?" + query
    }

    /// Percent-encoded UTF-8 but for RFC 3986's unreserved ASCII characters (a query value, the
    /// `filename*` of RFC 6266).
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A sheet's two-line header (`签订率\nsigning`) as one line for the page: `签订率 (signing)`.
    static func header(_ text: String) -> String {
        let lines = text.split(separator: "\n")
        return lines.count == 2 ? "\(lines[0]) (\(lines[1]))" : text
    }
}
