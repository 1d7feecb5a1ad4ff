/// The mapping from a file's header to the importer's columns: any order, English or Chinese
/// names, English case-insensitive, spaces around names ignored. Every problem with the header
/// is collected before refusing it.
struct CSVHeader<Column: CSVColumn> {
    /// The field index of each column (by raw value), or nil for an optional column left out.
    let fieldIndex: [Int?]
    /// The header's names as written, for messages.
    let names: [String]

    init(record: CSVRecord, bytes: UnsafeBufferPointer<UInt8>, file: String) throws(CSVImportFailure) {
        var known: [String: Column] = [:]
        for column in Column.allCases {
            for name in column.headerNames { known[name.lowercased()] = column }
        }
        var errors: [CSVImportError] = []
        var fieldIndex = [Int?](repeating: nil, count: Column.allCases.count)
        var names: [String] = []
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
            guard let column = known[name.lowercased()] else {
                fail(.unknownColumn(name, expected: Column.allCases.map { $0.headerNames[0] }))
                continue
            }
            if let first = fieldIndex[column.rawValue] {
                fail(.duplicateColumn(name, firstColumn: first + 1), name: name)
                continue
            }
            fieldIndex[column.rawValue] = index
        }
        for column in Column.allCases where fieldIndex[column.rawValue] == nil && !column.isOptional {
            errors.append(CSVImportError(file: file, line: record.line, reason: .missingColumn(column.headerNames)))
        }
        guard errors.isEmpty else { throw CSVImportFailure(errors: errors) }
        self.fieldIndex = fieldIndex
        self.names = names
    }
}
