import Bargaining
import Foundation
import Testing

/// `--dry-run` on the district file imports: the counts the import will give, and nothing
/// stored (the preview before a confirm, issue 16 item 3).
@Suite("import --dry-run")
struct ImportDryRunTests {
    @Test("registry, contracts and congress: the dry run's counts are the import's, and it stores nothing")
    func dryRun() throws {
        let store = try CoverageCommandTests.loaded()
        let code = CoverageCommandTests.code
        let registry = store.directory.url.appendingPathComponent("registry2.csv").path
        try Data((CoverageCommandTests.registry.replacingOccurrences(of: "一号精密制造有限公司", with: "一号精密制造股份有限公司")).utf8)
            .write(to: URL(fileURLWithPath: registry))
        let preview = try store.run(["registry", "import", registry, "--dry-run"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout == "\(registry): enterprises (dry run, nothing stored): would be 0 added, 1 updated, 5 unchanged\n")
        let imported = try store.run(["registry", "import", registry])
        #expect(imported.stdout == "\(registry): enterprises: 0 added, 1 updated, 5 unchanged\n", "the import gives what the preview said")

        let sessions = store.directory.url.appendingPathComponent("sessions.csv").path
        try Data("uscc,held_on\n\(code(1)),2025-03-02\n".utf8).write(to: URL(fileURLWithPath: sessions))
        let json = try JSON.object(try store.run(["congress", "import", sessions, "--dry-run", "--json"]).stdout)
        #expect(json["added"] as? Int == 1 && json["dryRun"] as? Bool == true)
        let total = try #require(try JSON.object(try store.run(["coverage", "--as-of", "2025-06-30", "--json"]).stdout)["total"] as? [String: Any])
        #expect(total["congressRate"] is NSNull, "the dry run stored no session")

        let contracts = store.directory.url.appendingPathComponent("contracts2.csv").path
        try Data(CoverageCommandTests.contracts.utf8).write(to: URL(fileURLWithPath: contracts))
        let again = try store.run(["contracts", "import", contracts, "--dry-run"])
        #expect(again.stdout == "\(contracts): contracts (dry run, nothing stored): would be 0 added, 0 updated, 5 unchanged\n", "\(again.stdout)")
    }
}
