import ArgumentParser
import Bargaining
import BargainingStore
import BargainingXML
import Foundation

extension Bargain {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write filed contracts and workers' congress records as validated XML for archives.",
            discussion: """
                bargain export ID [--out DIR] [--format own|akn]
                  writes negotiation ID's filed contract (ID.contract.xml) and each of its congress \
                  records (ID-congress-N.congress.xml) into DIR (default: the current directory); \
                  for an ID negotiated elsewhere, the documents `bargain import` kept. \
                  Refused, with the reason, until the contract is filed, and while re-agreed terms \
                  are not filed yet. The negotiation's hash chain is recomputed first: a broken \
                  chain refuses the export (exit 1), naming the first event that does not match. \
                  A document describes the contract as of today, as `status` does: a review \
                  window that closed without objection since the last act is exported as the \
                  lapse that put the contract into effect (S1 art 47), though no act recorded it.

                bargain export --filed-from DATE --filed-to DATE --bag DIR [--format own|akn]
                  exports every contract last filed between the two dates (inclusive), with its \
                  congress records, as one BagIt 1.0 bag (RFC 8493) at DIR, which must not exist: \
                  the documents and the schemas they use under data/ (with --format akn, the \
                  Akoma Ntoso renditions beside our own documents, so the bag can be imported), \
                  SHA-256 manifests, and \
                  bag-info.txt (Source-Organization, Bagging-Date, Payload-Oxum, External-Identifier). \
                  The bag is built beside DIR and renamed into place, so it is never half-written. \
                  A progress bar is shown on standard error when it is a terminal.

                --format own (default) follows exports/schema/bargain-contract-1.0.xsd and \
                bargain-congress-1.0.xsd; --format akn writes the Akoma Ntoso 3.0 rendition \
                (contract as doc name="collectiveContract", record as debate). Every document is \
                validated in process before anything is written; one that fails is never written, \
                and libxml2's messages are listed with their line numbers. The same history always \
                gives the same bytes, apart from the export time.

                Every document is in Chinese (xml:lang="zh-CN"; the engine's English explanation \
                follows the Chinese one with xml:lang="en"), cites articles in full \
                (《集体合同规定》第三十六条), and, when the policy names the archive depositor \
                (archive: depositor, credit-code), carries a global id \
                urn:bargain:CREDIT-CODE:ID and a deposit element: depositor, producer and version, \
                export time (UTC).

                --sign-key FILE (or $BARGAIN_SIGN_KEY) signs every document with an enveloped \
                W3C XML Signature (exclusive C14N, SHA-256, ECDSA-SHA256) carrying the public key \
                as KeyValue, so `xmlsec1 --verify --pubkey-pem public.pem FILE` checks a document \
                on its own, and signs a bag's tagmanifest-sha256.txt (tagmanifest-sha256.txt.sig, \
                DER: `openssl dgst -sha256 -verify public.pem -signature \
                tagmanifest-sha256.txt.sig tagmanifest-sha256.txt`). The private key is never \
                written into an export.

                Schemas: --schemas DIR, else $BARGAIN_SCHEMAS, else exports/schema beside the \
                package; the OASIS schema: --akn-schema FILE, else $BARGAIN_AKN_SCHEMA, else \
                ../shared/schemas/akn/akomantoso30.xsd beside the package.
                """)

        @Argument(help: "The negotiation's id (see `bargain list`).")
        var id: String?

        @Option(help: ArgumentHelp("Directory to write into (created if missing; default: the current directory).", valueName: "dir"),
                completion: .directory)
        var out: String?

        @Option(help: ArgumentHelp("own (bargain-contract-1.0 / bargain-congress-1.0) or akn (Akoma Ntoso 3.0).", valueName: "format"))
        var format: ExportFormat = .own

        @Option(name: .customLong("filed-from"), help: ArgumentHelp("With --bag: first filing date, YYYY-MM-DD.", valueName: "date"),
                transform: ActOptions.day)
        var filedFrom: Day?

        @Option(name: .customLong("filed-to"), help: ArgumentHelp("With --bag: last filing date, YYYY-MM-DD.", valueName: "date"),
                transform: ActOptions.day)
        var filedTo: Day?

        @Option(help: ArgumentHelp("Write the batch as a BagIt bag at this new directory.", valueName: "dir"), completion: .directory)
        var bag: String?

        @Option(name: .customLong("source-organization"),
                help: ArgumentHelp("bag-info.txt's Source-Organization (default: $BARGAIN_SOURCE_ORGANIZATION, else the policy's archive depositor, else the contracts' districts).", valueName: "name"))
        var sourceOrganization: String?

        @Option(name: .customLong("external-identifier"),
                help: ArgumentHelp("bag-info.txt's External-Identifier (default: bargain-filed-FROM-to-TO).", valueName: "id"))
        var externalIdentifier: String?

        @Option(name: .customLong("bagging-date"), help: ArgumentHelp("bag-info.txt's Bagging-Date (default: today).", valueName: "date"),
                transform: ActOptions.day)
        var baggingDate: Day?

        @Option(help: ArgumentHelp("Directory holding bargain-contract-1.0.xsd and bargain-congress-1.0.xsd.", valueName: "dir"),
                completion: .directory)
        var schemas: String?

        @Option(name: .customLong("akn-schema"), help: ArgumentHelp("The OASIS akomantoso30.xsd (xml.xsd beside it).", valueName: "file"),
                completion: .file(extensions: ["xsd"]))
        var aknSchema: String?

        @Option(name: .customLong("sign-key"),
                help: ArgumentHelp("Sign every document (XML Signature) and the bag's tag manifest with this ECDSA P-256 private key (default: $BARGAIN_SIGN_KEY; see `bargain keys generate`).", valueName: "file"),
                completion: .file(extensions: ["pem"]))
        var signKey: String?

        /// `scripts/export-samples`: the demo negotiations, exported in memory into DIR.
        @Option(help: .hidden)
        var samples: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var workflows: WorkflowsOptions

        func validate() throws {
            let batch = filedFrom != nil || filedTo != nil || bag != nil
            switch (id != nil, batch, samples != nil) {
            case (true, false, false):
                break
            case (false, true, false):
                guard let filedFrom, let filedTo, bag != nil else {
                    throw ValidationError("a batch export needs --filed-from DATE, --filed-to DATE and --bag DIR")
                }
                if filedTo < filedFrom { throw ValidationError("--filed-to \(filedTo) is before --filed-from \(filedFrom)") }
                if out != nil { throw ValidationError("--out is for one negotiation; a batch goes into --bag DIR") }
            case (false, false, true):
                break
            default:
                throw ValidationError("give a negotiation ID, or --filed-from, --filed-to and --bag for a batch")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let schemaSet = try loadSchemas()
                let directory = try workflows.load()
                let signer = try (signKey ?? ProcessInfo.processInfo.environment["BARGAIN_SIGN_KEY"]).map(KeyFiles.signingKey)
                let exporter = Exporter(schemas: schemaSet, policy: directory.context.policy, signer: signer, exportedAt: Date.now)
                if let samples {
                    let link: ChainLink = { previous, event in HashChain.link(previous: previous, canonicalJSON: event.canonicalJSON) }
                    for path in try exporting({ try SampleExports.write(to: samples, directory: directory, schemas: schemaSet, link: link) }) {
                        Terminal.standardOutput.line(path)
                    }
                } else if let id {
                    try await exportOne(id, exporter, directory)
                } else if let filedFrom, let filedTo, let bag {
                    try await exportBatch(from: filedFrom, to: filedTo, bag: bag, exporter, directory)
                }
            }
        }

        private func exportOne(_ id: String, _ exporter: Exporter, _ directory: WorkflowDirectory) async throws {
            let documents = try await store.withStore(creating: false) { store in
                try await Self.exportingFromStore {
                    try await exporter.documents(negotiation: id, in: store, format: format, asOf: Day.today()) { try directory.engine(for: $0.workflow) }
                }
            }
            let paths = try exporting { try DocumentFiles.write(documents, to: out ?? ".") }
            for path in paths { Terminal.standardOutput.line(path) }
        }

        private func exportBatch(from: Day, to: Day, bag: String, _ exporter: Exporter, _ directory: WorkflowDirectory) async throws {
            let stderr = Terminal.standardError
            var progress = Progress(terminal: stderr)
            let (documents, contracts, districts) = try await store.withStore(creating: false) { store in
                let summaries = try await store.list(NegotiationQuery())
                var documents: [ExportedDocument] = []
                var contracts = 0
                var districts: [String] = []
                for (index, summary) in summaries.enumerated() {
                    progress.show(index, of: summaries.count, summary.id)
                    let history = try await Self.exportingFromStore {
                        try await NegotiationHistory.verified(summary.id, in: store, asOf: Day.today()) { try directory.engine(for: $0.workflow) }
                    }
                    guard let lastFiling = history.state.filings.last, (from...to).contains(lastFiling.on) else { continue }
                    do {
                        // A bag always carries our own documents (what `bargain import` reads back);
                        // --format akn adds the Akoma Ntoso renditions beside them.
                        documents += try exporter.documents(for: history, format: .own)
                        if format == .akn { documents += try exporter.documents(for: history, format: .akn) }
                    } catch ExportError.notFiled(let negotiation, let reason) {
                        progress.clear()
                        stderr.line("skipped \(negotiation): \(reason)")
                        continue
                    } catch let error as ExportError {
                        progress.clear()
                        throw CommandFailure("\(summary.id): \(error.description)", exitCode: Self.exitCode(error))
                    }
                    contracts += 1
                    if let district = summary.district, !districts.contains(district) { districts.append(district) }
                }
                progress.show(summaries.count, of: summaries.count, "")
                progress.clear()
                return (documents, contracts, districts)
            }
            guard contracts > 0 else {
                throw CommandFailure("no contract was filed between \(from) and \(to); no bag was written", exitCode: ExitCodes.refused)
            }
            let environment = ProcessInfo.processInfo.environment
            let info = BagInfo(
                sourceOrganization: sourceOrganization ?? environment["BARGAIN_SOURCE_ORGANIZATION"]
                    ?? exporter.deposit?.depositor.name ?? (districts.isEmpty ? "bargain" : districts.joined(separator: "; ")),
                externalIdentifier: externalIdentifier ?? "bargain-filed-\(from)-to-\(to)",
                baggingDate: baggingDate ?? Day.today(),
                externalDescription: "\(contracts) filed collective contract(s), filed \(from) to \(to), with their workers' congress records (\(format == .own ? "bargain-contract-1.0 / bargain-congress-1.0" : "Akoma Ntoso 3.0"))")
            let schemaSet = exporter.schemas
            _ = try exporting { try BagWriter.write(try BagWriter.payload(documents, schemas: schemaSet), info: info, signer: exporter.signer, to: bag) }
            Terminal.standardOutput.line("\(bag): \(contracts) contract(s), \(documents.count) document(s)")
        }

        private func loadSchemas() throws -> ExportSchemas {
            let located = ExportSchemas.locate()
            guard let directory = schemas ?? located.directory else {
                throw CommandFailure("cannot find bargain-contract-1.0.xsd: pass --schemas DIR or set BARGAIN_SCHEMAS to exports/schema",
                                     exitCode: ExitCodes.dataError)
            }
            return try exporting { try ExportSchemas(directory: directory, aknSchema: aknSchema ?? located.aknSchema) }
        }

        /// Runs `body`, turning an ``ExportError`` into the command's message and exit status.
        static func exporting<T>(_ body: () throws -> T) throws -> T {
            do {
                return try body()
            } catch let error as ExportError {
                throw CommandFailure(error.description, exitCode: exitCode(error))
            }
        }

        private func exporting<T>(_ body: () throws -> T) throws -> T {
            try Self.exporting(body)
        }

        /// The same for the store's asynchronous export path.
        static func exportingFromStore<T>(_ body: () async throws -> T) async throws -> T {
            do {
                return try await body()
            } catch let error as ExportError {
                throw CommandFailure(error.description, exitCode: exitCode(error))
            }
        }

        /// Refusals the chair can act on are 1; unusable data or files are 65.
        static func exitCode(_ error: ExportError) -> ExitCode {
            switch error {
            case .notFiled, .incomplete, .brokenChain: ExitCodes.refused
            case .history, .invalid, .unwritable, .schemaUnavailable, .io: ExitCodes.dataError
            }
        }
    }
}

/// `[#######-------]  12/40  ENT-2025-012` on standard error, redrawn in place; nothing when
/// standard error is not a terminal.
private struct Progress {
    let terminal: Terminal
    private var shown = false

    init(terminal: Terminal) { self.terminal = terminal }

    mutating func show(_ done: Int, of total: Int, _ label: String) {
        guard terminal.isTTY, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        terminal.replaceLine("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                             + "] \(done)/\(total) \(label)")
        shown = true
    }

    mutating func clear() {
        guard shown else { return }
        terminal.replaceLine("")
        shown = false
    }
}

extension ExportFormat: ExpressibleByArgument {}
