import Foundation
import Testing

/// A command that only reads never creates a store (issue 18 item 5): `verify` on a mistyped
/// path once created an empty store and said "every hash chain is intact".
@Suite("Commands that only read do not create a store")
struct ReadOnlyStoreTests {
    @Test("`bargain verify --store` on a missing file: exit 69, the path named, nothing created")
    func verifyMissing() throws {
        let store = try StoreFixture()
        let missing = store.directory.url.appendingPathComponent("mistyped.sqlite").path
        let result = try store.run(["verify", "--store", missing])
        #expect(result.status == 69)
        #expect(result.stderr.contains("there is no store at \(missing)"), "\(result.stderr)")
        #expect(!result.stdout.contains("intact"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
