import BargainingKeys
import Bargaining

/// What `bag-info.txt` says about a bag (RFC 8493 §2.2.2).
public struct BagInfo: Hashable, Sendable {
    public var sourceOrganization: String
    /// The sender's identifier for the transfer.
    public var externalIdentifier: String
    /// The day the bag was made; passed in, so the same inputs give the same bag.
    public var baggingDate: Day
    public var externalDescription: String?

    public init(sourceOrganization: String, externalIdentifier: String, baggingDate: Day, externalDescription: String? = nil) {
        self.sourceOrganization = sourceOrganization
        self.externalIdentifier = externalIdentifier
        self.baggingDate = baggingDate
        self.externalDescription = externalDescription
    }
}

/// A file of a bag's payload, by its path under `data/`.
public struct PayloadFile: Hashable, Sendable {
    /// Relative to `data/`, with `/` separators.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Writes BagIt 1.0 bags (RFC 8493): the documents under `data/`, the schemas they use under
/// `data/schema/`, SHA-256 manifests of the payload and of the tag files, and `bag-info.txt`
/// with the Payload-Oxum.
///
/// The bag is built in a hidden directory beside its destination, flushed, and renamed into
/// place in one step, so a reader (or a crash) never sees half a bag; on failure the hidden
/// directory is removed.
public enum BagWriter {
    public static let version = "1.0"
    /// The depositor's detached ECDSA-SHA256 signature (DER) of `tagmanifest-sha256.txt`, which
    /// fixes every other tag file and, through the payload manifest, every payload file:
    /// `openssl dgst -sha256 -verify public.pem -signature tagmanifest-sha256.txt.sig tagmanifest-sha256.txt`.
    /// A tag file outside the tag manifest, as RFC 8493 allows.
    public static let tagManifestSignature = "tagmanifest-sha256.txt.sig"

    /// The payload for `documents`: each document by its file name, then the schemas they
    /// follow under `schema/` and, for our format, the stylesheet the documents name beside them
    /// (ours for our format, the OASIS schema and its `xml.xsd` under
    /// `schema/akn/` for Akoma Ntoso renditions).
    public static func payload(_ documents: [ExportedDocument], schemas: ExportSchemas) throws(ExportError) -> [PayloadFile] {
        var files = documents.map { PayloadFile(path: $0.fileName, bytes: $0.bytes) }
        var seen = Set<String>()
        for file in files where !seen.insert(file.path).inserted {
            throw .io(path: file.path, reason: "two documents would have the same file name in the bag")
        }
        var schemaFiles: [(String, String)] = []
        if documents.contains(where: { $0.format == .own }) {
            schemaFiles += [("schema/\(ExportSchemas.contractFileName)", schemas.contractSchemaPath),
                            ("schema/\(ExportSchemas.congressFileName)", schemas.congressSchemaPath),
                            ("schema/\(ExportSchemas.xmlNamespaceFileName)", schemas.xmlNamespaceSchemaPath),
                            (ExportSchemas.stylesheetFileName, schemas.stylesheetPath)]
        }
        if documents.contains(where: { $0.format == .akn }) {
            _ = try schemas.schema(for: .contract, format: .akn)
            let akn = schemas.aknSchemaPath ?? ExportSchemas.aknFileName
            let directory = akn.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            schemaFiles += [("schema/akn/\(ExportSchemas.aknFileName)", akn),
                            ("schema/akn/xml.xsd", ExportSchemas.join(directory.isEmpty ? "." : directory, "xml.xsd"))]
        }
        for (path, source) in schemaFiles {
            do {
                files.append(PayloadFile(path: path, bytes: try FileSystem.read(source, limit: 16 << 20)))
            } catch {
                throw .io(path: source, reason: "cannot read the schema to include it in the bag")
            }
        }
        return files
    }

    /// Writes a bag at `path`, which must not exist yet.
    ///
    /// - Returns: the tag files' contents by name, as written (for tests and reports).
    @discardableResult
    public static func write(_ payload: [PayloadFile], info: BagInfo, signer: SigningKey? = nil, to path: String) throws(ExportError) -> [String: String] {
        if FileSystem.exists(path) {
            throw .io(path: path, reason: "already exists; a bag is written to a new directory")
        }
        let files = payload.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        for file in files where !isSafe(file.path) {
            throw .io(path: file.path, reason: "is not a safe payload path")
        }
        let tagFiles = tags(files, info: info)
        let signature = try signer.map { (signer) throws(ExportError) in
            do {
                return try signer.detachedSignature(Array(tagFiles["tagmanifest-sha256.txt"]!.utf8))
            } catch {
                throw .unwritable(document: "signature", reason: "\(error)")
            }
        }

        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let temporary = FileSystem.temporarySibling(of: path)
        do {
            if !parent.isEmpty { try FileSystem.makeDirectories(parent) }
            try FileSystem.makeDirectory(temporary)
            try FileSystem.makeDirectory(temporary + "/data")
            for file in files {
                let components = file.path.split(separator: "/").dropLast()
                var directory = temporary + "/data"
                for component in components {
                    directory += "/" + component
                    if !FileSystem.exists(directory) { try FileSystem.makeDirectory(directory) }
                }
                try FileSystem.createFile(temporary + "/data/" + file.path, file.bytes)
            }
            for (name, text) in tagFiles.sorted(by: { $0.key < $1.key }) {
                try FileSystem.createFile(temporary + "/" + name, Array(text.utf8))
            }
            if let signature { try FileSystem.createFile(temporary + "/" + tagManifestSignature, signature) }
            FileSystem.syncDirectory(temporary)
            try FileSystem.rename(temporary, path)
        } catch {
            FileSystem.remove(temporary)
            throw .io(path: error.path, reason: error.reason)
        }
        FileSystem.syncDirectory(parent.isEmpty ? "." : parent)
        return tagFiles
    }

    /// `bagit.txt`, `bag-info.txt`, `manifest-sha256.txt` and `tagmanifest-sha256.txt`.
    static func tags(_ files: [PayloadFile], info: BagInfo) -> [String: String] {
        let bagit = "BagIt-Version: \(version)\nTag-File-Character-Encoding: UTF-8\n"
        let octets = files.reduce(0) { $0 + $1.bytes.count }
        var bagInfo = """
            Source-Organization: \(oneLine(info.sourceOrganization))
            External-Identifier: \(oneLine(info.externalIdentifier))
            Bagging-Date: \(info.baggingDate)
            Payload-Oxum: \(octets).\(files.count)
            Bag-Software-Agent: \(Producer.name) \(Producer.version)

            """
        if let description = info.externalDescription { bagInfo += "External-Description: \(oneLine(description))\n" }
        let manifest = files.map { "\(Hex.sha256($0.bytes))  data/\(encode($0.path))\n" }.joined()
        var tags = ["bagit.txt": bagit, "bag-info.txt": bagInfo, "manifest-sha256.txt": manifest]
        tags["tagmanifest-sha256.txt"] = tags.keys.sorted().map { name in
            "\(Hex.sha256(Array(tags[name]!.utf8)))  \(name)\n"
        }.joined()
        return tags
    }

    /// A tag value on one line: line breaks would start a new label.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// RFC 8493 §2.1.3: CR, LF and % in a manifest's file names are percent-encoded.
    static func encode(_ path: String) -> String {
        var out = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Relative, no empty, `.` or `..` component, no NUL.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
