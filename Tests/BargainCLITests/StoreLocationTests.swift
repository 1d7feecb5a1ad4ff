import Foundation
import Testing
import TestSupport

/// Where the store is, and what happens when it cannot be used: exit 69 with one line that
/// says what to do, and nothing created or changed.
@Suite("The store: --store, BARGAIN_STORE, and stores that cannot be used")
struct StoreLocationTests {
    @Test("--store wins over BARGAIN_STORE, which wins over the default")
    func choosingTheStore() throws {
        let store = try StoreFixture()
        try store.open("ENT-ENV")
        let other = store.directory.url.appendingPathComponent("other.sqlite").path
        let moved = try store.run(["status", "ENT-ENV", "--store", other])
        #expect(moved.status == 69 && moved.stderr.contains("there is no store at \(other)"), "--store is used, and a reader creates nothing")
        #expect(!FileManager.default.fileExists(atPath: other))
        let home = TemporaryDirectory()
        let byDefault = try BargainBinary.run(["open", "enterprise", "--id", "ENT-HOME", "--union", "工会", "--employer", "公司",
                                               "--enterprise", StoreFixture.enterpriseOption],
                                              environment: ["HOME": home.url.path])
        #expect(byDefault.status == 0, "\(byDefault.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.url.appendingPathComponent(".local/share/bargain/bargain.sqlite").path))
        let xdg = try BargainBinary.run(["status", "ENT-HOME"], environment: ["HOME": "/nonexistent", "XDG_DATA_HOME": home.url.path + "/.local/share"])
        #expect(xdg.status == 0, "\(xdg.stderr)")
    }

    @Test("a store path in a directory that does not exist: 69, one line, nothing created", arguments: [
        ["open", "enterprise", "--union", "工会", "--employer", "公司", "--enterprise", StoreFixture.enterpriseOption],
        ["status", "ENT-1"], ["list"], ["verify"], ["demo"],
    ])
    func missingDirectory(_ arguments: [String]) throws {
        let scratch = TemporaryDirectory()
        let missing = scratch.url.appendingPathComponent("no/such/dir")
        let result = try BargainBinary.run(arguments + ["--store", missing.appendingPathComponent("bargain.sqlite").path])
        #expect(result.status == 69)
        #expect(result.stderr == "error: store unavailable: directory \(missing.path) does not exist. create it (mkdir -p \(missing.path)) or choose another --store path\n")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test("a file that is not a bargain database: 69, and the file is left exactly as it was")
    func foreignFile() throws {
        let scratch = TemporaryDirectory()
        let notes = scratch.write("notes.txt", "工资集体协商 minutes, not a database\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: notes))
        for arguments in [["status", "ENT-1"], ["do", "ENT-1", "accept", "--as", "employer-side"], ["list"]] {
            let result = try BargainBinary.run(arguments + ["--store", notes])
            #expect(result.status == 69)
            #expect(result.stderr == "error: incompatible store: \(notes) is not a bargain database; choose another --store path\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: notes)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["notes.txt"])
    }

    @Test("a directory given as the store, and a PostgreSQL server that does not answer: 69")
    func unusable() throws {
        let scratch = TemporaryDirectory()
        let directory = try BargainBinary.run(["list", "--store", scratch.url.path])
        #expect(directory.status == 69)
        #expect(directory.stderr.hasPrefix("error: store unavailable: \(scratch.url.path) is a directory"))
        let server = try BargainBinary.run(["list", "--store", "postgres://bargain@127.0.0.1:1/bargain"])
        #expect(server.status == 69, "\(server.stderr)")
        #expect(server.stderr.hasPrefix("error: store unavailable: "))
        #expect(server.stderr.filter { $0 == "\n" }.count == 1)
    }
}
