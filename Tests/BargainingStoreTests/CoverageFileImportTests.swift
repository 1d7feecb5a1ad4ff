import Bargaining
import BargainingCoverage
import BargainingService
import BargainingStore
import Testing

/// The one import call of the CLI and the district page (issue 16 item 3): a preview stores
/// nothing and gives the counts the import then gives; a district's staff bring in their own
/// district's rows only, the others set aside (or the file refused) with the reason at the line.
@Suite("coverage file import: preview, apply, district scope")
struct CoverageFileImportTests {
    typealias Fixture = CoverageConformance

    /// A registry file as staff save it: a title line, Chinese headers, a byte order mark.
    static func registryCSV(_ rows: [(Int, String)]) -> [UInt8] {
        var text = "\u{FEFF}大兴区企业名录（2025年）\r\n统一社会信用代码,名称,区,街道,行业,职工人数,建会日期,工商联会员\r\n"
        for (index, district) in rows {
            text += "\(Fixture.codes[index]),企业\(index),\(district),旧宫镇,制造业,120,2020-01-02,否\r\n"
        }
        return Array(text.utf8)
    }

    static func importer(_ kind: CoverageFileKind, mode: CSVImportMode = .skipInvalid) -> CoverageFileImport {
        CoverageFileImport(kind: kind, file: "上传.csv", mode: mode)
    }

    @Test("a preview stores nothing and gives the counts the import gives; another district's rows are set aside with the reason")
    func previewThenApply() async throws {
        try await StoreUnderTest.sqlite().withCoverage { (store: any CoverageStore) async throws in
            // Given enterprise 0 of 大兴区 stored, and a file updating it, adding 1 and 朝阳区's 2
            try await store.upsertRegistry([Fixture.enterprise(0, name: "旧名")])
            let bytes = Self.registryCSV([(0, "大兴区"), (1, "大兴区"), (2, "朝阳区")])
            // When 大兴区's staff preview it
            let preview = try await Self.importer(.registry).run(.bytes(bytes), into: store, district: "大兴区", dryRun: true)
            #expect(preview.counts == UpsertCounts(added: 1, updated: 1, unchanged: 0))
            #expect(preview.dryRun)
            #expect(preview.read.notes.headerLine == 2 && preview.read.notes.titleLines == [1])
            let rejected = try #require(preview.read.rejected.first)
            #expect(preview.read.rejected.count == 1 && rejected.line == 5)
            #expect(rejected.problems.map(\.column) == ["3 (区)"])
            #expect(rejected.problems.map(\.reason) == ["a row of 朝阳区: staff of 大兴区 import only 大兴区's rows"])
            // Then nothing is stored
            #expect(try await store.registry() == [Fixture.enterprise(0, name: "旧名")])
            // And the import gives the counts the preview gave
            let applied = try await Self.importer(.registry).run(.bytes(bytes), into: store, district: "大兴区", dryRun: false)
            #expect(applied.counts == preview.counts && !applied.dryRun)
            #expect(try await store.registry().map(\.uscc) == [Fixture.codes[0], Fixture.codes[1]])
            #expect(String(decoding: CSVRejectedRow.csv(applied.read.rejected, byteOrderMark: false), as: UTF8.self)
                == "line,column,reason,row\n5,3 (区),a row of 朝阳区: staff of 大兴区 import only 大兴区's rows,\"\(Fixture.codes[2]),企业2,朝阳区,旧宫镇,制造业,120,2020-01-02,否\"\n")
        }
    }

    @Test("staff may not move an enterprise of another district into theirs, nor record its sessions or contracts; the city may")
    func enterprisesOfAnotherDistrict() async throws {
        try await StoreUnderTest.sqlite().withCoverage { (store: any CoverageStore) async throws in
            var elsewhere = Fixture.enterprise(1)
            elsewhere.district = "朝阳区"
            try await store.upsertRegistry([Fixture.enterprise(0), elsewhere])
            let moved = try await Self.importer(.registry).run(.bytes(Self.registryCSV([(1, "大兴区")])), into: store, district: "大兴区", dryRun: true)
            #expect(moved.read.rejected.flatMap(\.problems).map(\.reason)
                == ["enterprise \(Fixture.codes[1]) is registered in 朝阳区: staff of 大兴区 import only 大兴区's enterprises"])
            let sessions = Array("uscc,held_on\n\(Fixture.codes[0]),2025-03-02\n\(Fixture.codes[1]),2025-03-03\n".utf8)
            let congress = try await Self.importer(.congress).run(.bytes(sessions), into: store, district: "大兴区", dryRun: false)
            #expect(congress.counts == UpsertCounts(added: 1, updated: 0, unchanged: 0))
            #expect(congress.read.rejected.map(\.line) == [3])
            #expect(try await store.congressSessions() == [CoverageCongressSession(enterprise: Fixture.codes[0], heldOn: Day("2025-03-02")!)])
            let contracts = Array("""
                contract_id,level,title,effective_on,expires_on,enterprises
                R-1,regional,区域性合同,2024-01-01,2026-12-31,\(Fixture.codes[0]);\(Fixture.codes[1])
                E-1,enterprise,企业合同,2024-01-01,2026-12-31,\(Fixture.codes[0])

                """.utf8)
            let scoped = try await Self.importer(.contracts).run(.bytes(contracts), into: store, district: "大兴区", dryRun: true)
            #expect(scoped.counts == UpsertCounts(added: 1, updated: 0, unchanged: 0))
            #expect(scoped.read.rejected.map(\.line) == [2])
            let city = try await Self.importer(.contracts).run(.bytes(contracts), into: store, district: nil, dryRun: true)
            #expect(city.counts == UpsertCounts(added: 2, updated: 0, unchanged: 0) && city.read.rejected.isEmpty)
        }
    }

    @Test("all or nothing: another district's row refuses the file, at its line; a sheet named for a CSV file is refused")
    func refusals() async throws {
        try await StoreUnderTest.sqlite().withCoverage { (store: any CoverageStore) async throws in
            let bytes = Self.registryCSV([(0, "大兴区"), (1, "朝阳区")])
            await #expect(throws: CSVImportFailure(errors: [CSVImportError(file: "上传.csv", line: 4, column: 3, columnName: "区",
                                                                           reason: .otherDistrict("朝阳区", allowed: "大兴区"))])) {
                try await Self.importer(.registry, mode: .allOrNothing).run(.bytes(bytes), into: store, district: "大兴区", dryRun: false)
            }
            await #expect(throws: CoverageFileError.sheetOfText(file: "上传.csv")) {
                try await CoverageFileImport(kind: .registry, file: "上传.csv", sheet: "名录").run(.bytes(bytes), into: store, district: nil, dryRun: true)
            }
            #expect(try await store.registry().isEmpty)
        }
    }
}
