import Yams

/// A city's wage guidelines (工资指导线) by year, as `workflows/wage-guideline/<policy>.yaml`
/// holds them: the lower line, the baseline and the upper (warning) line, each a percentage or
/// `unknown`, with the notice each year comes from and whether it was verified against it.
public enum WageGuidelineFile {
    /// Refuses with the line: an unknown key, a year that is not a year, a line that is neither a
    /// percentage nor `unknown`, lines out of order (lower ≤ baseline ≤ upper), a year without its
    /// source, and a year marked verified that has an unknown line.
    public static func load(yaml: String, file: String) throws(DataFileError) -> [Int: WageGuideline] {
        let reader = YAMLReader(file: file)
        let root = try CalendarFile.root(yaml, reader: reader)
        let top = try reader.mapping(root, allowed: ["region", "years"], what: "the wage guideline file")
        guard top.contains(where: { $0.key == "region" }) else {
            throw reader.fail(root, "the wage guideline file needs 'region:', the city or province it is for")
        }
        guard let yearsNode = top.first(where: { $0.key == "years" })?.value else {
            throw reader.fail(root, "the wage guideline file needs 'years:', the guideline of each year")
        }
        var result: [Int: WageGuideline] = [:]
        for (key, node, keyNode) in try reader.mapping(yearsNode, what: "years") {
            guard let year = Int(key), (1990...2100).contains(year) else { throw reader.fail(keyNode, "'\(key)' is not a year") }
            let fields = try reader.mapping(node, allowed: ["lower", "baseline", "upper", "source", "verified"], what: "the \(year) guideline")
            func field(_ name: String) throws(DataFileError) -> Node {
                guard let value = fields.first(where: { $0.key == name })?.value else {
                    throw reader.fail(keyNode, "the \(year) guideline needs 'lower', 'baseline', 'upper', 'source' and 'verified'; '\(name)' is missing")
                }
                return value
            }
            func line(_ name: String) throws(DataFileError) -> Int? {
                let node = try field(name)
                let text = try reader.string(node, what: name)
                if text == "unknown" { return nil }
                guard case .rate(let basisPoints)? = FieldType.rate.parse(text) else {
                    throw reader.fail(node, "\(name) '\(text)' is neither a percentage (like 4.5%) nor 'unknown'")
                }
                return basisPoints
            }
            let guideline = WageGuideline(year: year, lowerBP: try line("lower"), baselineBP: try line("baseline"), upperBP: try line("upper"),
                                          source: try CalendarFile.text(try field("source"), what: "source", reader: reader),
                                          verified: try reader.bool(try field("verified"), what: "verified"))
            let known = [guideline.lowerBP, guideline.baselineBP, guideline.upperBP].compactMap { $0 }
            if known != known.sorted() { throw reader.fail(keyNode, "the \(year) lines must rise from lower to baseline to upper") }
            if guideline.verified && known.count < 3 {
                throw reader.fail(keyNode, "the \(year) guideline has an unknown line, so it cannot be verified: write 'verified: false'")
            }
            result[year] = guideline
        }
        return result
    }
}
