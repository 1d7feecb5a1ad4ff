import ArgumentParser

/// Every exit status `bargain` uses, in one place, so scripts written by district staff can rely
/// on them and the root command's help can list them. Values follow BSD `sysexits.h` where one
/// fits, because that is what shell authors already know.
enum ExitCodes {
    /// Done; for `workflow check`, every file passed; for `verify`, every chain is intact.
    static let success = ExitCode(0)
    /// The rules refused an act (nothing was recorded), `workflow check` found a problem, or
    /// `verify` found an event that does not match its hash.
    static let refused = ExitCode(1)
    /// The store was asked to commit and no answer came (the connection to PostgreSQL closed,
    /// or the server did not answer in time): the act may or may not be recorded. Running the
    /// same command again with the request id printed records it at most once (no sysexits
    /// code means "unknown").
    static let outcomeUnknown = ExitCode(3)
    /// Bad command line: unknown option, action or field, malformed value or date, missing
    /// field, an id already taken, a request id already used for a different act
    /// (ArgumentParser's own code).
    static let usage = ExitCode.validationFailure
    /// A data file or input that cannot be used: a workflow, policy or calendar file, a missing
    /// workflows directory, a negotiation pinned to a workflow that has changed, a registry or
    /// contracts CSV with a bad row (nothing imported), an XML filing that does not validate
    /// (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// No negotiation with the id given in the store (EX_NOINPUT), so a script can tell "not
    /// there" from a typo in the command.
    static let notFound = ExitCode(66)
    /// The store cannot be opened or reached, is not a bargain database, was written by a newer
    /// bargain, or holds data that cannot be read (EX_UNAVAILABLE).
    static let storeUnavailable = ExitCode(69)
    /// A bug in bargain itself (EX_SOFTWARE).
    static let internalError = ExitCode(70)
    /// An output file or directory cannot be written: `--svg`, `--rejected`, the letters of
    /// `reminders --out` (EX_CANTCREAT). Nothing is recorded in the store.
    static let cannotWrite = ExitCode(73)
    /// Other writers recorded first, eight times in a row; run the command again (EX_TEMPFAIL).
    static let conflict = ExitCode(75)
    /// A prompt was interrupted (Ctrl-C or end of input); nothing was recorded (128 + SIGINT).
    static let cancelled = ExitCode(130)

    /// The table printed at the end of `bargain --help`.
    static let discussion = """
        EXIT STATUS
          0    success (workflow check: every file passed;
               verify: every hash chain intact)
          1    refused: the rules do not allow the act, nothing was recorded;
               workflow check found a problem; verify found a changed event
          3    outcome unknown: the store got the act but its answer was lost
               (PostgreSQL connection closed or too slow while committing); it
               may or may not be recorded. Run the same command again with the
               --request-id it printed: it is recorded at most once, and if it
               already was, that is reported (or look with `bargain log ID`)
          64   usage error: unknown option, action or field, a malformed value
               or date, a missing field, an id already taken, a request id
               already used for a different act; nothing recorded
          65   data error: a workflow, policy or calendar file that cannot be
               used, no workflows directory, a negotiation pinned to a
               workflow file that has changed; a registry or contracts CSV
               with a bad row, or an XML filing that does not validate
               (each problem with file, line and column; nothing imported)
          66   no negotiation with that id in the store
          69   store unavailable: cannot be opened or reached, not a bargain
               database, written by a newer bargain, damaged, or the connection
               failed before the commit; nothing written
          70   internal error (a bug: please report it)
          73   cannot write an output file (--svg, --rejected, reminder
               letters); nothing recorded
          75   conflict: other writers recorded first, 8 times; run it again
          130  prompt cancelled (Ctrl-C or end of input); nothing was recorded
        """
}
