import ArgumentParser

/// Every exit status `bargain` uses, in one place, so scripts written by district staff can rely
/// on them and the root command's help can list them. Values follow BSD `sysexits.h` where one
/// fits, because that is what shell authors already know.
enum ExitCodes {
    /// Done; for `workflow check`, every file passed.
    static let success = ExitCode(0)
    /// The rules refused an act (nothing was recorded), or `workflow check` found a problem.
    static let refused = ExitCode(1)
    /// Bad command line: unknown option, malformed value, missing field (ArgumentParser's own code).
    static let usage = ExitCode.validationFailure
    /// A data file or input that cannot be used: a workflow, policy or calendar file, a missing
    /// workflows directory (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// The store cannot be opened or reached (EX_UNAVAILABLE).
    static let storeUnavailable = ExitCode(69)
    /// A bug in bargain itself (EX_SOFTWARE).
    static let internalError = ExitCode(70)
    /// Another writer recorded first; reload and try again (EX_TEMPFAIL).
    static let conflict = ExitCode(75)
    /// A prompt was interrupted (Ctrl-C or end of input); nothing was recorded (128 + SIGINT).
    static let cancelled = ExitCode(130)

    /// The table printed at the end of `bargain --help`.
    static let discussion = """
        EXIT STATUS
          0    success (workflow check: every file passed)
          1    refused: the rules do not allow the act, nothing was recorded;
               or workflow check found a problem
          64   usage error: unknown option, malformed value, missing or mistyped field
          65   data error: a workflow, policy or calendar file that cannot be used,
               or no workflows directory
          69   store unavailable
          70   internal error (a bug: please report it)
          75   conflict: someone else recorded first; run the command again
          130  prompt cancelled (Ctrl-C or end of input); nothing was recorded
        """
}
