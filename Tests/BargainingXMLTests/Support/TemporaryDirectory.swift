import Glibc

/// A directory under /tmp, removed with everything in it when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/bargainxml-tests-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { fatalError("mkdtemp failed: errno \(errno)") }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` to `name` (relative, parents created) and returns the full path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let full = file(name)
        var parent = ""
        for component in full.split(separator: "/").dropLast() {
            parent += "/" + component
            mkdir(parent, 0o755)
        }
        guard let handle = fopen(full, "wb") else { fatalError("cannot create \(full)") }
        let written = fwrite(bytes, 1, bytes.count, handle)
        fclose(handle)
        precondition(written == bytes.count, "short write to \(full)")
        return full
    }

    deinit {
        _ = Subprocess.run(["/bin/rm", "-rf", path])
    }
}
