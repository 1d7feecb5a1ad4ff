import BargainingStore
import Foundation
import GRDB
import Testing
import TestSupport

/// Signed checkpoints of the hash chains (issue 18 item 4): the three forgeries that pass the
/// unkeyed chain — a rewritten event with every later hash recomputed, a deleted tail with the
/// summary's version lowered, a deleted negotiation — are each named by `verify --checkpoints`.
@Suite("bargain checkpoint and verify --checkpoints", .serialized)
struct CheckpointCommandTests {
    /// A store with three played negotiations, a key pair and a first checkpoint.
    struct Anchored {
        let store: StoreFixture
        let keys: TemporaryDirectory
        var file: String { keys.url.appendingPathComponent("checkpoints").path }
        var signing: [String] { ["--file", file, "--sign-key", keys.url.appendingPathComponent("private.pem").path] }
        var checking: [String] { ["--checkpoints", file, "--trusted-keys", keys.url.appendingPathComponent("public.pem").path] }

        init() throws {
            store = try StoreFixture()
            keys = TemporaryDirectory()
            #expect(try BargainBinary.run(["keys", "generate", "--out", keys.url.path]).status == 0)
            for id in ["ENT-A", "ENT-B", "ENT-C"] {
                try store.open(id)
                try store.play(id, until: "talks")
            }
            let first = try store.run(["checkpoint"] + signing)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("3 negotiations, 3 new or changed heads signed"), "\(first.stdout)")
        }

        func database(_ change: (Database) throws -> Void) throws {
            let queue = try DatabaseQueue(path: store.path)
            try queue.write(change)
            try queue.close()
        }
    }

    @Test("an untouched store verifies against its checkpoints; the next checkpoint signs only what changed; both files check with openssl")
    func untouched() throws {
        let anchored = try Anchored()
        let ok = try anchored.store.run(["verify"] + anchored.checking)
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.hasSuffix("every hash chain is intact; every signed checkpoint matches\n"), "\(ok.stdout)")

        try anchored.store.play("ENT-A")
        let second = try anchored.store.run(["checkpoint"] + anchored.signing)
        #expect(second.status == 0 && second.stdout.contains("3 negotiations, 1 new or changed heads"), "\(second.stdout)\(second.stderr)")
        #expect(try anchored.store.run(["verify"] + anchored.checking).status == 0)

        // Each line is signature, space, the signed JSON: openssl alone checks it.
        let lines = try String(contentsOfFile: anchored.file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let scratch = TemporaryDirectory()
        let parts = lines[1].split(separator: " ", maxSplits: 1)
        let signature = scratch.url.appendingPathComponent("sig"), payload = scratch.url.appendingPathComponent("payload")
        try Data(base64Encoded: String(parts[0]))!.write(to: signature)
        try Data(parts[1].utf8).write(to: payload)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["dgst", "-sha256", "-verify", anchored.keys.url.appendingPathComponent("public.pem").path,
                             "-signature", signature.path, payload.path]
        openssl.standardOutput = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0, "openssl verifies the checkpoint's signature")
    }

    @Test("a rewritten event with every later hash recomputed passes the chain but not the checkpoint")
    func rewritten() throws {
        let anchored = try Anchored()
        try anchored.database { db in
            try db.execute(sql: "UPDATE events SET body = replace(body, '王芳', '王芬') WHERE negotiation_id = 'ENT-A' AND sequence = 2")
            #expect(db.changesCount == 1)
            // Recompute the chain from event 2 on, as a forger with write access would.
            var previous = try String.fetchOne(db, sql: "SELECT hash FROM events WHERE negotiation_id = 'ENT-A' AND sequence = 1")!
            for row in try Row.fetchAll(db, sql: "SELECT sequence, body, recorded_at FROM events WHERE negotiation_id = 'ENT-A' AND sequence >= 2 ORDER BY sequence") {
                let hash = HashChain.seal(previous: previous, canonicalJSON: row["body"], negotiation: "ENT-A", recordedAt: row["recorded_at"])
                try db.execute(sql: "UPDATE events SET prev_hash = ?, hash = ? WHERE negotiation_id = 'ENT-A' AND sequence = ?",
                               arguments: [previous, hash, row["sequence"] as Int])
                previous = hash
            }
        }
        #expect(try anchored.store.run(["verify"]).status == 0, "the unkeyed chain alone is fooled")
        let caught = try anchored.store.run(["verify"] + anchored.checking)
        #expect(caught.status == 1)
        #expect(caught.stdout.contains("history rewritten  ENT-A:"), "\(caught.stdout)")
        let refused = try anchored.store.run(["checkpoint"] + anchored.signing)
        #expect(refused.status == 1 && refused.stderr.contains("not signed"), "a forged store is never signed: \(refused.stderr)")
    }

    @Test("a deleted tail with the summary's version lowered, and a deleted negotiation, are each named")
    func truncatedAndDeleted() throws {
        let anchored = try Anchored()
        try anchored.database { db in
            let last = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM events WHERE negotiation_id = 'ENT-B'")!
            try db.execute(sql: "DELETE FROM events WHERE negotiation_id = 'ENT-B' AND sequence = ?", arguments: [last])
            try db.execute(sql: "UPDATE negotiations SET version = ? WHERE id = 'ENT-B'", arguments: [last - 1])
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%negotiation_id%'") {
                try db.execute(sql: "DELETE FROM \(table) WHERE negotiation_id = 'ENT-C'")
            }
            try db.execute(sql: "DELETE FROM negotiations WHERE id = 'ENT-C'")
        }
        // The chains themselves still check (the summary row this forger left behind is named by
        // the summary check; a careful forger would have rewritten it too).
        let chainsOnly = try JSON.object(try anchored.store.run(["verify", "--json"]).stdout)
        #expect((chainsOnly["mismatches"] as? [Any])?.isEmpty == true, "the unkeyed chain alone is fooled")
        let caught = try anchored.store.run(["verify", "--json"] + anchored.checking)
        #expect(caught.status == 1)
        let anchors = try JSON.object(caught.stdout)["anchors"] as? [[String: Any]] ?? []
        #expect(anchors.map { "\($0["negotiation"]!) \($0["finding"]!)" } == ["ENT-B truncated", "ENT-C deleted"])
    }

    @Test("a changed, removed or untrusted checkpoint line is refused; a missing file or key is a clear error")
    func checkpointFileItself() throws {
        let anchored = try Anchored()
        try anchored.store.play("ENT-A")
        #expect(try anchored.store.run(["checkpoint"] + anchored.signing).status == 0)
        let original = try String(contentsOfFile: anchored.file, encoding: .utf8)
        let lines = original.split(separator: "\n")

        try (lines[0].replacingOccurrences(of: "\"negotiations\":3", with: "\"negotiations\":2") + "\n" + lines[1] + "\n")
            .write(toFile: anchored.file, atomically: true, encoding: .utf8)
        let edited = try anchored.store.run(["verify"] + anchored.checking)
        #expect(edited.status == 1 && edited.stderr.contains("line 1: the signature does not verify"), "\(edited.stderr)")

        try (lines[1] + "\n").write(toFile: anchored.file, atomically: true, encoding: .utf8)
        let removed = try anchored.store.run(["verify"] + anchored.checking)
        #expect(removed.status == 1 && removed.stderr.contains("line 1 does not follow the line before it"), "\(removed.stderr)")

        try original.write(toFile: anchored.file, atomically: true, encoding: .utf8)
        let other = TemporaryDirectory()
        #expect(try BargainBinary.run(["keys", "generate", "--out", other.url.path]).status == 0)
        let untrusted = try anchored.store.run(["verify", "--checkpoints", anchored.file, "--trusted-keys", other.url.appendingPathComponent("public.pem").path])
        #expect(untrusted.status == 1 && untrusted.stderr.contains("does not verify with a trusted key"))

        let missing = try anchored.store.run(["verify", "--checkpoints", anchored.file + ".gone", "--trusted-keys", other.url.path])
        #expect(missing.status == 65 && missing.stderr.contains("no such checkpoint file"))
        let noKeys = try anchored.store.run(["verify", "--checkpoints", anchored.file])
        #expect(noKeys.status == 64 && noKeys.stderr.contains("--trusted-keys"))
        let noSigner = try anchored.store.run(["checkpoint", "--file", anchored.file])
        #expect(noSigner.status == 64 && noSigner.stderr.contains("--sign-key"))
    }
}
