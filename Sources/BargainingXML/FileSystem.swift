#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

#if canImport(Glibc)
private let posixRead = Glibc.read
private let posixWrite = Glibc.write
private let posixRename = Glibc.rename
#elseif canImport(Darwin)
private let posixRead = Darwin.read
private let posixWrite = Darwin.write
private let posixRename = Darwin.rename
#endif

/// The few file operations exports and imports need, done with POSIX calls so that every step
/// (exclusive create, fsync, rename, no following of symbolic links, a read cap) is explicit.
enum FileSystem {
    struct Failure: Error {
        var path: String
        var reason: String
    }

    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Writes `bytes` to a new file at `path` (which must not exist) and flushes it to disk.
    static func createFile(_ path: String, _ bytes: [UInt8]) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: errorText()) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                posixWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: errorText())
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw Failure(path: path, reason: errorText()) }
    }

    /// Flushes a directory, so that renames into it survive a crash.
    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    static func rename(_ from: String, _ to: String) throws(Failure) {
        guard posixRename(from, to) == 0 else { throw Failure(path: to, reason: errorText()) }
    }

    static func makeDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 else { throw Failure(path: path, reason: errorText()) }
    }

    /// Creates `path` and its missing parents.
    static func makeDirectories(_ path: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: "\(error)")
        }
    }

    /// Removes a file or a directory tree; silent if it does not exist.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    enum Kind {
        case file(size: Int)
        case directory
        case symbolicLink
        case other
    }

    /// What is at `path`, without following a symbolic link; nil if nothing.
    static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    static func exists(_ path: String) -> Bool { kind(path) != nil }

    /// The entries of a directory, sorted by name (bytewise), without `.` and `..`.
    static func entries(_ path: String) throws(Failure) -> [String] {
        guard let directory = opendir(path) else { throw Failure(path: path, reason: errorText()) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Reads a regular file of at most `limit` bytes, refusing symbolic links and larger files
    /// before reading them (and a file that grows past the limit while being read).
    static func read(_ path: String, limit: Int) throws(ReadFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            throw errno == ELOOP ? .symbolicLink(path) : .unreadable(path, errorText())
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path, errorText()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path) }
        guard Int(info.st_size) <= limit else { throw .tooLarge(path, size: Int(info.st_size), limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, errorText())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .tooLarge(path, size: bytes.count, limit: limit) }
        }
        return bytes
    }

    enum ReadFailure: Error {
        case unreadable(String, String)
        case symbolicLink(String)
        case notAFile(String)
        case tooLarge(String, size: Int, limit: Int)
    }

    /// A fresh name beside `path` for building something before it takes `path`'s place.
    static func temporarySibling(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let random = UInt64.random(in: 0...UInt64.max)
        let name = ".\(url.lastPathComponent).partial-\(getpid())-\(String(random, radix: 16))"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }
}
