import BargainingKeys
import Crypto

/// Verifies a BagIt bag (RFC 8493) before anything in it is used: the declaration, every
/// payload manifest's checksums (SHA-256 required, SHA-512 also checked when present), that the
/// payload holds exactly the files the manifest lists, the Payload-Oxum, and the tag manifests.
///
/// Files are read once, under a size cap and without following symbolic links, and the bytes
/// that were hashed are the bytes handed back, so a file cannot change between the check and
/// its use.
struct BagReader {
    /// Per payload file.
    let maximumFileBytes: Int
    /// Tag files (bagit.txt, manifests) are small; a bigger one is not a bag of ours.
    let maximumTagBytes = 8 << 20
    let maximumFiles = 100_000

    struct VerifiedBag {
        /// Payload files by path relative to the bag (`data/…`), in path order.
        var payload: [(path: String, bytes: [UInt8])]
        var info: [(label: String, value: String)]
        /// `tagmanifest-sha256.txt` as read (empty when absent), and its detached signature.
        var tagManifest: [UInt8]
        var tagManifestSignature: [UInt8]?
    }

    private static let algorithms: [String: (length: Int, hash: @Sendable ([UInt8]) -> String)] = [
        "sha256": (64, { Hex.sha256($0) }),
        "sha512": (128, { Hex.string(SHA512.hash(data: $0)) }),
    ]

    func read(_ bag: String) throws(ImportError) -> VerifiedBag {
        func fail(_ reason: String) -> ImportError { .bag(path: bag, reason: reason) }

        let declaration = try tagLines(bag, "bagit.txt", required: true)
        let version = declaration.first { $0.label == "BagIt-Version" }?.value
        guard version == "1.0" || version == "0.97" else {
            throw fail("bagit.txt declares BagIt-Version \(version ?? "none"); 1.0 is expected")
        }
        let encoding = declaration.first { $0.label == "Tag-File-Character-Encoding" }?.value
        guard encoding?.uppercased() == "UTF-8" else {
            throw fail("bagit.txt declares Tag-File-Character-Encoding \(encoding ?? "none"); UTF-8 is expected")
        }

        let names: [String]
        do { names = try FileSystem.entries(bag) } catch { throw .io(path: bag, reason: error.reason) }
        let manifests = names.filter { $0.hasPrefix("manifest-") && $0.hasSuffix(".txt") }
        guard manifests.contains("manifest-sha256.txt") else {
            throw fail("there is no manifest-sha256.txt; payload checksums must be SHA-256")
        }
        var expected: [String: [(algorithm: String, checksum: String)]] = [:]
        for manifest in manifests {
            let algorithm = String(manifest.dropFirst("manifest-".count).dropLast(".txt".count))
            guard Self.algorithms[algorithm] != nil else {
                throw fail("\(manifest) uses \(algorithm), which this tool cannot verify (sha256 and sha512 can be)")
            }
            let entries = try manifestEntries(bag, manifest, algorithm: algorithm)
            for (path, checksum) in entries { expected[path, default: []].append((algorithm, checksum)) }
            if Set(entries.map(\.path)) != Set(expected.keys) {
                throw fail("the manifests do not list the same files")
            }
        }
        for path in expected.keys where !path.hasPrefix("data/") {
            throw fail("the manifest lists \(path), outside data/")
        }

        let present = try payloadFiles(bag)
        let listed = Set(expected.keys)
        if let extra = present.first(where: { !listed.contains($0.path) }) {
            throw fail("\(extra.path) is in the payload but not in the manifest")
        }
        if let missing = listed.sorted().first(where: { path in !present.contains { $0.path == path } }) {
            throw fail("\(missing) is in the manifest but not in the payload")
        }

        let info = try tagLines(bag, "bag-info.txt", required: false)
        if let oxum = info.first(where: { $0.label == "Payload-Oxum" })?.value {
            let octets = present.reduce(0) { $0 + $1.size }
            guard oxum == "\(octets).\(present.count)" else {
                throw fail("Payload-Oxum says \(oxum), but the payload has \(octets) bytes in \(present.count) files")
            }
        }

        var payload: [(path: String, bytes: [UInt8])] = []
        for file in present {
            let bytes = try readFile(bag, file.path, limit: maximumFileBytes)
            for (algorithm, checksum) in expected[file.path] ?? [] {
                let found = Self.algorithms[algorithm]!.hash(bytes)
                guard found == checksum else {
                    throw .checksumMismatch(bag: bag, file: file.path, expected: checksum, found: found)
                }
            }
            payload.append((file.path, bytes))
        }

        for name in names where name.hasPrefix("tagmanifest-") && name.hasSuffix(".txt") {
            let algorithm = String(name.dropFirst("tagmanifest-".count).dropLast(".txt".count))
            guard let hash = Self.algorithms[algorithm]?.hash else {
                throw fail("\(name) uses \(algorithm), which this tool cannot verify")
            }
            for (path, checksum) in try manifestEntries(bag, name, algorithm: algorithm) {
                guard !path.hasPrefix("data/") else {
                    throw fail("\(name) lists \(path), which is not a tag file")
                }
                let found = hash(try readFile(bag, path, limit: maximumTagBytes))
                guard found == checksum else {
                    throw .checksumMismatch(bag: bag, file: path, expected: checksum, found: found)
                }
            }
        }
        let tagManifest = names.contains("tagmanifest-sha256.txt") ? try readFile(bag, "tagmanifest-sha256.txt", limit: maximumTagBytes) : []
        let signature = names.contains(BagWriter.tagManifestSignature)
            ? try readFile(bag, BagWriter.tagManifestSignature, limit: maximumTagBytes) : nil
        return VerifiedBag(payload: payload, info: info, tagManifest: tagManifest, tagManifestSignature: signature)
    }

    /// `Label: value` lines of a tag file; continuation lines (leading whitespace) are folded in.
    private func tagLines(_ bag: String, _ name: String, required: Bool) throws(ImportError) -> [(label: String, value: String)] {
        guard required || FileSystem.exists(bag + "/" + name) else { return [] }
        let text = try tagText(bag, name)
        var lines: [(label: String, value: String)] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].value += " " + line.trimming(" \t")
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw .bag(path: bag, reason: "\(name) has a line without a label: \(line.prefix(80))")
            }
            lines.append((line[..<colon].trimming(" \t"),
                          line[line.index(after: colon)...].trimming(" \t")))
        }
        return lines
    }

    private func tagText(_ bag: String, _ name: String) throws(ImportError) -> String {
        let bytes = try readFile(bag, name, limit: maximumTagBytes)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .bag(path: bag, reason: "\(name) is not UTF-8")
        }
        return text
    }

    /// `checksum path` lines, with paths percent-decoded and checked to stay inside the bag.
    private func manifestEntries(_ bag: String, _ name: String, algorithm: String) throws(ImportError) -> [(path: String, checksum: String)] {
        let length = Self.algorithms[algorithm]!.length
        var entries: [(path: String, checksum: String)] = []
        var seen = Set<String>()
        for line in try tagText(bag, name).split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                throw .bag(path: bag, reason: "\(name) has a line without a file name: \(line.prefix(80))")
            }
            let checksum = line[..<space].lowercased()
            let rawPath = String(line[space...].drop { $0 == " " || $0 == "\t" })
            guard checksum.count == length, checksum.allSatisfy(\.isHexDigit) else {
                throw .bag(path: bag, reason: "\(name) has a malformed \(algorithm) checksum for \(rawPath)")
            }
            guard let path = Self.decode(rawPath), BagWriter.isSafe(path) else {
                throw .bag(path: bag, reason: "\(name) lists an unsafe path: \(rawPath)")
            }
            guard seen.insert(path).inserted else {
                throw .bag(path: bag, reason: "\(name) lists \(path) twice")
            }
            if entries.count >= maximumFiles { throw .bag(path: bag, reason: "\(name) lists more than \(maximumFiles) files") }
            entries.append((path, checksum))
        }
        return entries
    }

    /// Undoes RFC 8493's `%0A`, `%0D`, `%25`; nil for any other `%` escape.
    static func decode(_ path: String) -> String? {
        guard path.contains("%") else { return path }
        var out = ""
        var rest = Substring(path)
        while let percent = rest.firstIndex(of: "%") {
            out += rest[..<percent]
            let code = rest[percent...].prefix(3).uppercased()
            switch code {
            case "%0A": out += "\n"
            case "%0D": out += "\r"
            case "%25": out += "%"
            default: return nil
            }
            rest = rest[rest.index(percent, offsetBy: 3)...]
        }
        return out + rest
    }

    /// Every regular file under `data/`, refusing symbolic links and special files.
    private func payloadFiles(_ bag: String) throws(ImportError) -> [(path: String, size: Int)] {
        guard case .directory? = FileSystem.kind(bag + "/data") else {
            throw .bag(path: bag, reason: "there is no data/ directory")
        }
        var files: [(path: String, size: Int)] = []
        var pending = ["data"]
        while let directory = pending.popLast() {
            let names: [String]
            do { names = try FileSystem.entries(bag + "/" + directory) } catch { throw .io(path: error.path, reason: error.reason) }
            for name in names {
                let relative = directory + "/" + name
                switch FileSystem.kind(bag + "/" + relative) {
                case .file(let size)?: files.append((relative, size))
                case .directory?: pending.append(relative)
                case .symbolicLink?: throw .bag(path: bag, reason: "\(relative) is a symbolic link; a bag's payload holds files only")
                default: throw .bag(path: bag, reason: "\(relative) is not a regular file")
                }
                if files.count > maximumFiles { throw .bag(path: bag, reason: "the payload has more than \(maximumFiles) files") }
            }
        }
        return files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    private func readFile(_ bag: String, _ relative: String, limit: Int) throws(ImportError) -> [UInt8] {
        do {
            return try FileSystem.read(bag + "/" + relative, limit: limit)
        } catch {
            switch error {
            case .tooLarge(_, let size, let limit):
                throw .unsafe(document: "\(bag)/\(relative)", .tooLarge(bytes: size, limit: limit))
            case .symbolicLink: throw .bag(path: bag, reason: "\(relative) is a symbolic link")
            case .notAFile: throw .bag(path: bag, reason: "\(relative) is not a regular file")
            case .unreadable(_, let reason): throw .io(path: "\(bag)/\(relative)", reason: reason)
            }
        }
    }
}

extension StringProtocol {
    func trimming(_ set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
