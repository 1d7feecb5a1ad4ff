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
            abstract: "Climb the escalation ladder for each laggard: a special reminder letter (特别提示函) first, the next rung once its time has run out.",
            discussion: """
                Example:
                  bargain reminders --as-of 2025-12-31 --out letters/
                  bargain reminders --as-of 2025-12-31 --out letters/ --district 大兴区 --format txt

                For each laggard of `bargain coverage laggards`, finds its rung on the policy's \
                escalation ladder from the store's reminder ledger (from the reminder letter on: \
                letter 15 days, rectification opinion 15, referral 30, credit listing in \
                workflows/policy/beijing.yaml) and acts on it:
                  - no rung yet: writes the special reminder letter (the 'reminder-letter' rung);
                  - inside the rung's response window (counted with the holiday calendar, \
                    Civil Code art 203): nothing, and says until when;
                  - the window has run out: moves the enterprise to the next rung, recorded that \
                    day (the rectification opinion and later rungs are taken by staff; the \
                    output lists them);
                  - on the last rung: nothing further.
                Only the ledger entries of the enterprise's present lapse count (from the \
                reminder window before its coverage ended); one that renewed starts again at \
                the letter. A second run on the same day changes nothing.

                --as-of must be a day that has come and that the holiday calendar covers: the \
                run records what it did on that day (a later day is a usage error, 64; a year \
                the calendar lacks a data error, 65).

                Letters are written into DIR as DATE-CODE-特别提示函.docx (the default, --format \
                docx: GB/T 9704 margins, 文号 above the centred title, addressee, body, legal basis \
                (集体合同规定 arts 32 and 38, 北京市实施《工会法》办法 arts 21 and 55), the later \
                rungs, the issuer and date right-aligned below room for the seal, the contact \
                person and phone), plus DATE-特别提示函-合并打印.docx with all of the run's letters \
                to print at once; --format html the same layout as web pages, --format txt plain \
                UTF-8 text. The 文号 (工提〔YEAR〕N号) numbers the letters of each district in the \
                year, in the order the ledger records them.

                The issuer, contact person and phone of each district come from the policy's \
                `districts:` map (--issuer overrides the issuer); a district the map lacks signs \
                as "<district>总工会" without a contact, with a warning. Once every letter is \
                written, the letters and rungs are recorded in the ledger; if writing a letter \
                fails, nothing is recorded. Each run also writes DIR/督促登记簿.xlsx, the register \
                of every rung taken so far (date, 文号, enterprise, district, street, rung, answer \
                due by; with --district, that district's), rewritten whole from the ledger so the \
                letters' directory always holds a complete copy.

                Prints one line per laggard (credit code, name, rung, since, answer due by, what \
                this run did) and a count. With --json, prints one object: asOf, out, \
                written[] {enterprise, name, reason, issuer, reference, file}, merged (the file \
                of all letters; null for txt), register (督促登记簿.xlsx, null while the ledger \
                is empty), ladder[] {enterprise, name, district, rung, \
                title, step (take, taken, waiting, top), since, answerBy}.
                """)

        @OptionGroup var day: CoverageDayOptions

        @Option(help: ArgumentHelp("The directory the letters are written into (created if missing).", valueName: "dir"),
                completion: .directory)
        var out: String

        @Option(help: ArgumentHelp("Who signs the letters (default: the district's issuer in the policy's districts: map, else \"<district>总工会\").",
                                   valueName: "name"))
        var issuer: String?

        @Option(help: ArgumentHelp("Only the registry enterprises of this district (区).", valueName: "name"))
        var district: String?

        @Option(help: ArgumentHelp("How the letters are written: docx (Word, the official layout, plus one file of all letters to print), html (that layout for a browser) or txt (plain text).",
                                   valueName: "format"))
        var format: LetterFormat = .docx

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
                var issuer: String
                /// The 文号; null for txt letters, which have none.
                var reference: String?
                var file: String

                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(enterprise, forKey: .enterprise)
                    try container.encode(name, forKey: .name)
                    try container.encode(reason, forKey: .reason)
                    try container.encode(issuer, forKey: .issuer)
                    try container.encode(reference, forKey: .reference)
                    try container.encode(file, forKey: .file)
                }

                enum CodingKeys: String, CodingKey { case enterprise, name, reason, issuer, reference, file }
            }

            struct Rung: Encodable {
                var enterprise: CreditCode
                var name: String
                var district: String
                var rung: String
                var title: String
                var step: LadderStanding.Step
                var since: Day
                var answerBy: Day?

                init(_ standing: LadderStanding) {
                    enterprise = standing.laggard.enterprise
                    name = standing.laggard.name
                    district = standing.laggard.district
                    rung = standing.rung
                    title = standing.title
                    step = standing.step
                    since = standing.since
                    answerBy = standing.answerBy
                }

                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(enterprise, forKey: .enterprise)
                    try container.encode(name, forKey: .name)
                    try container.encode(district, forKey: .district)
                    try container.encode(rung, forKey: .rung)
                    try container.encode(title, forKey: .title)
                    try container.encode(step, forKey: .step)
                    try container.encode(since, forKey: .since)
                    try container.encode(answerBy, forKey: .answerBy)
                }

                enum CodingKeys: String, CodingKey { case enterprise, name, district, rung, title, step, since, answerBy }
            }

            var asOf: Day
            var out: String
            var written: [Letter]
            /// All the run's letters in one file, to print (docx and html only).
            var merged: String?
            /// `督促登记簿.xlsx`: every rung taken so far, this run's included; null with none.
            var register: String?
            var ladder: [Rung]

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(asOf, forKey: .asOf)
                try container.encode(out, forKey: .out)
                try container.encode(written, forKey: .written)
                try container.encode(merged, forKey: .merged)
                try container.encode(register, forKey: .register)
                try container.encode(ladder, forKey: .ladder)
            }

            enum CodingKeys: String, CodingKey { case asOf, out, written, merged, register, ladder }
        }

        func validate() throws {
            if let issuer, issuer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--issuer needs a name") }
        }

        func run() async throws {
            try await reportingFailures {
                let policy = try self.policy.load()
                let asOf = day.asOf
                let calendar = try self.policy.workflows.calendar()
                if let problem = AsOfCheck.problem(asOf, calendar: calendar) {
                    throw CommandFailure("\(problem.sentence); reminders records what it does on that day, so it takes only a day that has come and that the calendar covers",
                                         exitCode: problem.exitCode)
                }
                let ladder: ReminderLadder
                do { ladder = try ReminderLadder(policy: policy, calendar: calendar) } catch {
                    throw CommandFailure("\(try self.policy.file()): \(error)", exitCode: ExitCodes.dataError)
                }
                let catalog = WorkflowCatalog(path: try self.policy.workflows.path())
                let reminders = ReminderRun(policy: policy, ladder: ladder, asOf: asOf, district: district, issuer: issuer)
                var written: [Document.Letter] = []
                var merged: String?
                var register: String?
                let outcome: ReminderRun.Outcome
                do {
                    outcome = try await store.withCoverageStore { store in
                        try await reminders.run(CoverageSources(store: store, workflows: catalog)) { outcome in
                            for district in outcome.unlistedDistricts {
                                Terminal.standardError.line("warning: the policy has no 'districts: \(district)' entry: its letters are signed \(reminders.office(of: district).issuer) and name no contact person or phone")
                            }
                            (written, merged) = try write(outcome.letters, policy: policy)
                            register = try writeRegister(outcome.register, policy: policy)
                        }
                    }
                } catch let error as ReminderRun.WindowError {
                    throw CommandFailure(error.description, exitCode: ExitCodes.dataError)
                }
                let document = Document(asOf: asOf, out: out, written: written, merged: merged, register: register,
                                        ladder: outcome.standings.map(Document.Rung.init))
                let stdout = Terminal.standardOutput
                if output.json {
                    stdout.write(try JSONOutput.render(document))
                    return
                }
                stdout.write(LadderReport(document: document).render(for: stdout))
            }
        }

        /// The register of every rung taken, `督促登记簿.xlsx` beside the letters: rewritten whole
        /// by each run from the ledger, so the copy in the letters' directory is always complete.
        /// Nil when the ledger is empty.
        func writeRegister(_ rows: [ReminderRegisterSheet.Row], policy: Policy) throws -> String? {
            guard !rows.isEmpty else { return nil }
            do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                throw CommandFailure("cannot create \(out) (\(error.localizedDescription)); nothing was recorded", exitCode: ExitCodes.cannotWrite)
            }
            let path = (out as NSString).appendingPathComponent("督促登记簿.xlsx")
            let sheet = ReminderRegisterSheet(asOf: day.asOf, policy: policy)
            do {
                try ReportFile.write([sheet.table(rows)], title: "督促登记簿", chart: { nil }, as: .xlsx, to: path)
            } catch let failure as CommandFailure {
                throw CommandFailure(failure.description + "; the letters are written, nothing was recorded: run the command again", exitCode: failure.exitCode)
            }
            return path
        }

        /// Writes each letter into `out`, creating it if needed, and for docx and html the merged
        /// file; each file is complete or absent.
        func write(_ run: [ReminderRun.Letter], policy: Policy) throws -> ([Document.Letter], String?) {
            guard !run.isEmpty else { return ([], nil) }
            let files = FileManager.default
            do { try files.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                throw CommandFailure("cannot create \(out) (\(error.localizedDescription)); no letter was written or recorded",
                                     exitCode: ExitCodes.cannotWrite)
            }
            var letters: [Document.Letter] = []
            func save(_ bytes: () throws -> [UInt8], to file: String) throws {
                do { try Data(bytes()).write(to: URL(fileURLWithPath: file), options: .atomic) } catch {
                    let reason = (error as? OfficeError)?.description ?? error.localizedDescription
                    throw CommandFailure("cannot write \(file) (\(reason)); \(letters.count) letter\(letters.count == 1 ? "" : "s") written before it, none recorded as sent: run the command again",
                                         exitCode: ExitCodes.cannotWrite)
                }
            }
            for letter in run {
                let file = (out as NSString).appendingPathComponent(letter.fileStem + "." + format.rawValue)
                switch format {
                case .txt:
                    try save({ Array(ReminderLetter.render(for: letter.laggard, policy: policy, asOf: day.asOf, issuer: letter.issuer,
                                                           contact: letter.contact).utf8) }, to: file)
                case .docx, .html:
                    try save({ try render([letter.layout]) }, to: file)
                }
                letters.append(Document.Letter(enterprise: letter.laggard.enterprise, name: letter.laggard.name, reason: letter.laggard.reason,
                                               issuer: letter.issuer, reference: format == .txt ? nil : letter.reference, file: file))
            }
            guard format != .txt else { return (letters, nil) }
            let merged = (out as NSString).appendingPathComponent("\(day.asOf)-特别提示函-合并打印.\(format.rawValue)")
            try save({ try render(run.map(\.layout)) }, to: merged)
            return (letters, merged)
        }

        private func render(_ letters: [OfficialLetter]) throws -> [UInt8] {
            format == .docx ? try DOCXWriter.write(letters) : Array(LetterPage.html(letters).utf8)
        }
    }
}
