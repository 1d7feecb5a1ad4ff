import ArgumentParser
import BargainingCoverage
import BargainingService
import BargainingStore
import Foundation

/// What `registry import`, `contracts import` and `congress import` share: the file (CSV or an Excel workbook),
/// `--skip-invalid` with `--rejected FILE`, a refused file reported one problem per line, and the
/// counts printed.
struct CSVImportOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The file as Excel or WPS saves it: an Excel workbook (.xlsx), or CSV in UTF-8 (with or without a byte order mark), GBK/GB18030 or UTF-16; RFC 4180 quoting.", valueName: "file"),
              completion: .file(extensions: ["xlsx", "csv"]))
    var file: String

    @Option(help: ArgumentHelp("With an Excel workbook: the sheet to read (default: the first).", valueName: "name"))
    var sheet: String?

    @Option(help: ArgumentHelp("The file's encoding when detection would be wrong: utf-8, gbk (read as gb18030), utf-16 (default: auto).",
                               valueName: "encoding"),
            transform: { name in
                guard let encoding = CSVEncoding.named(name) else {
                    throw ValidationError("unknown encoding '\(name)'; use utf-8, gbk, gb18030 or utf-16")
                }
                return encoding
            })
    var encoding: CSVEncoding = .automatic

    @Option(help: ArgumentHelp("Take a column whose header no synonym covers as one of the fields, e.g. --map '员工数=employees' (repeatable).",
                               valueName: "column=field"))
    var map: [String] = []

    @Flag(name: .customLong("no-bom"), help: "Write the --rejected file without the byte order mark Excel needs (for scripts).")
    var noBOM = false

    @Flag(name: .customLong("skip-invalid"),
          help: "Import the good rows and set the bad ones aside in --rejected FILE (default: one bad row refuses the whole file).")
    var skipInvalid = false

    @Flag(name: .customLong("dry-run"),
          help: "Read and check the file and say what importing it would add, update and leave unchanged; store nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("With --skip-invalid: where the rows set aside are written, as CSV (line, column, reason, row).",
                               valueName: "file"),
            completion: .file(extensions: ["csv"]))
    var rejected: String?

    func validate() throws {
        if skipInvalid && rejected == nil {
            throw ValidationError("--skip-invalid needs --rejected FILE: where the rows set aside are written, with their reasons")
        }
        if !skipInvalid && rejected != nil { throw ValidationError("--rejected FILE goes with --skip-invalid") }
        _ = try columnNames()
    }

    /// `--map` as header text → field name.
    func columnNames() throws -> [String: String] {
        var names: [String: String] = [:]
        for entry in map {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--map '\(entry)' is not COLUMN=field, e.g. --map '员工数=employees'")
            }
            names[parts[0]] = parts[1]
        }
        return names
    }

    var options: CSVReadOptions {
        CSVReadOptions(encoding: encoding, columnNames: (try? columnNames()) ?? [:])
    }

    var mode: CSVImportMode { skipInvalid ? .skipInvalid : .allOrNothing }

    /// Imports the file into the store (nothing with --dry-run) through the library's
    /// ``CoverageFileImport``, the call the district page's upload makes too. A refusal prints
    /// each problem (file:line: column N (name): reason, a workbook's rows counting as lines) on
    /// standard error and fails with a data error (65) before the store is written. What was
    /// decided about the file (sheet, encoding, header line, columns not used) is said on
    /// standard error, so that nothing is guessed silently; --rejected is written before anything
    /// is stored, so rows set aside are never lost.
    func run(_ kind: CoverageFileKind, store: StoreOptions) async throws -> CoverageImportOutcome {
        let stderr = Terminal.standardError
        let importer = CoverageFileImport(kind: kind, file: file, sheet: sheet, mode: mode, options: options)
        do {
            return try await importer.run(.path(file), district: nil, dryRun: dryRun, beforeStoring: { read in
                if let sheet = read.sheet { stderr.line("\(file): read sheet '\(sheet)' of the workbook") }
                for sentence in read.notes.sentences { stderr.line("\(file): \(sentence)") }
                for unregistered in read.unregistered { stderr.line("\(file): \(unregistered.warning)") }
                guard let rejected else { return }
                do {
                    try Data(CSVRejectedRow.csv(read.rejected, byteOrderMark: !noBOM)).write(to: URL(fileURLWithPath: rejected), options: .atomic)
                } catch {
                    throw CommandFailure("cannot write \(rejected) (\(error.localizedDescription)); nothing was imported", exitCode: ExitCodes.cannotWrite)
                }
            }, storeScope: { try await store.withCoverageStore($0) })
        } catch let error as CSVImportFailure {
            for problem in error.errors { stderr.line(problem.description) }
            let count = error.errors.count
            throw CommandFailure("\(count) problem\(count == 1 ? "" : "s") in \(file); nothing was imported. Correct the file, or import the good rows with --skip-invalid --rejected FILE",
                                 exitCode: ExitCodes.dataError)
        } catch let error as CoverageFileError {
            switch error {
            case .sheetOfText, .encodingOfWorkbook: throw CommandFailure(error.description, exitCode: ExitCodes.usage)
            case .unreadableWorkbook: throw CommandFailure(error.description, exitCode: ExitCodes.dataError)
            }
        }
    }

    /// `--json` of both imports.
    struct Document: Encodable {
        var file: String
        var added: Int
        var updated: Int
        var unchanged: Int
        var rejected: Int
        var rejectedFile: String?
        var dryRun: Bool
    }

    /// What both imports say about the file as saved, and the table of header names.
    static func fileHelp(_ headerNames: [[String]]) -> String {
        let lines = headerNames.map { names in "  \(names[0]): \(names.dropFirst().joined(separator: ", "))" }.joined(separator: "\n")
        return """
            The file as Excel or WPS saves it: an Excel workbook (.xlsx; the first sheet, or \
            --sheet NAME; its rows count as lines in messages), or .csv in UTF-8 (with or without a \
            byte order mark), GBK/GB18030 or UTF-16 with a byte order mark, detected from the bytes \
            (--encoding to force). The header may stand below a few title lines (said in the output); blank rows \
            are skipped; columns not used (序号, 备注, 联系人 …) are named once and ignored. Dates \
            as 2019-05-02, 2019/5/2, 2019.5.2 or 2019年5月2日; numbers with full-width digits or \
            thousands separators (1,186); yes/no as 是/否, 有/无, √/×, Y/N, true/false or 1/0. \
            Header names accepted for each field (spaces, a leading * and full-width letters do \
            not matter; --map 'COLUMN=field' for any other):

            \(lines)
            """
    }

    static let shape = """
        With --json, prints one object: file, added, updated, unchanged, rejected (rows set aside), \
        rejectedFile (null without --skip-invalid) and dryRun (true with --dry-run: the counts are \
        what the import would give, and nothing was stored).
        """

    /// The counts, for people or scripts.
    func printCounts(_ outcome: CoverageImportOutcome, json: Bool) throws {
        let (counts, what, rejectedRows) = (outcome.counts, outcome.kind.rowsNoun, outcome.read.rejected.count)
        let stdout = Terminal.standardOutput
        if json {
            stdout.write(try JSONOutput.render(Document(file: file, added: counts.added, updated: counts.updated, unchanged: counts.unchanged,
                                                        rejected: rejectedRows, rejectedFile: rejected, dryRun: dryRun)))
            return
        }
        let tally = "\(counts.added) added, \(counts.updated) updated, \(counts.unchanged) unchanged"
        stdout.line(dryRun ? "\(file): \(what) (dry run, nothing stored): would be \(tally)" : "\(file): \(what): \(tally)")
        if let rejected {
            stdout.line(rejectedRows == 0 ? "no rows set aside (\(rejected) lists none)"
                                          : "\(rejectedRows) row\(rejectedRows == 1 ? "" : "s") set aside, with the reasons, in \(rejected)")
        }
    }
}
