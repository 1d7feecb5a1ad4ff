import ArgumentParser
import BargainingStore

extension Bargain {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy a live SQLite store safely, with SQLite's online backup API.",
            discussion: """
                Writes a consistent copy of the store to DEST, a new file, while other commands \
                may go on recording: the copy includes the events still in the write-ahead log, \
                which a plain `cp` of a live store silently leaves out. The copy is checked with \
                SQLite's integrity check; prints the negotiations and events it holds. DEST is \
                never overwritten; a failed copy leaves no file.

                A PostgreSQL store is backed up with PostgreSQL's own tool: \
                pg_dump --format=custom --file=DEST 'postgres://user@host:port/db' (restore with \
                pg_restore); this command then says so and exits with 64.
                """)

        @Argument(help: ArgumentHelp("The new file to write the copy to.", valueName: "dest"), completion: .file(extensions: ["sqlite"]))
        var destination: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingFailures {
                switch try store.location() {
                case .postgres(let endpoint):
                    throw CommandFailure("a PostgreSQL store is backed up with pg_dump: pg_dump --format=custom --file=\(destination) '\(endpoint)' (restore with pg_restore)",
                                         exitCode: ExitCodes.usage)
                case .sqlite(let path, _):
                    let summary = try SQLiteBackup.copy(from: path, to: destination)
                    Terminal.standardOutput.line("backed up \(path) to \(destination): \(counted(summary.negotiations, "negotiation")), \(counted(summary.events, "event")); integrity check ok")
                }
            }
        }
    }
}
