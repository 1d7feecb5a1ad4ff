@testable import BargainingCoverage
import Foundation
import Testing
import TestSupport

/// The README's "Bringing your registry in" tables of accepted headers are the mapping tables
/// the importers use (issue 12 item 4): a synonym added to one and not the other fails here.
@Suite("README header tables")
struct ReadmeHeaderTests {
    /// The `| \`field\` | a, b, c |` rows of the README section, in order.
    static func tableRows() throws -> [[String]] {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "### Bringing your registry in"))
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].split(separator: "\n").compactMap { line -> [String]? in
            guard line.hasPrefix("| `") else { return nil }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return [cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))]
                + cells[1].components(separatedBy: ", ")
        }
    }

    @Test("the registry, contracts and congress tables list exactly the names each importer accepts, in order")
    func tablesAreTheMapping() throws {
        let expected = RegistryColumn.allCases.map(\.headerNames) + ContractColumn.allCases.map(\.headerNames)
            + CongressColumn.allCases.map(\.headerNames)
        #expect(try Self.tableRows() == expected)
    }
}
