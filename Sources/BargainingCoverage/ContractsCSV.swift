import Bargaining

/// The historical contracts file `bargain contracts import` reads (issue 5).
///
/// Columns, in any order, by their English or Chinese names:
///
/// | English | Chinese | value |
/// |---|---|---|
/// | `contract_id` | 合同编号 | text, unique in the file |
/// | `level` | 层级 | `enterprise/industry/regional` or `企业/行业性/区域性` (`行业`, `区域`) |
/// | `title` | 合同名称 | text |
/// | `signed_on` | 签订日期 | `YYYY-MM-DD` or empty, not after `effective_on`; the column may be left out |
/// | `effective_on` | 生效日期 | `YYYY-MM-DD` |
/// | `expires_on` | 到期日期 | `YYYY-MM-DD`, not before `effective_on`, within 3 years of it (S1 art 38) |
/// | `terminated_on` | 终止日期 | `YYYY-MM-DD` or empty, not before `effective_on`; the column may be left out |
/// | `enterprises` | 覆盖企业 | credit codes separated by `;` (or `；`); exactly one, in the registry, for an enterprise contract |
///
/// An enterprise contract's enterprise must already be in the registry: a contract covering an
/// enterprise nobody can count would silently vanish from every rate. An industry or regional
/// contract may list enterprises the registry does not (yet): it is read with all of them, and
/// ``UnregisteredEnterprises`` names them for the importer (issue 12 item 6).
public enum ContractsCSV {
    /// Each field with the header names accepted for it (English first), for help texts.
    public static var headerNames: [[String]] { ContractColumn.allCases.map(\.headerNames) }

    public static func read(_ bytes: [UInt8], file: String, knownEnterprises: [CreditCode],
                            mode: CSVImportMode = .allOrNothing, options: CSVReadOptions = CSVReadOptions())
        throws(CSVImportFailure) -> CSVImport<CoverageContract> {
        var converter = Converter(table: CreditCodeTable(knownEnterprises), scope: options.scope)
        return try CSVImporter<ContractColumn, CoverageContract>.run(bytes, file: file, mode: mode, options: options) { converter.convert(&$0) }
    }

    /// Reads `source` (named `file` in errors) in chunks: a million contracts are never in memory as text.
    public static func read(from source: inout some ByteSource, file: String, knownEnterprises: [CreditCode],
                            mode: CSVImportMode = .allOrNothing,
                            options: CSVReadOptions = CSVReadOptions()) throws(CSVImportFailure) -> CSVImport<CoverageContract> {
        var converter = Converter(table: CreditCodeTable(knownEnterprises), scope: options.scope)
        return try CSVImporter<ContractColumn, CoverageContract>.run(&source, file: file, mode: mode, options: options,
                                                                    chunkSize: CSVImporter<ContractColumn, CoverageContract>.defaultChunkSize) {
            converter.convert(&$0)
        }
    }

    /// One row to a contract, remembering the ids of the rows before it (for duplicates).
    private struct Converter {
        let table: CreditCodeTable
        let scope: ImportScope?
        var firstLine: [String: Int32] = [:]
        var listed: [Int] = []
        var unregistered: [CreditCode] = []

        mutating func convert(_ row: inout CSVRowParser<ContractColumn>) -> CoverageContract? {
            let id = row.nonEmptyText(.contractID)
            let level = ContractsCSV.level(&row)
            let title = row.nonEmptyText(.title)
            let signed = row.day(.signedOn, required: false)
            let effective = row.day(.effectiveOn, required: true)
            let expires = row.day(.expiresOn, required: true)
            let terminated = row.day(.terminatedOn, required: false)
            var enterprises = ContractsCSV.enterprises(&row, table: table, scratch: &listed, unregistered: &unregistered)
            if let id, let first = firstLine[id] {
                row.fail(.contractID, .duplicateContractID(id, firstLine: Int(first)))
            }
            ContractsCSV.checkDates(&row, signed: signed, effective: effective, expires: expires, terminated: terminated)
            if level == .enterprise, !unregistered.isEmpty {
                for code in unregistered { row.fail(.enterprises, .unknownEnterprise(code)) }
                enterprises = nil
            } else if !unregistered.isEmpty {
                enterprises = enterprises.map { $0 + unregistered }
            }
            if let scope, let enterprises {
                for code in enterprises { if let problem = scope.enterpriseProblem(code) { row.fail(.enterprises, problem) } }
            }
            if level == .enterprise, let enterprises, enterprises.count != 1 {
                row.fail(.enterprises, .enterpriseContractNeedsOneEnterprise(found: enterprises.count))
            }
            guard row.errors.isEmpty, let id, let level, let title, let effective, let expires, let enterprises else { return nil }
            firstLine[id] = Int32(row.line)
            return CoverageContract(id: id, level: level, title: title, signedOn: signed, effectiveOn: effective,
                                    expiresOn: expires, terminatedOn: terminated, enterprises: enterprises)
        }
    }

    /// The longest term S1 art 38 allows a collective contract (``RuleID/contractTerm``'s
    /// `max-years` unless a workflow sets another: the legal maximum, which no policy raises).
    public static let maximumTermYears = 3

    /// The contract's own dates, each problem with the column it is in (issue 12 item 8): it
    /// takes effect after it is signed, and ends (expires or is terminated) after it takes effect,
    /// within the legal maximum term.
    private static func checkDates(_ row: inout CSVRowParser<ContractColumn>, signed: Day?, effective: Day?, expires: Day?,
                                   terminated: Day?) {
        guard let effective else { return }
        if let signed, signed > effective {
            row.fail(.signedOn, .signedAfterEffective(signed: signed, effective: effective))
        }
        if let expires {
            let latest = effective.adding(years: maximumTermYears).adding(days: -1)
            if expires < effective {
                row.fail(.expiresOn, .expiresBeforeEffective(effective: effective, expires: expires))
            } else if expires > latest {
                row.fail(.expiresOn, .termOverMaximum(effective: effective, expires: expires, latest: latest))
            }
        }
        if let terminated, terminated < effective {
            row.fail(.terminatedOn, .terminatedBeforeEffective(effective: effective, terminated: terminated))
        }
    }

    /// The file `read` accepts, with the English header: for exports and generated test data.
    public static func write(_ contracts: [CoverageContract]) -> [UInt8] {
        var writer = CSVWriter()
        writeHeader(to: &writer)
        for contract in contracts { write(contract, to: &writer) }
        return writer.bytes
    }

    static func writeHeader(to writer: inout CSVWriter) {
        writer.row(ContractColumn.allCases.map { $0.headerNames[0] })
    }

    static func write(_ contract: CoverageContract, to writer: inout CSVWriter) {
        writer.field(contract.id)
        writer.field(contract.level.rawValue)
        writer.field(contract.title)
        writer.field(contract.signedOn)
        writer.field(contract.effectiveOn)
        writer.field(contract.expiresOn)
        writer.field(contract.terminatedOn)
        writer.field(codes: contract.enterprises)
        writer.endRow()
    }

    /// Every spelling accepted for each level, matched on the bytes (ASCII case ignored).
    private static let levelNames: [(name: [UInt8], level: Level)] = {
        let names: [(String, Level)] = [
            ("enterprise", .enterprise), ("企业", .enterprise), ("industry", .industry), ("行业性", .industry), ("行业", .industry),
            ("regional", .regional), ("区域性", .regional), ("区域", .regional),
        ]
        return names.map { (Array($0.0.utf8), $0.1) }
    }()

    private static func level(_ row: inout CSVRowParser<ContractColumn>) -> Level? {
        let range = row.range(.level)
        guard !range.isEmpty else {
            row.fail(.level, .emptyValue)
            return nil
        }
        let value = UnsafeBufferPointer(rebasing: row.bytes[range])
        for (name, level) in levelNames where name.count == value.count {
            // Lowercasing by `| 0x20` touches only ASCII letters here: the Chinese names' bytes
            // are compared as they are.
            if zip(value, name).allSatisfy({ $0 == $1 || ($0 | 0x20 == $1 && $1 >= 0x61 && $1 <= 0x7A) }) { return level }
        }
        row.fail(.level, .unknownLevel(row.text(.level)))
        return nil
    }

    /// The listed codes of the registry, looked up by their bytes; a code not found is then
    /// checked properly, to tell a mistyped code (with `CreditCodeError`'s reason) from a valid
    /// one missing in the registry, which goes to `unregistered`, in the order listed.
    private static func enterprises(_ row: inout CSVRowParser<ContractColumn>, table: CreditCodeTable,
                                    scratch indices: inout [Int], unregistered: inout [CreditCode]) -> [CreditCode]? {
        let range = row.range(.enterprises)
        let bytes = row.bytes
        indices.removeAll(keepingCapacity: true)
        unregistered.removeAll(keepingCapacity: true)
        var failed = false
        var start = range.lowerBound
        var index = range.lowerBound
        func token(_ end: Int) {
            var from = start
            var to = end
            while from < to, bytes[from] == 0x20 || bytes[from] == 0x09 { from += 1 }
            while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 { to -= 1 }
            guard from < to else { return }
            let code = UnsafeBufferPointer(rebasing: bytes[from..<to])
            if let position = table.index(of: code) {
                indices.append(position)
                return
            }
            let text = String(decoding: code, as: UTF8.self)
            do {
                let valid = try CreditCode(text)
                if unregistered.contains(valid) {
                    row.fail(.enterprises, .enterpriseListedTwice(valid))
                } else {
                    unregistered.append(valid)
                }
            } catch {
                failed = true
                row.fail(.enterprises, .badCreditCode(text, error))
            }
        }
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: ";") {
                token(index)
                index += 1
                start = index
            } else if bytes[index] == 0xEF, index + 2 < range.upperBound, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9B {
                // `；`, the full-width semicolon a Chinese input method types.
                token(index)
                index += 3
                start = index
            } else {
                index += 1
            }
        }
        token(range.upperBound)
        if indices.isEmpty && unregistered.isEmpty && !failed {
            row.fail(.enterprises, .emptyValue)
            return nil
        }
        if indices.count > 1 {
            let sorted = indices.sorted()
            for position in 1..<sorted.count where sorted[position] == sorted[position - 1] {
                if position == 1 || sorted[position - 1] != sorted[position - 2] {
                    row.fail(.enterprises, .enterpriseListedTwice(table.codes[sorted[position]]))
                }
            }
        }
        return failed ? nil : indices.map { table.codes[$0] }
    }
}
