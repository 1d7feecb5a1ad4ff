import Foundation
import Testing
import TestSupport

/// `bargain` installed as the README says (the binary in PREFIX/bin, the workflows and schemas in
/// PREFIX/share/bargain) and started by name from `PATH`, in a directory that holds neither.
@Suite("installed layout")
struct InstallLayoutTests {
    @Test("started from PATH anywhere, it finds its workflows and schemas under PREFIX/share/bargain")
    func foundFromPath() throws {
        let prefix = TemporaryDirectory()
        let bin = prefix.url.appendingPathComponent("bin"), share = prefix.url.appendingPathComponent("share/bargain")
        let manager = FileManager.default
        try manager.createDirectory(at: bin, withIntermediateDirectories: true)
        try manager.createDirectory(at: share, withIntermediateDirectories: true)
        // A hard link where the file system allows one (the debug binary is large), else a copy;
        // never a symbolic link, which would lead back to the build directory.
        let installed = bin.appendingPathComponent("bargain")
        do { try manager.linkItem(at: BargainBinary.url, to: installed) } catch { try manager.copyItem(at: BargainBinary.url, to: installed) }
        try manager.copyItem(at: Repository.workflows, to: share.appendingPathComponent("workflows"))
        try manager.copyItem(at: Repository.root.appendingPathComponent("exports/schema"), to: share.appendingPathComponent("schema"))

        let elsewhere = TemporaryDirectory()
        let environment = BargainBinary.environment(["PATH": bin.path + ":/usr/bin:/bin"])
        let show = Subprocess.run(["bargain", "workflow", "show", "enterprise"], environment: environment, in: elsewhere.path)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("enterprise"))

        let sample = Repository.root.appendingPathComponent("exports/samples/ENT-2025-001.contract.xml").path
        let store = elsewhere.url.appendingPathComponent("archive.sqlite").path
        let imported = Subprocess.run(["bargain", "import", sample, "--store", store], environment: environment, in: elsewhere.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("contract ENT-2025-001"))
    }
}
