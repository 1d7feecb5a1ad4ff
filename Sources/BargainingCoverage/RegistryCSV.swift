import Bargaining

/// The registry file `bargain registry import` reads (issue 5).
///
/// Columns, in any order, by their English or Chinese names:
///
/// | English | Chinese | value |
/// |---|---|---|
/// | `uscc` | 统一社会信用代码 | credit code, checked (GB 32100-2015) |
/// | `name` | 名称 | text |
/// | `district` | 区 | text |
/// | `street` | 街道 | text |
/// | `industry` | 行业 | text |
/// | `employees` | 职工人数 | whole number ≥ 0 |
/// | `union_founded_on` | 建会日期 | `YYYY-MM-DD`, empty when there is no union |
/// | `chamber_member` | 工商联会员 | `true/false`, `是/否`, `1/0` |
/// | `closed_on` | 注销日期 | `YYYY-MM-DD` or empty; the column may be left out |
///
/// UTF-8 with or without a byte order mark, RFC 4180 quoting, CRLF or LF. A credit code may
/// appear only once in a file.
public enum RegistryCSV {
    /// Each field with the header names accepted for it (English first), for help texts.
    public static var headerNames: [[String]] { RegistryColumn.allCases.map(\.headerNames) }

    public static func read(_ bytes: [UInt8], file: String, mode: CSVImportMode = .allOrNothing,
                            options: CSVReadOptions = CSVReadOptions()) throws(CSVImportFailure) -> CSVImport<RegistryEnterprise> {
        var converter = Converter(scope: options.scope)
        return try CSVImporter<RegistryColumn, RegistryEnterprise>.run(bytes, file: file, mode: mode, options: options) { converter.convert(&$0) }
    }

    /// Reads `source` (named `file` in errors) in chunks: a registry of a million enterprises is
    /// never in memory as text.
    public static func read(from source: inout some ByteSource, file: String, mode: CSVImportMode = .allOrNothing,
                            options: CSVReadOptions = CSVReadOptions()) throws(CSVImportFailure) -> CSVImport<RegistryEnterprise> {
        try read(from: &source, file: file, mode: mode, options: options, chunkSize: CSVImporter<RegistryColumn, RegistryEnterprise>.defaultChunkSize)
    }

    /// With chunks of `chunkSize` bytes: tests cut records at every place with small chunks.
    static func read(from source: inout some ByteSource, file: String, mode: CSVImportMode, options: CSVReadOptions = CSVReadOptions(),
                     chunkSize: Int) throws(CSVImportFailure) -> CSVImport<RegistryEnterprise> {
        var converter = Converter(scope: options.scope)
        return try CSVImporter<RegistryColumn, RegistryEnterprise>.run(&source, file: file, mode: mode, options: options, chunkSize: chunkSize) {
            converter.convert(&$0)
        }
    }

    /// One row to an enterprise, remembering what the rows before it used: the place names
    /// (interned) and the codes (for duplicates); a row outside `scope` fails on its district.
    private struct Converter {
        let scope: ImportScope?
        var interner = StringInterner()
        var firstLine: [CreditCode: Int32] = [:]

        mutating func convert(_ row: inout CSVRowParser<RegistryColumn>) -> RegistryEnterprise? {
            let uscc = row.creditCode(.uscc)
            let name = row.nonEmptyText(.name)
            let district = row.nonEmptyText(.district, interning: &interner)
            let street = row.nonEmptyText(.street, interning: &interner)
            let industry = row.nonEmptyText(.industry, interning: &interner)
            let employees = row.employees(.employees)
            let founded = row.day(.unionFoundedOn, required: false)
            let chamber = row.bool(.chamberMember)
            let closed = row.day(.closedOn, required: false)
            if let uscc, let first = firstLine[uscc] {
                row.fail(.uscc, .duplicateCode(uscc, firstLine: Int(first)))
            }
            if let scope, let uscc, let district, let problem = scope.registryProblem(uscc, district: district) {
                row.fail(.district, problem)
            }
            guard row.errors.isEmpty, let uscc, let name, let district, let street, let industry, let employees,
                  let chamber else { return nil }
            firstLine[uscc] = Int32(row.line)
            return RegistryEnterprise(uscc: uscc, name: name, district: district, street: street, industry: industry,
                                      employees: employees, unionFoundedOn: founded, chamberMember: chamber, closedOn: closed)
        }
    }

    /// The file `read` accepts, with the English header: for exports and generated test data.
    public static func write(_ enterprises: [RegistryEnterprise]) -> [UInt8] {
        var writer = CSVWriter()
        writeHeader(to: &writer)
        for enterprise in enterprises { write(enterprise, to: &writer) }
        return writer.bytes
    }

    static func writeHeader(to writer: inout CSVWriter) {
        writer.row(RegistryColumn.allCases.map { $0.headerNames[0] })
    }

    static func write(_ enterprise: RegistryEnterprise, to writer: inout CSVWriter) {
        writer.field(enterprise.uscc.description)
        writer.field(enterprise.name)
        writer.field(enterprise.district)
        writer.field(enterprise.street)
        writer.field(enterprise.industry)
        writer.field(enterprise.employees)
        writer.field(enterprise.unionFoundedOn)
        writer.field(enterprise.chamberMember ? "true" : "false")
        writer.field(enterprise.closedOn)
        writer.endRow()
    }
}
