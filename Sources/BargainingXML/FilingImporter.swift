internal import XMLCore
import Bargaining

/// A document read back from a filing.
public enum ImportedDocument: Hashable, Sendable {
    case contract(FiledContract)
    case congressRecord(CongressRecord)
}

/// Reads filings back — a single XML file, or a BagIt bag of them — into values the CLI can put
/// into the contract index.
///
/// The input is untrusted (another system's export, an upload). It is parsed by XMLCore's
/// ``SafeXMLReader`` rules on the system libxml2: no DOCTYPE at all (so no entities, internal
/// or external), no network, no DTD loading, no `XML_PARSE_HUGE`, a size cap checked before
/// parsing and a depth cap enforced while parsing. It must then be valid against our schema and
/// consistent with itself. A bag's checksums are all verified before any of its documents is
/// parsed, and a bag is imported whole or not at all.
public struct FilingImporter {
    /// Per document; checked before anything is read into memory when reading files.
    public let maximumBytes: Int
    /// Our documents nest six levels deep; the cap leaves room without inviting abuse.
    public let maximumDepth: Int
    let schemas: ExportSchemas
    /// Which signatures are required and trusted.
    public let signatures: SignaturePolicy

    public static let defaultMaximumBytes = SafeXMLReader.defaultMaximumBytes
    public static let defaultMaximumDepth = 32

    public init(schemas: ExportSchemas, signatures: SignaturePolicy = SignaturePolicy(trustedKeys: nil),
                maximumBytes: Int = defaultMaximumBytes, maximumDepth: Int = defaultMaximumDepth) {
        precondition(maximumBytes >= 0, "maximumBytes must not be negative")
        self.schemas = schemas
        self.signatures = signatures
        self.maximumBytes = maximumBytes
        self.maximumDepth = min(max(maximumDepth, 1), SafeXMLReader.maximumSupportedDepth)
    }

    /// Imports a file or a bag directory.
    public func importPath(_ path: String) throws(ImportError) -> [ImportedDocument] {
        switch FileSystem.kind(path) {
        case .directory?:
            return try importBag(at: path)
        case .file?:
            let bytes = try readFile(path)
            return [try importDocument(bytes, name: path)]
        case .symbolicLink?:
            throw .io(path: path, reason: "is a symbolic link; name the file itself")
        case .other?:
            throw .io(path: path, reason: "is not a regular file or a directory")
        case nil:
            throw .io(path: path, reason: "no such file or directory")
        }
    }

    /// Verifies the bag's manifests and checksums, then reads every XML document of its payload
    /// (except the schemas under `data/schema/`), in path order. Akoma Ntoso renditions beside
    /// our documents are passed over, since they are not read back; any other failure refuses
    /// the bag.
    public func importBag(at path: String) throws(ImportError) -> [ImportedDocument] {
        let bag = try BagReader(maximumFileBytes: maximumBytes).read(path)
        try signatures.checkTagManifest(bag.tagManifest, signature: bag.tagManifestSignature, bag: path)
        var documents: [ImportedDocument] = []
        for file in bag.payload where file.path.hasSuffix(".xml") && !file.path.hasPrefix("data/schema/") {
            do {
                documents.append(try importDocument(file.bytes, name: "\(path)/\(file.path)"))
            } catch .akomaNtoso {
                continue
            }
        }
        if documents.isEmpty {
            throw .bag(path: path, reason: "the payload holds no bargain-contract or bargain-congress document (data/*.xml)")
        }
        return documents
    }

    /// Reads one document. `name` appears in messages only. Its signature is checked right after
    /// the schema, before any of its facts are read (``SignaturePolicy``).
    public func importDocument(_ bytes: [UInt8], name: String) throws(ImportError) -> ImportedDocument {
        let contractRoot = XMLName(namespace: ContractXML.namespace, localName: ContractXML.root)
        let congressRoot = XMLName(namespace: CongressXML.namespace, localName: CongressXML.root)
        let tree: XMLElement
        do {
            tree = try reader(expecting: contractRoot).read(bytes, documentName: name, validatingAgainst: schemas.contract)
        } catch .wrongRoot(_, let found) where found == congressRoot {
            // The first parse stopped at the root's name; the second validates as a record.
            let record: XMLElement
            do {
                record = try reader(expecting: congressRoot).read(bytes, documentName: name, validatingAgainst: schemas.congress)
            } catch {
                throw Self.refusal(error, name, schema: schemas.congressSchemaPath)
            }
            try signatures.check(bytes, root: record, name: name)
            return .congressRecord(try CongressXML.read(ElementReader(record, document: name)))
        } catch {
            throw Self.refusal(error, name, schema: schemas.contractSchemaPath)
        }
        try signatures.check(bytes, root: tree, name: name)
        return .contract(try ContractXML.read(ElementReader(tree, document: name)))
    }

    private func reader(expecting root: XMLName) -> SafeXMLReader {
        SafeXMLReader(maximumBytes: maximumBytes, maximumDepth: maximumDepth, expectedRoot: root)
    }

    private static func refusal(_ error: XMLReadError, _ name: String, schema: String) -> ImportError {
        switch error {
        case .tooLarge(let bytes, let limit): return .unsafe(document: name, .tooLarge(bytes: bytes, limit: limit))
        case .doctypeForbidden: return .unsafe(document: name, .doctype)
        case .tooDeep(let limit): return .unsafe(document: name, .tooDeep(limit: limit))
        case .invalidUTF8(let diagnostic): return .unsafe(document: name, .invalidUTF8(XMLProblem(diagnostic)))
        case .malformed(let diagnostics): return .unsafe(document: name, .malformed(diagnostics.map(XMLProblem.init)))
        case .invalid(let diagnostics): return .invalid(document: name, schema: schema, problems: diagnostics.map(XMLProblem.init))
        case .wrongRoot(_, let found):
            if found.namespace == AkomaNtoso.namespace { return .akomaNtoso(document: name) }
            if found.localName == ContractXML.root {
                return .wrongNamespace(document: name, found: found.description, expected: "{\(ContractXML.namespace)}\(ContractXML.root)")
            }
            if found.localName == CongressXML.root {
                return .wrongNamespace(document: name, found: found.description, expected: "{\(CongressXML.namespace)}\(CongressXML.root)")
            }
            return .unknownDocument(document: name, root: found.description)
        }
    }

    private func readFile(_ path: String) throws(ImportError) -> [UInt8] {
        do {
            return try FileSystem.read(path, limit: maximumBytes)
        } catch {
            switch error {
            case .tooLarge(_, let size, let limit): throw .unsafe(document: path, .tooLarge(bytes: size, limit: limit))
            case .symbolicLink: throw .io(path: path, reason: "is a symbolic link; name the file itself")
            case .notAFile: throw .io(path: path, reason: "is not a regular file")
            case .unreadable(_, let reason): throw .io(path: path, reason: reason)
            }
        }
    }
}
