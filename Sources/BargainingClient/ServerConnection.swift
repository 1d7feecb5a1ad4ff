import Foundation

/// Where the city server is and the token to use: from `bargain login URL`, kept in the user's
/// config file (`$XDG_CONFIG_HOME/bargain/server.json`, else `~/.config/bargain/server.json`,
/// mode 0600 because the token is a credential).
public struct ServerConnection: Codable, Equatable, Sendable {
    public var url: String
    public var token: String

    public init(url: String, token: String) throws(ServerConnectionError) {
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
            throw ServerConnectionError("'\(url)' is not a server address; write http(s)://HOST[:PORT]")
        }
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.token = token
    }

    public static var configFile: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        return base + "/bargain/server.json"
    }

    /// The saved connection, nil when there is none.
    public static func saved(at path: String = configFile) throws(ServerConnectionError) -> ServerConnection? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(ServerConnection.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ServerConnectionError("\(path) cannot be read (\(error.localizedDescription)); run `bargain login URL` again")
        }
    }

    /// Writes the connection to `path`, readable by its owner only.
    public func save(at path: String = configFile) throws(ServerConnectionError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let data = try JSONEncoder().encode(self)
            guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw ServerConnectionError("cannot write \(path)")
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch let error as ServerConnectionError {
            throw error
        } catch {
            throw ServerConnectionError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

public struct ServerConnectionError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
