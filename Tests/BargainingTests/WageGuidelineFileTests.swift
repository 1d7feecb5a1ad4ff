import Bargaining
import BargainingFiles
import Testing
import TestSupport

@Suite("Wage guideline file (S4 art 8; SPEC §4)")
struct WageGuidelineFileTests {
    @Test("S4 art 8: the shipped Beijing file has every calendar year 2015–2026, nothing unknown marked verified")
    func shippedYears() throws {
        let years = try WageGuidelineFile.load(contentsOf: Repository.workflowsPath + "/wage-guideline/beijing.yaml")
        #expect(years.keys.sorted() == Array(2015...2026))
        #expect(years[2016]?.lowerBP == 400 && years[2016]?.baselineBP == 900 && years[2016]?.upperBP == nil)
        for guideline in years.values where [guideline.lowerBP, guideline.baselineBP, guideline.upperBP].contains(nil) {
            #expect(!guideline.verified, "\(guideline.year)")
        }
        #expect(Repository.directory.context.wageGuidelines == years, "the workflows directory loads it")
    }

    @Test("load errors name the file, the line and the reason", arguments: [
        ("    lower: 4%", "    lower: four", 4, "lower 'four' is neither a percentage"),
        ("    upper: 12%", "    upper: 3%", 3, "must rise from lower to baseline to upper"),
        ("    source: t\n    verified: false", "    source: t\n    verified: true", 9, "has an unknown line, so it cannot be verified"),
        ("    source: s\n", "", 3, "'source' is missing"),
        ("    lower: 4%", "    lowest: 4%", 4, "unknown key 'lowest'"),
    ])
    func loadErrors(original: String, replacement: String, line: Int, reason: String) {
        let good = """
            region: 北京市
            years:
              2016:
                lower: 4%
                baseline: 9%
                upper: 12%
                source: s
                verified: false
              2017:
                lower: unknown
                baseline: unknown
                upper: unknown
                source: t
                verified: false
            """
        #expect((try? WageGuidelineFile.load(yaml: good, file: "g.yaml"))?.count == 2)
        let bad = good.replacing(original, with: replacement, maxReplacements: 1)
        let error = #expect(throws: DataFileError.self) { try WageGuidelineFile.load(yaml: bad, file: "g.yaml") }
        #expect(error?.file == "g.yaml")
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.reason.contains(reason) == true, "\(error?.description ?? "")")
    }
}
