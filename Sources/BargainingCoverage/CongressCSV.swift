import Bargaining

/// The congress sessions file `bargain congress import` reads (issue 12 item 7): one row per
/// session an enterprise held, for the congress establishment rate (职代会建制率, SPEC §6).
///
/// Columns, in any order, by their English or Chinese names (``CongressColumn``):
///
/// | English | Chinese | value |
/// |---|---|---|
/// | `uscc` | 统一社会信用代码 | credit code, checked, of an enterprise in the registry |
/// | `held_on` | 召开日期 | a date, as the registry's dates are written |
///
/// Other columns (企业名称, 届次, 到会人数 …) are named once and not used. The same enterprise and
/// day twice in one file is refused: a ledger that lists a session twice was copied wrongly.
/// An enterprise the registry does not list is refused, as an enterprise contract's is: no rate
/// could count its session, and dropping it silently would hide the mistake.
public enum CongressCSV {
    /// Each field with the header names accepted for it (English first), for help texts.
    public static var headerNames: [[String]] { CongressColumn.allCases.map(\.headerNames) }

    public static func read(_ bytes: [UInt8], file: String, knownEnterprises: [CreditCode],
                            mode: CSVImportMode = .allOrNothing, options: CSVReadOptions = CSVReadOptions())
        throws(CSVImportFailure) -> CSVImport<CoverageCongressSession> {
        var converter = Converter(known: Set(knownEnterprises), scope: options.scope)
        return try CSVImporter<CongressColumn, CoverageCongressSession>.run(bytes, file: file, mode: mode, options: options) {
            converter.convert(&$0)
        }
    }

    /// Reads `source` (named `file` in errors) in chunks, as the registry and contracts files are read.
    public static func read(from source: inout some ByteSource, file: String, knownEnterprises: [CreditCode],
                            mode: CSVImportMode = .allOrNothing,
                            options: CSVReadOptions = CSVReadOptions()) throws(CSVImportFailure) -> CSVImport<CoverageCongressSession> {
        var converter = Converter(known: Set(knownEnterprises), scope: options.scope)
        return try CSVImporter<CongressColumn, CoverageCongressSession>.run(
            &source, file: file, mode: mode, options: options,
            chunkSize: CSVImporter<CongressColumn, CoverageCongressSession>.defaultChunkSize) { converter.convert(&$0) }
    }

    /// One row to a session, remembering the sessions of the rows before it (for duplicates).
    private struct Converter {
        let known: Set<CreditCode>
        let scope: ImportScope?
        var firstLine: [CoverageCongressSession: Int32] = [:]

        mutating func convert(_ row: inout CSVRowParser<CongressColumn>) -> CoverageCongressSession? {
            let uscc = row.creditCode(.uscc)
            let held = row.day(.heldOn, required: true)
            if let uscc, !known.contains(uscc) { row.fail(.uscc, .unknownEnterprise(uscc)) }
            if let uscc, let problem = scope?.enterpriseProblem(uscc) { row.fail(.uscc, problem) }
            guard row.errors.isEmpty, let uscc, let held else { return nil }
            let session = CoverageCongressSession(enterprise: uscc, heldOn: held)
            if let first = firstLine[session] {
                row.fail(.heldOn, .duplicateSession(uscc, held, firstLine: Int(first)))
                return nil
            }
            firstLine[session] = Int32(row.line)
            return session
        }
    }

    /// The file `read` accepts, with the English header: for exports and generated test data.
    public static func write(_ sessions: [CoverageCongressSession]) -> [UInt8] {
        var writer = CSVWriter()
        writer.row(CongressColumn.allCases.map { $0.headerNames[0] })
        for session in sessions {
            writer.field(session.enterprise.description)
            writer.field(session.heldOn)
            writer.endRow()
        }
        return writer.bytes
    }
}
