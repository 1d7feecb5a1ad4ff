import ArgumentParser
import BargainingCoverage
import BargainingStore
import Foundation

/// What `registry import` and `contracts import` share: the file, `--skip-invalid` with
/// `--rejected FILE`, a refused file reported one problem per line, and the counts printed.
struct CSVImportOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The CSV file (UTF-8, with or without a byte order mark; RFC 4180 quoting).", valueName: "file"),
              completion: .file(extensions: ["csv"]))
    var file: String

    @Flag(name: .customLong("skip-invalid"),
          help: "Import the good rows and set the bad ones aside in --rejected FILE (default: one bad row refuses the whole file).")
    var skipInvalid = false

    @Option(help: ArgumentHelp("With --skip-invalid: where the rows set aside are written, as CSV (line, column, reason, row).",
                               valueName: "file"),
            completion: .file(extensions: ["csv"]))
    var rejected: String?

    func validate() throws {
        if skipInvalid && rejected == nil {
            throw ValidationError("--skip-invalid needs --rejected FILE: where the rows set aside are written, with their reasons")
        }
        if !skipInvalid && rejected != nil { throw ValidationError("--rejected FILE goes with --skip-invalid") }
    }

    var mode: CSVImportMode { skipInvalid ? .skipInvalid : .allOrNothing }

    /// Reads the file with `read`; a refusal prints each problem (file:line: column N (name):
    /// reason) on standard error and fails with a data error (65) before the store is written.
    func read<Row>(_ read: (String, CSVImportMode) throws(CSVImportFailure) -> CSVImport<Row>) throws -> CSVImport<Row> {
        let outcome: CSVImport<Row>
        do { outcome = try read(file, mode) } catch {
            let stderr = Terminal.standardError
            for problem in error.errors { stderr.line(problem.description) }
            let count = error.errors.count
            throw CommandFailure("\(count) problem\(count == 1 ? "" : "s") in \(file); nothing was imported. Correct the file, or import the good rows with --skip-invalid --rejected FILE",
                                 exitCode: ExitCodes.dataError)
        }
        if let rejected {
            // Written before anything is stored: rows set aside are never lost.
            do { try outcome.rejectsCSV().write(toFile: rejected, atomically: true, encoding: .utf8) } catch {
                throw CommandFailure("cannot write \(rejected) (\(error.localizedDescription)); nothing was imported", exitCode: ExitCodes.cannotWrite)
            }
        }
        return outcome
    }

    /// `--json` of both imports.
    struct Document: Encodable {
        var file: String
        var added: Int
        var updated: Int
        var unchanged: Int
        var rejected: Int
        var rejectedFile: String?
    }

    static let shape = """
        With --json, prints one object: file, added, updated, unchanged, rejected (rows set aside) \
        and rejectedFile (null without --skip-invalid).
        """

    /// The counts, for people or scripts.
    /// `what` names the rows ("enterprises"); unchanged rows are counted for the registry only.
    func printCounts(_ counts: UpsertCounts, what: String, showsUnchanged: Bool, rejectedRows: Int, json: Bool) throws {
        let stdout = Terminal.standardOutput
        if json {
            stdout.write(try JSONOutput.render(Document(file: file, added: counts.added, updated: counts.updated, unchanged: counts.unchanged,
                                                        rejected: rejectedRows, rejectedFile: rejected)))
            return
        }
        stdout.line("\(file): \(what): \(counts.added) added, \(counts.updated) updated" + (showsUnchanged ? ", \(counts.unchanged) unchanged" : ""))
        if let rejected {
            stdout.line(rejectedRows == 0 ? "no rows set aside (\(rejected) lists none)"
                                          : "\(rejectedRows) row\(rejectedRows == 1 ? "" : "s") set aside, with the reasons, in \(rejected)")
        }
    }
}
