import ArgumentParser
import Bargaining
import BargainingCoverage
import BargainingStore
import BargainingXML
import Foundation

extension Bargain {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read filed contracts and congress records back from XML or a BagIt bag.",
            discussion: """
                bargain import FILE   one bargain-contract-1.0 or bargain-congress-1.0 document
                bargain import BAG    a BagIt bag written by `bargain export --bag` (or any bag \
                                      whose data/ holds such documents)

                The input is treated as untrusted: any DOCTYPE is refused (so no entities and no \
                external files), nothing is fetched from the network, documents are limited in size \
                (--max-bytes, default 50 MB per document) and nesting depth, must be valid UTF-8, \
                valid against the schema and consistent (totals, yuan amounts, credit code check \
                characters; each congress vote's counts possible and its outcome and quorum \
                the ones the congress rule gives, S1 art 36; signed <= filed <= effective <= \
                expiry). A bag's manifests and SHA-256 checksums are all verified before any \
                document in it is read. Nothing is imported unless everything is: one bad file \
                refuses the whole bag. Akoma Ntoso renditions are not read back.

                Signatures: a document's XML Signature, when it has one, must match its content. \
                With --trusted-keys PATH (or $BARGAIN_TRUSTED_KEYS), every document must be \
                signed with one of those keys, and a bag's tagmanifest-sha256.txt.sig must be \
                one's signature of its tag manifest; anything else is refused.

                The documents are recorded in the store for coverage statistics, all in one \
                transaction: each contract in effect (with effective and expiry dates) joins the \
                contract index as an external contract (replacing one imported before under the \
                same id; a negotiation in the store with the same contract id keeps its own \
                record, which is the one counted), and each congress record whose quorum was met \
                counts as a session for the congress establishment rate. Enterprises need not be \
                in the registry yet: a warning on standard error names those it does not list, \
                and they count once `bargain registry import` lists them. The \
                documents themselves are kept whole in the same transaction, so `bargain export \
                ID` writes them again (identical but for the export time); a document identical \
                to the one kept is reported unchanged.

                Example:
                  bargain import exports/samples/ENT-2025-001.contract.xml
                  bargain import filed-2025-bag/ --store postgres://bargain@db.example:5432/bargain

                Prints one line per document and, on standard error, what was recorded; with \
                --json, an array of {kind, id, contract?} where contract is the contract index \
                entry (contractID, level, title, signedOn, effectiveOn, expiresOn, terminatedOn, \
                enterprises, renews).
                """)

        @Argument(help: ArgumentHelp("An XML file, or a bag directory.", valueName: "file-or-bag"), completion: .file())
        var path: String

        @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Largest document accepted, in bytes (default 52428800).", valueName: "n"))
        var maxBytes: Int = FilingImporter.defaultMaximumBytes

        @Option(help: ArgumentHelp("Directory holding bargain-contract-1.0.xsd and bargain-congress-1.0.xsd.", valueName: "dir"),
                completion: .directory)
        var schemas: String?

        @Option(name: .customLong("trusted-keys"),
                help: ArgumentHelp("The depositors' public keys this archive trusts: a PEM file or a directory of *.pem (default: $BARGAIN_TRUSTED_KEYS). With it, every document must be signed by one of them.", valueName: "path"),
                completion: .file())
        var trustedKeys: String?

        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if maxBytes < 1 { throw ValidationError("--max-bytes takes a positive number of bytes") }
        }

        struct Document: Encodable {
            var kind: String
            var id: String
            var contract: ContractRecord?
        }

        func run() async throws {
            try await reportingFailures {
                guard let directory = schemas ?? ExportSchemas.locate().directory else {
                    throw CommandFailure("cannot find bargain-contract-1.0.xsd: pass --schemas DIR or set BARGAIN_SCHEMAS to exports/schema",
                                         exitCode: ExitCodes.dataError)
                }
                let schemaSet = try Export.exporting { try ExportSchemas(directory: directory) }
                let trusted = try (trustedKeys ?? ProcessInfo.processInfo.environment["BARGAIN_TRUSTED_KEYS"]).map(KeyFiles.trustedKeys)
                let imported: [ImportedDocument]
                do {
                    imported = try FilingImporter(schemas: schemaSet, signatures: SignaturePolicy(trustedKeys: trusted), maximumBytes: maxBytes)
                        .importPath(path)
                } catch {
                    throw CommandFailure("\(error)", exitCode: ExitCodes.dataError)
                }
                let documents = imported.map { document -> Document in
                    switch document {
                    case .contract(let contract):
                        Document(kind: "contract", id: contract.contractID, contract: contract.indexEntry)
                    case .congressRecord(let record):
                        Document(kind: "congressRecord", id: record.recordID, contract: nil)
                    }
                }
                let recorded = try await recordForCoverage(imported)
                let stdout = Terminal.standardOutput
                defer { Terminal.standardError.line(recorded) }
                if output.json {
                    stdout.write(try JSONOutput.render(documents))
                    return
                }
                for (document, value) in zip(documents, imported) {
                    switch value {
                    case .contract(let contract):
                        let effective = contract.effectiveOn.map { "effective \($0)" } ?? "not in effect"
                        stdout.line("contract \(document.id): \(contract.level.rawValue), \(contract.enterprises.count) enterprise(s), \(effective), expires \(contract.expiresOn) — \(contract.title)")
                    case .congressRecord(let record):
                        stdout.line("congress record \(document.id): \(record.body) \(record.heldOn), \(record.present)/\(record.total) present, \(record.items.map(\.outcome.rawValue).joined(separator: ", "))")
                    }
                }
            }
        }

        /// Keeps the documents whole and records them for coverage statistics, in one
        /// transaction; returns what was done, in words.
        func recordForCoverage(_ imported: [ImportedDocument]) async throws -> String {
            var contracts: [CoverageContract] = []
            var congressRecords: [ExternalCongressRecord] = []
            var documents: [ArchivedDocument] = []
            var notInEffect: [String] = []
            for document in imported {
                switch document {
                case .contract(let contract):
                    if let entry = CoverageContract(record: contract.indexEntry) {
                        contracts.append(entry)
                    } else {
                        notInEffect.append(contract.contractID)
                    }
                    documents.append(ArchivedDocument(kind: .contract, id: contract.contractID, negotiationID: contract.negotiationID,
                                                      bytes: try Export.exporting { try contract.xmlBytes() }))
                case .congressRecord(let record):
                    congressRecords.append(ExternalCongressRecord(recordID: record.recordID, heldOn: record.heldOn,
                                                                  enterprises: record.enterprises.map(\.creditCode),
                                                                  quorumMet: record.quorumMet))
                    documents.append(ArchivedDocument(kind: .congressRecord, id: record.recordID, negotiationID: record.negotiationID,
                                                      bytes: try Export.exporting { try record.xmlBytes() }))
                }
            }
            let counts = try await store.withCoverageStore { store in
                let registry = Set(try await store.registry().map(\.uscc))
                for unregistered in UnregisteredEnterprises.find(in: contracts, registry: registry) {
                    Terminal.standardError.line(unregistered.warning)
                }
                return try await store.recordImport(contracts: contracts, congressRecords: congressRecords, documents: documents)
            }
            func kept(_ counts: UpsertCounts, _ noun: String) -> String {
                let total = counts.added + counts.updated + counts.unchanged
                return "\(total) \(noun)\(total == 1 ? "" : "s") (\(counts.added) added, \(counts.updated) updated, \(counts.unchanged) unchanged)"
            }
            let sessions = congressRecords.filter(\.quorumMet).count
            var text = "kept: \(kept(counts.contracts, "contract")), \(kept(counts.congressRecords, "congress record")); "
                + "recorded for coverage: \(contracts.count) contract\(contracts.count == 1 ? "" : "s"), \(sessions) congress session\(sessions == 1 ? "" : "s")"
            if congressRecords.count > sessions { text += "; \(congressRecords.count - sessions) congress record(s) without a quorum not counted" }
            if !notInEffect.isEmpty { text += "; not in effect, not counted: \(notInEffect.joined(separator: ", "))" }
            return text
        }
    }
}
