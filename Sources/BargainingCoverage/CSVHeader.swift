/// The mapping from a file's header to the importer's columns: any order, English or Chinese
/// names and their usual synonyms (``CSVColumn/headerNames``), compared after
/// ``HeaderName/normalized(_:)``, so that `＊企业名称　` finds 企业名称. Columns the importer does not
/// use are kept aside by name, not refused: registries carry 序号, 备注 and 联系人. Every problem with
/// the header is collected before refusing it.
struct CSVHeader<Column: CSVColumn> {
    /// The field index of each column (by raw value), or nil for an optional column left out.
    let fieldIndex: [Int?]
    /// The header's names as written, for messages.
    let names: [String]
    /// Names as written of the columns no field is taken from.
    let ignored: [String]

    /// Normalized header name → column: the synonyms of every column, and the `--map` entries.
    static func lookup(_ options: CSVReadOptions) -> [String: Column] {
        var known: [String: Column] = [:]
        for column in Column.allCases {
            for name in column.headerNames { known[HeaderName.normalized(name)] = column }
        }
        for (written, english) in options.columnNames {
            if let column = Column.allCases.first(where: { $0.headerNames[0] == english }) {
                known[HeaderName.normalized(written)] = column
            }
        }
        return known
    }

    /// How many of the record's fields name a column: a title line names none, a header most.
    static func recognized(_ record: CSVRecord, bytes: UnsafeBufferPointer<UInt8>, lookup: [String: Column]) -> Int {
        record.fields.reduce(0) { count, field in
            guard !field.hasNonASCII || UTF8Check.isValid(bytes, from: field.start, to: field.end) else { return count }
            return count + (lookup[HeaderName.normalized(CSVText.value(of: field, in: bytes))] == nil ? 0 : 1)
        }
    }

    init(record: CSVRecord, bytes: UnsafeBufferPointer<UInt8>, file: String, lookup: [String: Column]) throws(CSVImportFailure) {
        var errors: [CSVImportError] = []
        var fieldIndex = [Int?](repeating: nil, count: Column.allCases.count)
        var names: [String] = []
        var ignored: [String] = []
        for (index, field) in record.fields.enumerated() {
            func fail(_ reason: CSVImportError.Reason, name: String? = nil) {
                errors.append(CSVImportError(file: file, line: field.line, column: index + 1, columnName: name, reason: reason))
            }
            if field.hasNonASCII, !UTF8Check.isValid(bytes, from: field.start, to: field.end) {
                names.append("")
                fail(.invalidUTF8)
                continue
            }
            let name = CSVText.value(of: field, in: bytes)
            names.append(name)
            guard let column = lookup[HeaderName.normalized(name)] else {
                if !name.isEmpty { ignored.append(name) }
                continue
            }
            if let first = fieldIndex[column.rawValue] {
                fail(.duplicateColumn(name, firstColumn: first + 1), name: name)
                continue
            }
            fieldIndex[column.rawValue] = index
        }
        for column in Column.allCases where fieldIndex[column.rawValue] == nil && !column.isOptional {
            errors.append(CSVImportError(file: file, line: record.line, reason: .missingColumn(column.headerNames, unused: ignored)))
        }
        guard errors.isEmpty else { throw CSVImportFailure(errors: errors) }
        self.fieldIndex = fieldIndex
        self.names = names
        self.ignored = ignored
    }
}

/// Header text as compared: what differs between two clerks' spellings of one name and nothing
/// else. Full-width letters and digits become ASCII, spaces (U+3000 too) and the `*` or `＊` that
/// marks a required column go, and English is compared without case.
enum HeaderName {
    static func normalized(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in ExcelText.halfWidth(name).unicodeScalars where !scalar.properties.isWhitespace && scalar != "*" {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }
}
