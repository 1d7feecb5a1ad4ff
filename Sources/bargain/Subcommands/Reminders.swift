import ArgumentParser
import Bargaining
import BargainingCoverage
import BargainingOffice
import BargainingService
import BargainingStore
import Foundation

extension Bargain {
    struct Reminders: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reminders",
            abstract: "Write a special reminder letter (特别提示函) to each laggard, once a day, and record it as sent.",
            discussion: """
                Example:
                  bargain reminders --as-of 2025-12-31 --out letters/ --issuer 北京市大兴区总工会
                  bargain reminders --as-of 2025-12-31 --out letters/ --district 大兴区
                  bargain reminders --as-of 2025-12-31 --out letters/ --format docx

                For each laggard of `bargain coverage laggards` that has not had a letter on \
                --as-of, writes DIR/DATE-CODE-特别提示函.txt (UTF-8, in Chinese): the situation, \
                what is due and by when, the legal basis quoted (集体合同规定 arts 32 and 38, \
                北京市实施《工会法》办法 arts 21 and 55) and the later rungs of the policy's \
                escalation ladder. Once every letter is written, they are recorded in the store's \
                reminder ledger as sent that day (the ladder's reminder-letter rung), so a second \
                run on the same day writes nothing and says so. If writing a letter fails, none is \
                recorded, and the next run writes them all again.

                The issuer signs each letter: --issuer NAME, else "<district>总工会" with \
                --district, else "区总工会".

                --format docx writes each letter as a Word document in the official layout \
                (GB/T 9704 margins, 文号 above the centred title 特别提示函, addressee, body, legal \
                basis, the issuer and date right-aligned below room for the seal), and all of the \
                run's letters in one more file, DATE-特别提示函-合并打印.docx, to print at once; \
                --format html the same layout as web pages. The 文号 (工提〔YEAR〕N号) numbers the \
                reminders of each district in the year, in the order the ledger records them.

                Prints one line per letter written and a count. With --json, prints one object: \
                asOf, out, issuer, written[] {enterprise, name, reason, file}, merged (the file of all \
                letters; null for txt), alreadySent (laggards that had their letter that day).
                """)

        @OptionGroup var day: CoverageDayOptions

        @Option(help: ArgumentHelp("The directory the letters are written into (created if missing).", valueName: "dir"),
                completion: .directory)
        var out: String

        @Option(help: ArgumentHelp("Who signs the letters (default: \"<district>总工会\" with --district, else \"区总工会\").", valueName: "name"))
        var issuer: String?

        @Option(help: ArgumentHelp("Only the registry enterprises of this district (区).", valueName: "name"))
        var district: String?

        @Option(help: ArgumentHelp("How the letters are written: txt (plain text), docx (Word, the official layout, plus one file of all letters to print) or html (that layout for a browser).",
                                   valueName: "format"))
        var format: LetterFormat = .txt

        enum LetterFormat: String, ExpressibleByArgument, CaseIterable {
            case txt, docx, html
        }

        @OptionGroup var policy: PolicyOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        struct Document: Encodable {
            struct Letter: Encodable {
                var enterprise: CreditCode
                var name: String
                var reason: Laggard.Reason
                var file: String
            }

            var asOf: Day
            var out: String
            var issuer: String
            var written: [Letter]
            /// All the run's letters in one file, to print (docx and html only).
            var merged: String?
            var alreadySent: Int

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(asOf, forKey: .asOf)
                try container.encode(out, forKey: .out)
                try container.encode(issuer, forKey: .issuer)
                try container.encode(written, forKey: .written)
                try container.encode(merged, forKey: .merged)
                try container.encode(alreadySent, forKey: .alreadySent)
            }

            enum CodingKeys: String, CodingKey { case asOf, out, issuer, written, merged, alreadySent }
        }

        var signer: String { issuer ?? district.map { "\($0)总工会" } ?? "区总工会" }

        func validate() throws {
            if let issuer, issuer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--issuer needs a name") }
        }

        func run() async throws {
            try await reportingFailures {
                let policy = try self.policy.load()
                let asOf = day.asOf
                let catalog = WorkflowCatalog(path: try self.policy.workflows.path())
                let document = try await store.withCoverageStore { store in
                    let laggards = try await CoverageSources(store: store, workflows: catalog).laggards(policy: policy, asOf: asOf, district: district)
                    let ledger = try await store.reminderLedger()
                    let unsent = ledger.unsent(laggards, on: asOf)
                    let references = format == .txt || unsent.isEmpty ? [:]
                        : references(for: unsent, ledger: ledger, registry: try await store.registry())
                    let (letters, merged) = try write(unsent, policy: policy, references: references)
                    // Recorded only once every letter is on disk.
                    var recorded = ledger
                    try await store.recordReminders(recorded.recordSent(unsent, on: asOf))
                    return Document(asOf: asOf, out: out, issuer: signer, written: letters, merged: merged,
                                    alreadySent: laggards.count - unsent.count)
                }
                let stdout = Terminal.standardOutput
                if output.json {
                    stdout.write(try JSONOutput.render(document))
                    return
                }
                for letter in document.written { stdout.line("\(letter.file)  \(letter.name) (\(letter.reason.rawValue))") }
                if document.written.isEmpty {
                    stdout.line(document.alreadySent == 0
                        ? "no laggards as of \(asOf): no letters to write"
                        : "no letters written: all \(document.alreadySent) laggard\(document.alreadySent == 1 ? "" : "s") already had their letter on \(asOf)")
                } else {
                    stdout.line("\(document.written.count) letter\(document.written.count == 1 ? "" : "s") written to \(out) and recorded as sent on \(asOf)"
                        + (document.alreadySent > 0 ? "; \(document.alreadySent) already sent that day" : ""))
                    if let merged = document.merged { stdout.line("all of them in one file to print: \(merged)") }
                }
            }
        }

        /// Each letter's 文号: the district's reminders in the year so far, by the ledger, then
        /// these in order.
        func references(for laggards: [Laggard], ledger: ReminderLedger, registry: [RegistryEnterprise]) -> [CreditCode: String] {
            let districts = Dictionary(registry.map { ($0.uscc, $0.district) }, uniquingKeysWith: { first, _ in first })
            var counts: [String: Int] = [:]
            for entry in ledger.entries where entry.rung == ReminderLetter.rung && entry.sentOn.year == day.asOf.year {
                counts[districts[entry.enterprise] ?? "", default: 0] += 1
            }
            var references: [CreditCode: String] = [:]
            for laggard in laggards {
                counts[laggard.district, default: 0] += 1
                references[laggard.enterprise] = LetterLayout.reference(year: day.asOf.year, number: counts[laggard.district]!)
            }
            return references
        }

        /// Writes each letter into `out`, creating it if needed, and for docx and html the merged
        /// file; each file is complete or absent.
        func write(_ laggards: [Laggard], policy: Policy, references: [CreditCode: String]) throws -> ([Document.Letter], String?) {
            guard !laggards.isEmpty else { return ([], nil) }
            let files = FileManager.default
            do { try files.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                throw CommandFailure("cannot create \(out) (\(error.localizedDescription)); no letter was written or recorded",
                                     exitCode: ExitCodes.cannotWrite)
            }
            var letters: [Document.Letter] = []
            var laidOut: [OfficialLetter] = []
            func save(_ bytes: () throws -> [UInt8], to file: String) throws {
                do { try Data(bytes()).write(to: URL(fileURLWithPath: file), options: .atomic) } catch {
                    let reason = (error as? OfficeError)?.description ?? error.localizedDescription
                    throw CommandFailure("cannot write \(file) (\(reason)); \(letters.count) letter\(letters.count == 1 ? "" : "s") written before it, none recorded as sent: run the command again",
                                         exitCode: ExitCodes.cannotWrite)
                }
            }
            for laggard in laggards {
                let name = String(ReminderLetter.fileName(for: laggard, asOf: day.asOf).dropLast(".txt".count)) + "." + format.rawValue
                let file = (out as NSString).appendingPathComponent(name)
                switch format {
                case .txt:
                    try save({ Array(ReminderLetter.render(for: laggard, policy: policy, asOf: day.asOf, issuer: signer).utf8) }, to: file)
                case .docx, .html:
                    let letter = LetterLayout.letter(for: laggard, policy: policy, asOf: day.asOf, issuer: signer,
                                                     reference: references[laggard.enterprise] ?? "")
                    try save({ try render([letter]) }, to: file)
                    laidOut.append(letter)
                }
                letters.append(Document.Letter(enterprise: laggard.enterprise, name: laggard.name, reason: laggard.reason, file: file))
            }
            guard format != .txt else { return (letters, nil) }
            let merged = (out as NSString).appendingPathComponent("\(day.asOf)-特别提示函-合并打印.\(format.rawValue)")
            try save({ try render(laidOut) }, to: merged)
            return (letters, merged)
        }

        private func render(_ letters: [OfficialLetter]) throws -> [UInt8] {
            format == .docx ? try DOCXWriter.write(letters) : Array(LetterPage.html(letters).utf8)
        }
    }
}
