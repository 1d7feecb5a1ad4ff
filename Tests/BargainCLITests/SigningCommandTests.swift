import Foundation
import Testing
import TestSupport

/// `bargain keys generate`, `export --sign-key` and `import --trusted-keys` as a depositor and an
/// archive run them, checked with xmlsec1 and openssl, tools nobody here wrote (issue 17 item 2).
@Suite("signed exports", .serialized)
struct SigningCommandTests {
    @Test("keys generate writes a P-256 pair, private.pem readable by its owner only, and never overwrites it")
    func keysGenerate() throws {
        let directory = TemporaryDirectory()
        let keys = directory.url.appendingPathComponent("keys").path
        let generated = try BargainBinary.run(["keys", "generate", "--out", keys])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout == "\(keys)/private.pem\n\(keys)/public.pem\n")
        let mode = try FileManager.default.attributesOfItem(atPath: keys + "/private.pem")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: keys + "/public.pem", encoding: .utf8).hasPrefix("-----BEGIN PUBLIC KEY-----"))
        let again = try BargainBinary.run(["keys", "generate", "--out", keys])
        #expect(again.status == 73)
        #expect(again.stderr.contains("already exists; keys are never overwritten"))
    }

    @Test("a signed export verifies with xmlsec1 alone; the issue's forged bag (expiry moved, manifests re-hashed) is refused")
    func signedExportAndForgedBag() throws {
        let directory = TemporaryDirectory()
        let store = try ExportCommandTests.demoStore(in: directory)
        let keys = directory.url.appendingPathComponent("keys").path, other = directory.url.appendingPathComponent("other").path
        #expect(try BargainBinary.run(["keys", "generate", "--out", keys]).status == 0)
        #expect(try BargainBinary.run(["keys", "generate", "--out", other]).status == 0)

        let out = directory.url.appendingPathComponent("out").path
        let exported = try BargainBinary.run(["export", "ENT-2025-001", "--out", out, "--store", store],
                                             environment: ["BARGAIN_SIGN_KEY": keys + "/private.pem"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let files = exported.stdout.split(separator: "\n").map(String.init)
        #expect(files.count == 3)
        if RequiredTool.available(["xmlsec1", "--version"], install: "apt-get install xmlsec1") {
            for file in files {
                let verified = Subprocess.run(["xmlsec1", "--verify", "--pubkey-pem", keys + "/public.pem", file])
                #expect(verified.status == 0, "\(file): \(verified.stderr)")
            }
        }
        let archive = directory.url.appendingPathComponent("archive.sqlite").path
        let trusted = try BargainBinary.run(["import", files[0], "--trusted-keys", keys + "/public.pem", "--store", archive])
        #expect(trusted.status == 0, "\(trusted.stderr)")
        let untrusted = try BargainBinary.run(["import", files[0], "--trusted-keys", other + "/public.pem", "--store", archive])
        #expect(untrusted.status == 65)
        #expect(untrusted.stderr.contains("which is not among this archive's trusted keys"), "\(untrusted.stderr)")
        let privateKey = try BargainBinary.run(["import", files[0], "--trusted-keys", keys, "--store", archive])
        #expect(privateKey.status == 65)
        #expect(privateKey.stderr.contains("private.pem is a private key"), "\(privateKey.stderr)")

        let bag = directory.url.appendingPathComponent("bag").path
        let batch = try BargainBinary.run(["export", "--filed-from", "2025-01-01", "--filed-to", "2025-12-31", "--bag", bag,
                                           "--sign-key", keys + "/private.pem", "--store", store])
        #expect(batch.status == 0, "\(batch.stderr)")
        if RequiredTool.available(["openssl", "version"], install: "apt-get install openssl") {
            let checked = Subprocess.run(["openssl", "dgst", "-sha256", "-verify", keys + "/public.pem", "-signature",
                                             bag + "/tagmanifest-sha256.txt.sig", bag + "/tagmanifest-sha256.txt"])
            #expect(checked.status == 0 && checked.stdout.contains("Verified OK"), "\(checked.stdout)\(checked.stderr)")
        }
        #expect(try BargainBinary.run(["import", bag, "--trusted-keys", keys + "/public.pem", "--store", archive]).status == 0)

        // The forgery: expiresOn moved by two years and every manifest re-hashed, as
        // bagit.py would; the bag is internally consistent, but the signatures are not.
        let contract = bag + "/data/ENT-2025-001.contract.xml"
        let forged = try String(contentsOfFile: contract, encoding: .utf8)
            .replacingOccurrences(of: "<expiresOn>2026-04-30</expiresOn>", with: "<expiresOn>2028-04-30</expiresOn>")
        try forged.write(toFile: contract, atomically: true, encoding: .utf8)
        if RequiredTool.available([RequiredTool.python, "-c", "import bagit"], install: "python3 -m pip install bagit") {
            let rehashed = Subprocess.run([RequiredTool.python, "-c", "import bagit, sys; bagit.Bag(sys.argv[1]).save(manifests=True)", bag])
            #expect(rehashed.status == 0, "\(rehashed.stderr)")
            #expect(Subprocess.run([RequiredTool.python, "-m", "bagit", "--validate", bag]).status == 0, "bagit calls the forged bag valid")
            let refused = try BargainBinary.run(["import", bag, "--trusted-keys", keys + "/public.pem", "--store", archive])
            #expect(refused.status == 65)
            #expect(refused.stderr.contains("tagmanifest-sha256.txt.sig: refused"), "\(refused.stderr)")
            // Without the bag's signature the document's own signature still catches it.
            try FileManager.default.removeItem(atPath: bag + "/tagmanifest-sha256.txt.sig")
            let alone = try BargainBinary.run(["import", bag, "--store", archive])
            #expect(alone.status == 65)
            #expect(alone.stderr.contains("ENT-2025-001.contract.xml: refused: its XML Signature"), "\(alone.stderr)")
        }
    }
}
