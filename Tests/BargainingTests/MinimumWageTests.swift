import BargainingFiles
import Testing
@testable import Bargaining

private func day(_ text: String) -> Day {
    guard let day = Day(text) else { preconditionFailure("test literal \(text) is not a date") }
    return day
}

@Suite("Minimum wage table (Labor Contract Law art 55, SPEC §4)")
struct MinimumWageTests {
    let beijing: MinimumWageTable

    init() throws {
        beijing = try MinimumWageTable.load(contentsOf: CalendarDataFiles.path("workflows/minimum-wage/beijing.yaml"))
    }

    @Test("SPEC §4: Beijing 2540 yuan from 2025-09-01 and 2420 yuan from 2023-09-01, both verified")
    func verifiedStandards() throws {
        #expect(beijing.region == "北京市")
        let from2025 = try #require(beijing.monthlyMinimum(on: day("2025-09-01")))
        #expect(from2025.amountFen == 254_000)
        #expect(from2025.effectiveFrom == day("2025-09-01"))
        #expect(from2025.verified)
        #expect(from2025.source.contains("京人社劳发〔2025〕7号"))
        #expect(beijing.monthlyMinimum(on: day("2027-01-01"))?.amountFen == 254_000)

        let from2023 = try #require(beijing.monthlyMinimum(on: day("2023-09-01")))
        #expect(from2023.amountFen == 242_000)
        #expect(from2023.verified)
        #expect(beijing.monthlyMinimum(on: day("2025-08-31"))?.amountFen == 242_000)
    }

    @Test("SPEC §4: Beijing 2320 yuan from 2021, its effective date marked unverified")
    func unverifiedStandard() throws {
        let from2021 = try #require(beijing.monthlyMinimum(on: day("2021-08-01")))
        #expect(from2021.amountFen == 232_000)
        #expect(!from2021.verified)
        #expect(beijing.monthlyMinimum(on: day("2023-08-31"))?.amountFen == 232_000)
        #expect(beijing.monthlyMinimum(on: day("2021-07-31"))?.amountFen == 220_000)
        #expect(beijing.monthlyMinimum(on: day("2021-07-31"))?.verified == false)
    }

    @Test("S2 art 55: from 2015 every day has an entry; until 2018-08-31 the standard is marked unknown, not guessed")
    func everyYearOfTheCalendar() throws {
        let early = try #require(beijing.monthlyMinimum(on: day("2015-01-01")))
        #expect(early.amountFen == nil)
        #expect(!early.verified)
        #expect(early.source.contains("not established"))
        #expect(beijing.monthlyMinimum(on: day("2018-08-31"))?.amountFen == nil)
        let from2018 = try #require(beijing.monthlyMinimum(on: day("2018-09-01")))
        #expect(from2018.amountFen == 212_000)
        #expect(!from2018.verified)
        #expect(beijing.monthlyMinimum(on: day("2019-07-01"))?.amountFen == 220_000)
    }

    @Test("A date before the first known standard has no minimum wage, never a guess")
    func beforeTheFirstStandard() throws {
        let first = try #require(beijing.entries.first)
        #expect(beijing.monthlyMinimum(on: first.effectiveFrom.adding(days: -1)) == nil)
        #expect(beijing.monthlyMinimum(on: first.effectiveFrom) == first)
        #expect(beijing.entries.map(\.effectiveFrom) == beijing.entries.map(\.effectiveFrom).sorted())
    }

    @Test("Amounts are read as exact yuan and held in fen; entries may be listed in any order")
    func exactAmounts() throws {
        let table = try MinimumWageTable.load(yaml: """
            region: 测试市
            entries:
              - {effective-from: 2024-07-01, monthly-yuan: 2000.5, source: b, verified: true}
              - {effective-from: 2022-01-01, monthly-yuan: 1890.05, source: a, verified: false}
            """, file: "test.yaml")
        #expect(table.entries.map(\.amountFen) == [189_005, 200_050])
        #expect(table.monthlyMinimum(on: day("2024-06-30"))?.source == "a")
        #expect(table.monthlyMinimum(on: day("2024-07-01"))?.source == "b")
        #expect(table.monthlyMinimum(on: day("2021-12-31")) == nil)
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        let problem: String
        let entry: String
        let line: Int?
        let reason: String
        var testDescription: String { problem }
    }

    static let badFiles: [BadFile] = [
        BadFile(problem: "a bad date", entry: "{effective-from: 2025-09-31, monthly-yuan: 2540, source: s, verified: true}",
                line: 4, reason: "'2025-09-31' is not a date"),
        BadFile(problem: "an amount with a thousands separator", entry: "{effective-from: 2025-09-01, monthly-yuan: '2,540', source: s, verified: true}",
                line: 4, reason: "monthly-yuan '2,540' is not a positive amount of yuan"),
        BadFile(problem: "three decimals", entry: "{effective-from: 2025-09-01, monthly-yuan: 2540.001, source: s, verified: true}",
                line: 4, reason: "not a positive amount"),
        BadFile(problem: "a negative amount", entry: "{effective-from: 2025-09-01, monthly-yuan: -2540, source: s, verified: true}",
                line: 4, reason: "not a positive amount"),
        BadFile(problem: "no source", entry: "{effective-from: 2025-09-01, monthly-yuan: 2540, verified: true}",
                line: 4, reason: "'source' is missing"),
        BadFile(problem: "no verified flag", entry: "{effective-from: 2025-09-01, monthly-yuan: 2540, source: s}",
                line: 4, reason: "'verified' is missing"),
        BadFile(problem: "a mistyped key", entry: "{effective-from: 2025-09-01, monthly: 2540, source: s, verified: true}",
                line: 4, reason: "unknown key 'monthly'"),
        BadFile(problem: "an unknown standard marked verified", entry: "{effective-from: 2025-09-01, monthly-yuan: unknown, source: s, verified: true}",
                line: 4, reason: "an unknown standard cannot be verified"),
        BadFile(problem: "two standards on one date", entry: "{effective-from: 2023-09-01, monthly-yuan: 2430, source: s, verified: true}",
                line: 4, reason: "a second standard from 2023-09-01 (the first is on line 3)"),
    ]

    @Test("Load errors name the file, the line and the reason", arguments: badFiles)
    func loadErrors(bad: BadFile) {
        let yaml = """
            region: 北京市
            entries:
              - {effective-from: 2023-09-01, monthly-yuan: 2420, source: s, verified: true}
              - \(bad.entry)
            """
        let error = #expect(throws: DataFileError.self) { try MinimumWageTable.load(yaml: yaml, file: "bad.yaml") }
        #expect(error?.file == "bad.yaml")
        #expect(error?.line == bad.line, "\(error?.description ?? "")")
        #expect(error?.reason.contains(bad.reason) == true, "\(error?.description ?? "")")
    }

    @Test("A file without region or entries is refused")
    func missingTopLevel() {
        #expect(throws: DataFileError.self) { try MinimumWageTable.load(yaml: "entries: []", file: "x.yaml") }
        #expect(throws: DataFileError.self) { try MinimumWageTable.load(yaml: "region: 北京市\nentries: []", file: "x.yaml") }
    }
}
