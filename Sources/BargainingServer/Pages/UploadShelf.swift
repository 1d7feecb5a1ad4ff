import BargainingKeys
import Foundation

/// Uploaded files kept between their preview and their confirm (issue 16 item 3), and a letter
/// run's downloads (item 4), by the SHA-256
/// of their bytes, in the server's data directory: the confirm names the hash the preview
/// showed, so it applies exactly the file that was previewed, and nothing is in the store before
/// it. Each file lies beside a note of what it was uploaded as (kind, name) and by whom; only
/// that account may confirm it. A file is kept for ``lifetime``; an older one, or one whose
/// bytes no longer hash to its name, is unknown to the confirm.
struct UploadShelf: Sendable {
    let directory: String
    static let lifetime: TimeInterval = 3600

    /// What a file was uploaded as (a ``CoverageFileKind``, or `letters`), and by whom.
    struct Note: Codable, Sendable, Equatable {
        var kind: String
        var file: String
        var account: String
    }

    struct Upload: Sendable {
        var hash: String
        var bytes: [UInt8]
        var note: Note
    }

    /// The problem every unknown, expired, altered or another account's upload is answered with.
    static func unknown(_ hash: String) -> Problem {
        Problem(.notFound, "unknown-upload", title: "没有这份上传文件 (no such upload)",
                detail: "no upload \(hash.prefix(64)) is waiting for a confirm: it was confirmed already, expired after \(Int(lifetime / 60)) minutes, "
                    + "or was never uploaded by this account; upload the file again and confirm its preview")
    }

    /// Keeps `bytes` and their note (replacing a note of the same bytes), sweeping expired
    /// files first; returns the hash.
    func put(_ bytes: [UInt8], note: Note, now: Date = Date()) throws -> String {
        let files = FileManager.default
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        sweep(now: now)
        let hash = Hex.sha256(bytes)
        try Data(bytes).write(to: url(hash, "upload"), options: .atomic)
        try JSONEncoder().encode(note).write(to: url(hash, "json"), options: .atomic)
        return hash
    }

    /// The upload `hash` names, for `account`; ``unknown(_:)`` otherwise.
    func get(_ hash: String, account: String, now: Date = Date()) throws -> Upload {
        guard Hex.isSHA256(hash),
              let attributes = try? FileManager.default.attributesOfItem(atPath: url(hash, "upload").path),
              let modified = attributes[.modificationDate] as? Date, now.timeIntervalSince(modified) < Self.lifetime,
              let data = try? Data(contentsOf: url(hash, "upload")), Hex.sha256(Array(data)) == hash,
              let noteData = try? Data(contentsOf: url(hash, "json")),
              let note = try? JSONDecoder().decode(Note.self, from: noteData), note.account == account else {
            throw Self.unknown(hash)
        }
        return Upload(hash: hash, bytes: Array(data), note: note)
    }

    /// Forgets the upload (once confirmed).
    func remove(_ hash: String) {
        guard Hex.isSHA256(hash) else { return }
        for ending in ["upload", "json"] { try? FileManager.default.removeItem(at: url(hash, ending)) }
    }

    /// Removes files older than ``lifetime``.
    func sweep(now: Date) {
        let files = FileManager.default
        for name in (try? files.contentsOfDirectory(atPath: directory)) ?? [] {
            let path = (directory as NSString).appendingPathComponent(name)
            if let modified = (try? files.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
               now.timeIntervalSince(modified) >= Self.lifetime {
                try? files.removeItem(atPath: path)
            }
        }
    }

    private func url(_ hash: String, _ ending: String) -> URL {
        URL(fileURLWithPath: directory).appendingPathComponent("\(hash).\(ending)")
    }
}
