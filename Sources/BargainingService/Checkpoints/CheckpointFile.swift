import BargainingKeys
import Foundation

/// The append-only file of signed checkpoints. Keep it where whoever can write the database
/// cannot (another host, write-once storage, the backup): it is what makes a rewritten history
/// visible. Every line is checked when read: signed by a trusted key, linked to the line before.
public struct CheckpointFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Every checkpoint in order; an empty list when the file does not exist yet.
    public func read(trusting trusted: [TrustedKey]) throws(CheckpointError) -> [Checkpoint] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        var checkpoints: [Checkpoint] = []
        var previous = ""
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let number = index + 1
            guard let checkpoint = Checkpoint.parse(line) else { throw .malformed(path: path, line: number) }
            guard trusted.contains(where: { $0.verifies(checkpoint.signature, of: checkpoint.payloadBytes) }) else {
                throw .untrusted(path: path, line: number, key: checkpoint.payload.key)
            }
            guard checkpoint.payload.previous == previous else { throw .unlinked(path: path, line: number) }
            previous = checkpoint.digest
            checkpoints.append(checkpoint)
        }
        return checkpoints
    }

    /// Appends `checkpoint` as one line and forces it to disk before returning.
    public func append(_ checkpoint: Checkpoint) throws(CheckpointError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let bytes = Array((checkpoint.line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// Why the checkpoint file cannot be used. A line that fails its signature or its link means
/// the file itself was changed: as serious as a broken chain.
public enum CheckpointError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(path: String)
    case unwritable(path: String, reason: String)
    case malformed(path: String, line: Int)
    case untrusted(path: String, line: Int, key: String)
    case unlinked(path: String, line: Int)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read the checkpoint file \(path)"
        case .unwritable(let path, let reason): "cannot append to the checkpoint file \(path): \(reason)"
        case .malformed(let path, let line): "\(path) line \(line) is not a checkpoint (signature, space, JSON); the file was changed"
        case .untrusted(let path, let line, let key):
            "\(path) line \(line): the signature does not verify with a trusted key (the line names key \(key)); the file was changed or the key is not trusted"
        case .unlinked(let path, let line):
            "\(path) line \(line) does not follow the line before it (a checkpoint was removed or reordered)"
        }
    }
}
