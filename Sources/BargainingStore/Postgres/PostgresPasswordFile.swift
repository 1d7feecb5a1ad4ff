import Foundation

/// libpq's password file (`PGPASSFILE`, default `~/.pgpass`): lines of
/// `host:port:database:user:password`, `*` matching anything in the first four fields, `\\:` and
/// `\\\\` escaping a colon and a backslash, `#` starting a comment. The first matching line gives the
/// password. As libpq does, a file others can read (group or world permission bits) is ignored:
/// a password there is no secret.
///
/// With it, a store URL need carry no password (`postgres://bargain@db.internal/bargain`), so
/// neither a process list nor a shell history shows one.
public struct PostgresPasswordFile: Sendable {
    public let path: String
    let lines: [[String]]

    /// The file the environment names, nil when there is none, or it is readable by others.
    public init?(environment: [String: String]) {
        let path: String
        if let named = environment["PGPASSFILE"], !named.isEmpty {
            path = named
        } else if let home = environment["HOME"], !home.isEmpty {
            path = home + "/.pgpass"
        } else {
            return nil
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = attributes[.posixPermissions] as? Int, mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        self.init(path: path, text: text)
    }

    init(path: String, text: String) {
        self.path = path
        lines = text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = Self.fields(line)
            return fields.count == 5 ? fields : nil
        }
    }

    /// The password for this server, database and user, or nil when no line matches.
    public func password(host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        return lines.first { line in zip(line.prefix(4), wanted).allSatisfy { $0 == "*" || $0 == $1 } }?[4]
    }

    /// Splits a line at unescaped colons, undoing `\:` and `\\`.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
