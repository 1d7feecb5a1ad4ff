/// An import refused: every problem found, not just the first, so one round of corrections
/// fixes the file. Thrown for problems with the file itself (header, encoding, an unclosed
/// quote) in every mode, and for bad rows in the all-or-nothing mode.
public struct CSVImportFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [CSVImportError]

    public init(errors: [CSVImportError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
