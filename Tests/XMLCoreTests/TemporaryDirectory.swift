import Glibc

/// A directory under /tmp for files the tests need (schemas and their includes), removed when
/// the value goes away. Glibc rather than Foundation, to keep this target Foundation-free.
final class TemporaryDirectory {
    let path: String
    private var files: [String] = []

    init() {
        var template = Array("/tmp/xmlcore-tests-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { fatalError("mkdtemp failed: errno \(errno)") }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Writes `contents` to `name` inside the directory and returns the file's path.
    @discardableResult
    func write(_ name: String, _ contents: String) -> String {
        let filePath = path + "/" + name
        guard let file = fopen(filePath, "w") else { fatalError("cannot create \(filePath)") }
        let bytes = Array(contents.utf8)
        let written = fwrite(bytes, 1, bytes.count, file)
        fclose(file)
        precondition(written == bytes.count, "short write to \(filePath)")
        files.append(filePath)
        return filePath
    }

    deinit {
        for file in files { unlink(file) }
        rmdir(path)
    }
}
