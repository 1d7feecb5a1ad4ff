import Foundation

/// Reading a whole file at the edges (workflow, policy, calendar files).
enum FileBytes {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(description: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        return [UInt8](data)
    }
}
