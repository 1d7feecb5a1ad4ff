/// What an import does with bad rows.
public enum CSVImportMode: Sendable, Hashable {
    /// Any bad row refuses the whole file, so a registry is never half updated (the default).
    case allOrNothing
    /// Good rows are kept and bad ones set aside with their reasons (`--skip-invalid`), for the
    /// large files where waiting for a perfect one would stop all reporting.
    case skipInvalid
}
