#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A directory of its own under the system's temporary directory, removed with everything in it
/// when the value goes away (or at `remove()`). Creating or writing it cannot fail in a way a
/// test could handle: a machine whose temporary directory cannot be written stops the test there.
public final class TemporaryDirectory: Sendable {
    public let path: String
    public var url: URL { URL(fileURLWithPath: path) }

    public init(prefix: String = "bargain-tests") {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { fatalError("cannot create a temporary directory under \(base): errno \(errno)") }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit { remove() }

    /// The path of `name` inside the directory (not created).
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` as UTF-8 to `name` (parents created) and returns the full path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    /// Writes `bytes` to `name` (parents created) and returns the full path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let full = file(name)
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: full).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        } catch {
            fatalError("cannot write \(full): \(error)")
        }
        return full
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
