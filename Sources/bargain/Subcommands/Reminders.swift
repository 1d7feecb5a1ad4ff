import ArgumentParser
import Bargaining
import BargainingCoverage
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

                Prints one line per letter written and a count. With --json, prints one object: \
                asOf, out, issuer, written[] {enterprise, name, reason, file}, alreadySent (laggards \
                that had their letter that day).
                """)

        @OptionGroup var day: CoverageDayOptions

        @Option(help: ArgumentHelp("The directory the letters are written into (created if missing).", valueName: "dir"),
                completion: .directory)
        var out: String

        @Option(help: ArgumentHelp("Who signs the letters (default: \"<district>总工会\" with --district, else \"区总工会\").", valueName: "name"))
        var issuer: String?

        @Option(help: ArgumentHelp("Only the registry enterprises of this district (区).", valueName: "name"))
        var district: String?

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
            var alreadySent: Int
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
                    let letters = try write(unsent, policy: policy)
                    // Recorded only once every letter is on disk.
                    var recorded = ledger
                    try await store.recordReminders(recorded.recordSent(unsent, on: asOf))
                    return Document(asOf: asOf, out: out, issuer: signer, written: letters, alreadySent: laggards.count - unsent.count)
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
                }
            }
        }

        /// Writes each letter into `out`, creating it if needed; each file is complete or absent.
        func write(_ laggards: [Laggard], policy: Policy) throws -> [Document.Letter] {
            guard !laggards.isEmpty else { return [] }
            let files = FileManager.default
            do { try files.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                throw CommandFailure("cannot create \(out) (\(error.localizedDescription)); no letter was written or recorded",
                                     exitCode: ExitCodes.cannotWrite)
            }
            var letters: [Document.Letter] = []
            for laggard in laggards {
                let file = (out as NSString).appendingPathComponent(ReminderLetter.fileName(for: laggard, asOf: day.asOf))
                let text = ReminderLetter.render(for: laggard, policy: policy, asOf: day.asOf, issuer: signer)
                do { try text.write(toFile: file, atomically: true, encoding: .utf8) } catch {
                    throw CommandFailure("cannot write \(file) (\(error.localizedDescription)); \(letters.count) letter\(letters.count == 1 ? "" : "s") written before it, none recorded as sent: run the command again",
                                         exitCode: ExitCodes.cannotWrite)
                }
                letters.append(Document.Letter(enterprise: laggard.enterprise, name: laggard.name, reason: laggard.reason, file: file))
            }
            return letters
        }
    }
}
