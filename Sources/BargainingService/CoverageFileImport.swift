import Bargaining
import BargainingCoverage
import BargainingFiles
import BargainingOffice
import BargainingStore

/// The three coverage files staff keep (issue 5, issue 12 item 7, issue 16 item 3).
public enum CoverageFileKind: String, Sendable, CaseIterable {
    /// The registry of enterprises (企业名录).
    case registry
    /// Historical contracts (集体合同台账).
    case contracts
    /// Congress sessions (职代会召开情况).
    case congress

    /// What the counts count.
    public var rowsNoun: String {
        switch self {
        case .registry: "enterprises"
        case .contracts: "contracts"
        case .congress: "sessions"
        }
    }
}

/// Where the file's bytes are: a file on disk (the CLI, read in chunks) or in memory (an upload).
public enum CoverageFileSource: Sendable {
    case path(String)
    case bytes([UInt8])
}

/// A file that cannot be read as a coverage file at all, in one sentence; nothing is imported.
public enum CoverageFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A sheet was named for a file that is not a workbook.
    case sheetOfText(file: String)
    /// An encoding was named for a workbook, whose text has none to choose.
    case encodingOfWorkbook(file: String)
    case unreadableWorkbook(String)

    public var description: String {
        switch self {
        case .sheetOfText(let file): "--sheet is for Excel workbooks; \(file) is not one"
        case .encodingOfWorkbook(let file): "--encoding is for CSV files; \(file) is an Excel workbook"
        case .unreadableWorkbook(let sentence): sentence
        }
    }
}

/// What reading a file found, before anything is stored: the rows set aside with their reasons,
/// and what was decided about the file.
public struct CoverageFileRead: Sendable {
    /// Rows set aside (``CSVImportMode/skipInvalid``), each with its line and reasons.
    public var rejected: [CSVRejectedRow]
    public var notes: CSVImportNotes
    /// The workbook's sheet that was read; nil for a CSV file.
    public var sheet: String?
    /// Contracts listing enterprises the registry does not (imported with them).
    public var unregistered: [UnregisteredEnterprises]
}

/// What an import did, or with `dryRun` would do.
public struct CoverageImportOutcome: Sendable {
    public var kind: CoverageFileKind
    /// The store's counts of the rows read (not those set aside).
    public var counts: UpsertCounts
    public var read: CoverageFileRead
    /// True when nothing was stored: the counts are what the import would give.
    public var dryRun: Bool
}

/// One coverage file imported into a store: the one library call behind `bargain registry|
/// contracts|congress import` (with `--dry-run`) and the district page's upload, preview and
/// confirm (issue 16 item 3). The file is told a workbook by its first bytes (else its name),
/// read as staff save it (GBK, title rows, Chinese headers), checked row by row against the
/// stored registry and, for a district's staff, against their district (``ImportScope``), and
/// written in one transaction, or with `dryRun` written and rolled back so that the counts are
/// the ones a real import gives.
public struct CoverageFileImport: Sendable {
    public var kind: CoverageFileKind
    /// The file's name in messages (`FILE:LINE: …`).
    public var file: String
    /// A workbook's sheet (default: the first).
    public var sheet: String?
    public var mode: CSVImportMode
    public var options: CSVReadOptions

    public init(kind: CoverageFileKind, file: String, sheet: String? = nil, mode: CSVImportMode = .allOrNothing,
                options: CSVReadOptions = CSVReadOptions()) {
        self.kind = kind
        self.file = file
        self.sheet = sheet
        self.mode = mode
        self.options = options
    }

    /// Reads `source` and records its rows in `store` (nothing with `dryRun`). `district`: the
    /// importing staff's district, whose rows alone are accepted; nil for the city or the CLI.
    /// Throws ``CSVImportFailure`` for a refused file (every problem, by line) and
    /// ``CoverageFileError`` for one that cannot be read; nothing is stored then.
    /// `beforeStoring` sees what was read before the store is written (the CLI saves the rows
    /// set aside first, so that they are never lost); what it throws stops the import.
    public func run(_ source: CoverageFileSource, into store: any CoverageStore, district: String?, dryRun: Bool,
                    beforeStoring: (CoverageFileRead) throws -> Void = { _ in }) async throws -> CoverageImportOutcome {
        try await run(source, district: district, dryRun: dryRun, beforeStoring: beforeStoring) { try await $0(store) }
    }

    /// ``run(_:into:district:dryRun:beforeStoring:)`` with the store opened by `storeScope` (the
    /// CLI's, which creates it) only once it is needed: a registry file is read and checked
    /// first, so that a refused one leaves no store behind; the other files, and a district's
    /// registry, are checked against the stored registry.
    public func run(_ source: CoverageFileSource, district: String?, dryRun: Bool, beforeStoring: (CoverageFileRead) throws -> Void = { _ in },
                    storeScope: (_ body: (any CoverageStore) async throws -> CoverageImportOutcome) async throws -> CoverageImportOutcome)
        async throws -> CoverageImportOutcome {
        if kind == .registry && district == nil {
            let prepared = try prepare(source, registry: [], district: nil)
            try beforeStoring(prepared.read)
            return try await storeScope { try await record(prepared, into: $0, dryRun: dryRun) }
        }
        return try await withoutActuallyEscaping(beforeStoring) { beforeStoring in
            try await storeScope { store in
                let prepared = try prepare(source, registry: try await store.registry(), district: district)
                try beforeStoring(prepared.read)
                return try await record(prepared, into: store, dryRun: dryRun)
            }
        }
    }

    /// The rows read, of the file's kind, and what reading found.
    private struct Prepared {
        enum Rows {
            case registry([RegistryEnterprise])
            case contracts([CoverageContract])
            case congress([CoverageCongressSession])
        }

        var rows: Rows
        var read: CoverageFileRead
    }

    /// Reads and checks the file against `registry` (the stored one; empty when a registry file
    /// is imported without a district).
    private func prepare(_ source: CoverageFileSource, registry: [RegistryEnterprise], district: String?) throws -> Prepared {
        var options = options
        if let district {
            options.scope = ImportScope(district: district,
                                        registered: Dictionary(registry.map { ($0.uscc, $0.district) }, uniquingKeysWith: { first, _ in first }))
        }
        let known = registry.map(\.uscc)
        var sheetName: String?
        func read<Row>(file readFile: (String, CSVReadOptions) throws(CSVImportFailure) -> CSVImport<Row>,
                       bytes readBytes: ([UInt8], CSVReadOptions) throws(CSVImportFailure) -> CSVImport<Row>) throws -> CSVImport<Row> {
            switch (source, isWorkbook(source)) {
            case (_, true):
                if options.encoding != .automatic { throw CoverageFileError.encodingOfWorkbook(file: file) }
                let (csv, name) = try WorkbookRows.csv(source, file: file, sheet: sheet)
                sheetName = name
                var text = options
                text.encoding = .utf8
                return try readBytes(csv, text)
            case (.path(let path), false):
                if sheet != nil { throw CoverageFileError.sheetOfText(file: file) }
                return try readFile(path, options)
            case (.bytes(let bytes), false):
                if sheet != nil { throw CoverageFileError.sheetOfText(file: file) }
                return try readBytes(bytes, options)
            }
        }
        func found<Row>(_ read: CSVImport<Row>, unregistered: [UnregisteredEnterprises] = []) -> CoverageFileRead {
            CoverageFileRead(rejected: read.rejected, notes: read.notes, sheet: sheetName, unregistered: unregistered)
        }
        switch kind {
        case .registry:
            let read = try read(file: { (path, options) throws(CSVImportFailure) in
                try RegistryCSV.read(contentsOf: path, mode: mode, options: options)
            }, bytes: { (bytes, options) throws(CSVImportFailure) in
                try RegistryCSV.read(bytes, file: file, mode: mode, options: options)
            })
            return Prepared(rows: .registry(read.rows), read: found(read))
        case .contracts:
            let read = try read(file: { (path, options) throws(CSVImportFailure) in
                try ContractsCSV.read(contentsOf: path, knownEnterprises: known, mode: mode, options: options)
            }, bytes: { (bytes, options) throws(CSVImportFailure) in
                try ContractsCSV.read(bytes, file: file, knownEnterprises: known, mode: mode, options: options)
            })
            return Prepared(rows: .contracts(read.rows),
                            read: found(read, unregistered: UnregisteredEnterprises.find(in: read.rows, registry: Set(known))))
        case .congress:
            let read = try read(file: { (path, options) throws(CSVImportFailure) in
                try CongressCSV.read(contentsOf: path, knownEnterprises: known, mode: mode, options: options)
            }, bytes: { (bytes, options) throws(CSVImportFailure) in
                try CongressCSV.read(bytes, file: file, knownEnterprises: known, mode: mode, options: options)
            })
            return Prepared(rows: .congress(read.rows), read: found(read))
        }
    }

    /// The rows written in one transaction, or with `dryRun` written and rolled back.
    private func record(_ prepared: Prepared, into store: any CoverageStore, dryRun: Bool) async throws -> CoverageImportOutcome {
        let counts = switch prepared.rows {
        case .registry(let rows): try await store.upsertRegistry(rows, dryRun: dryRun)
        case .contracts(let rows): try await store.recordExternal(contracts: rows, congressRecords: [], dryRun: dryRun)
        case .congress(let rows): try await store.recordCongressSessions(rows, dryRun: dryRun)
        }
        return CoverageImportOutcome(kind: kind, counts: counts, read: prepared.read, dryRun: dryRun)
    }

    private func isWorkbook(_ source: CoverageFileSource) -> Bool {
        switch source {
        case .path(let path): OfficeFileKind.of(path: path) != .other
        case .bytes(let bytes): OfficeFileKind.of(bytes: bytes, name: file) != .other
        }
    }
}
