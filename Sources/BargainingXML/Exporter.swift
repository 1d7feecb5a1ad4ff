internal import XMLCore
import BargainingKeys
import Bargaining

/// Our own schemas, or the Akoma Ntoso 3.0 rendition.
public enum ExportFormat: String, CaseIterable, Sendable {
    case own
    case akn
}

/// One exported file, validated, in memory: nothing is on disk until ``DocumentFiles`` or
/// ``BagWriter`` writes it.
public struct ExportedDocument: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case contract
        case congressRecord
    }

    public var kind: Kind
    public var format: ExportFormat
    /// The contract's or record's identifier.
    public var id: String
    /// `ENT-2025-001.contract.xml`, `ENT-2025-001-congress-2.congress.akn.xml`…
    public var fileName: String
    public var bytes: [UInt8]

    public init(kind: Kind, format: ExportFormat, id: String, fileName: String, bytes: [UInt8]) {
        self.kind = kind
        self.format = format
        self.id = id
        self.fileName = fileName
        self.bytes = bytes
    }

    /// The file name for a document of this kind and format about `id`.
    public static func fileName(id: String, kind: Kind, format: ExportFormat) -> String {
        let stem = Spelling.fileStem(id)
        let middle = kind == .contract ? "contract" : "congress"
        return format == .own ? "\(stem).\(middle).xml" : "\(stem).\(middle).akn.xml"
    }
}

/// Builds the documents of a negotiation and validates each against its schema in process, so a
/// document that fails is never handed out, let alone written.
public struct Exporter {
    public let schemas: ExportSchemas
    /// Stamped on every document built from a history; nil writes no `deposit` and no `urn`.
    public let deposit: Deposit?
    /// Signs every document (enveloped XML Signature); nil leaves them unsigned.
    public let signer: SigningKey?
    /// Documents to be embedded in another (OAI-PMH records) are written without the
    /// `xml-stylesheet` instruction: an enveloped signature covers the whole document, the
    /// instruction included, so a record taken out of a response verifies on its own only if
    /// it was signed without one. Their root elements are the same bytes as a file's (the
    /// signature values aside, which differ on every export anyway).
    public var embedded = false

    public init(schemas: ExportSchemas, deposit: Deposit? = nil, signer: SigningKey? = nil) {
        self.schemas = schemas
        self.deposit = deposit
        self.signer = signer
    }

    /// The filed contract and every congress record of a negotiation, in `format`: the contract
    /// first, then the records in session order, each stamped with ``deposit``. Refused before
    /// filing.
    /// `kinds` leaves out the documents of the other kind (an OAI-PMH list of contracts needs no
    /// congress record); a negotiation that is not filed is refused either way.
    public func documents(for history: NegotiationHistory, format: ExportFormat,
                          kinds: Set<ExportedDocument.Kind> = [.contract, .congressRecord]) throws(ExportError) -> [ExportedDocument] {
        var contract = try FiledContract(history)
        contract.deposit = deposit
        var documents = kinds.contains(.contract) ? [try document(for: contract, format: format)] : []
        guard kinds.contains(.congressRecord) else { return documents }
        for var record in try CongressRecord.records(of: history) {
            record.deposit = deposit
            documents.append(try document(for: record, format: format))
        }
        return documents
    }

    /// Documents an import kept (``FilingImporter``'s own-format bytes), exported again: the
    /// contract first, then the congress records by session, each with its depositor as kept and
    /// this export's time and producer, signed with ``signer``. So an archive exports what it was
    /// given, identical but for the export time (and a new signature).
    public func documents(reexporting kept: [[UInt8]], format: ExportFormat) throws(ExportError) -> [ExportedDocument] {
        let importer = FilingImporter(schemas: schemas)
        var contracts: [FiledContract] = []
        var records: [CongressRecord] = []
        for bytes in kept {
            do {
                switch try importer.importDocument(bytes, name: "kept document") {
                case .contract(let contract): contracts.append(contract)
                case .congressRecord(let record): records.append(record)
                }
            } catch {
                throw .history(reason: "a document kept by an import no longer reads back: \(error)")
            }
        }
        var documents: [ExportedDocument] = []
        for var contract in contracts {
            contract.deposit = restamped(contract.deposit)
            documents.append(try document(for: contract, format: format))
        }
        for var record in records.sorted(by: { $0.sessionNumber < $1.sessionNumber }) {
            record.deposit = restamped(record.deposit)
            documents.append(try document(for: record, format: format))
        }
        return documents
    }

    /// The kept depositor, with this export's producer and time.
    private func restamped(_ kept: Deposit?) -> Deposit? {
        guard var kept, let deposit else { return kept }
        kept.producer = deposit.producer
        kept.producerVersion = deposit.producerVersion
        kept.exportedAt = deposit.exportedAt
        return kept
    }

    public func document(for contract: FiledContract, format: ExportFormat) throws(ExportError) -> ExportedDocument {
        let fileName = ExportedDocument.fileName(id: contract.contractID, kind: .contract, format: format)
        let bytes = try signed(try contract.xmlBytes(format: format, stylesheet: !embedded), fileName, kind: .contract, format: format)
        return ExportedDocument(kind: .contract, format: format, id: contract.contractID, fileName: fileName, bytes: bytes)
    }

    public func document(for record: CongressRecord, format: ExportFormat) throws(ExportError) -> ExportedDocument {
        let fileName = ExportedDocument.fileName(id: record.recordID, kind: .congressRecord, format: format)
        let bytes = try signed(try record.xmlBytes(format: format, stylesheet: !embedded), fileName, kind: .congressRecord, format: format)
        return ExportedDocument(kind: .congressRecord, format: format, id: record.recordID, fileName: fileName, bytes: bytes)
    }

    /// `bytes` validated, then signed with ``signer`` and validated again (the schemas allow the
    /// signature as the root's last child).
    private func signed(_ bytes: [UInt8], _ fileName: String, kind: ExportedDocument.Kind, format: ExportFormat) throws(ExportError) -> [UInt8] {
        try validate(bytes, fileName, kind: kind, format: format)
        guard let signer else { return bytes }
        let signed = try signer.sign(document: bytes, format: format, name: fileName)
        try validate(signed, fileName, kind: kind, format: format)
        return signed
    }

    /// Every problem libxml2 finds, with its line; none means valid.
    private func validate(_ bytes: [UInt8], _ fileName: String, kind: ExportedDocument.Kind, format: ExportFormat) throws(ExportError) {
        let (schema, path) = try schemas.schema(for: kind, format: format)
        let problems = schema.validate(bytes, documentName: fileName)
        guard problems.isEmpty else {
            throw .invalid(document: fileName, schema: path, problems: problems.map(XMLProblem.init))
        }
    }
}

extension XMLProblem {
    init(_ diagnostic: XMLDiagnostic) {
        self.init(documentName: diagnostic.documentName, line: diagnostic.line, message: diagnostic.message)
    }
}

extension FiledContract {
    /// The document's bytes in `format`, as ``Exporter`` writes them but without validating
    /// them: for benchmarks, and for checking that what was imported writes back the same.
    /// `stylesheet: false` leaves out the own format's `xml-stylesheet` instruction.
    public func xmlBytes(format: ExportFormat = .own, stylesheet: Bool = true) throws(ExportError) -> [UInt8] {
        do {
            return format == .own ? try ContractXML.bytes(self, stylesheet: stylesheet) : try ContractAKN.bytes(self)
        } catch {
            throw .unwritable(document: ExportedDocument.fileName(id: contractID, kind: .contract, format: format), reason: error.description)
        }
    }
}

extension CongressRecord {
    /// The document's bytes in `format`, not validated; see ``FiledContract/xmlBytes(format:)``.
    public func xmlBytes(format: ExportFormat = .own, stylesheet: Bool = true) throws(ExportError) -> [UInt8] {
        do {
            return format == .own ? try CongressXML.bytes(self, stylesheet: stylesheet) : try CongressAKN.bytes(self)
        } catch {
            throw .unwritable(document: ExportedDocument.fileName(id: recordID, kind: .congressRecord, format: format), reason: error.description)
        }
    }
}

extension ExportSchemas {
    /// Validates `bytes` in process against the schema for `kind` and `format`; no problems
    /// means valid.
    public func validate(_ bytes: [UInt8], name: String, kind: ExportedDocument.Kind, format: ExportFormat) throws(ExportError) -> [XMLProblem] {
        let (schema, _) = try schema(for: kind, format: format)
        return schema.validate(bytes, documentName: name).map(XMLProblem.init)
    }
}
