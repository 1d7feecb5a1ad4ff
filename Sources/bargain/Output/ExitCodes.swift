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
    /// Bad command line: unknown option, action or field, malformed value or date, missing
    /// field, an id already taken (ArgumentParser's own code).
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
    /// Other writers recorded first, three times in a row; run the command again (EX_TEMPFAIL).
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
          64   usage error: unknown option, action or field, a malformed value
               or date, a missing field, an id already taken; nothing recorded
          65   data error: a workflow, policy or calendar file that cannot be
               used, no workflows directory, a negotiation pinned to a
               workflow file that has changed; a registry or contracts CSV
               with a bad row, or an XML filing that does not validate
               (each problem with file, line and column; nothing imported)
          66   no negotiation with that id in the store
          69   store unavailable: cannot be opened or reached, not a bargain
               database, written by a newer bargain, or damaged; nothing written
          70   internal error (a bug: please report it)
          73   cannot write an output file (--svg, --rejected, reminder
               letters); nothing recorded
          75   conflict: other writers recorded first, 3 times; run it again
          130  prompt cancelled (Ctrl-C or end of input); nothing was recorded
        """
}
