import Bargaining

/// Converts the fields of the current record, one column at a time, collecting every problem of
/// the row with its line and column instead of stopping at the first.
///
/// Typed values (dates, numbers, codes) are parsed from the bytes directly; only text columns
/// become `String`s.
struct CSVRowParser<Column: CSVColumn> {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let header: CSVHeader<Column>
    var record = CSVRecord()
    /// The current row's problems; the row is rejected unless this is empty after conversion.
    var errors: [CSVImportError] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, header: CSVHeader<Column>) {
        self.bytes = bytes
        self.file = file
        self.header = header
    }

    var line: Int { record.line }

    /// Checks what concerns the record as a whole; conversion makes sense only if it passes.
    mutating func checkRecord() -> Bool {
        errors.removeAll(keepingCapacity: true)
        if record.fields.count != header.names.count {
            errors.append(CSVImportError(file: file, line: record.line,
                                         reason: .wrongFieldCount(found: record.fields.count, expected: header.names.count)))
            return false
        }
        if let index = record.fieldWithTextAfterQuote {
            fail(fieldAt: index, .textAfterClosingQuote)
        }
        for (index, field) in record.fields.enumerated() where field.hasNonASCII {
            if !UTF8Check.isValid(bytes, from: field.start, to: field.end) { fail(fieldAt: index, .invalidUTF8) }
        }
        return errors.isEmpty
    }

    /// The row as written, for the rejected-rows file.
    var rawText: String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[record.start..<record.end]), as: UTF8.self)
    }

    mutating func fail(_ column: Column, _ reason: CSVImportError.Reason) {
        if let index = header.fieldIndex[column.rawValue] {
            fail(fieldAt: index, reason)
        } else {
            errors.append(CSVImportError(file: file, line: record.line, reason: reason))
        }
    }

    private mutating func fail(fieldAt index: Int, _ reason: CSVImportError.Reason) {
        errors.append(CSVImportError(file: file, line: record.fields[index].line, column: index + 1,
                                     columnName: header.names[index], reason: reason))
    }

    private func field(_ column: Column) -> CSVField? {
        header.fieldIndex[column.rawValue].map { record.fields[$0] }
    }

    /// The value's bytes, trimmed; empty for an optional column the file leaves out.
    func range(_ column: Column) -> Range<Int> {
        guard let field = field(column) else { return 0..<0 }
        return CSVText.trimmedRange(of: field, in: bytes)
    }

    func text(_ column: Column) -> String {
        guard let field = field(column) else { return "" }
        return CSVText.value(of: field, in: bytes)
    }

    mutating func nonEmptyText(_ column: Column) -> String? {
        let text = text(column)
        guard !text.isEmpty else {
            fail(column, .emptyValue)
            return nil
        }
        return text
    }

    /// For the few distinct values of a column such as a district: one shared `String` each.
    mutating func nonEmptyText(_ column: Column, interning interner: inout StringInterner) -> String? {
        guard let field = field(column), !field.hasEscapedQuotes else { return nonEmptyText(column) }
        let range = CSVText.trimmedRange(of: field, in: bytes)
        guard !range.isEmpty else {
            fail(column, .emptyValue)
            return nil
        }
        return interner.string(for: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// A date, `YYYY-MM-DD` or as Excel writes it (``ExcelText/day(_:)``); an empty cell is nil,
    /// and an error when `required`.
    mutating func day(_ column: Column, required: Bool) -> Day? {
        let range = range(column)
        if range.isEmpty {
            if required { fail(column, .emptyValue) }
            return nil
        }
        if range.count == 10, bytes[range.lowerBound + 4] == UInt8(ascii: "-"), bytes[range.lowerBound + 7] == UInt8(ascii: "-"),
           let year = number(range.lowerBound, 4), let month = number(range.lowerBound + 5, 2),
           let dayOfMonth = number(range.lowerBound + 8, 2), let day = Day(year: year, month: month, day: dayOfMonth) {
            return day
        }
        if let day = ExcelText.day(text(column)) { return day }
        fail(column, .badDate(text(column)))
        return nil
    }

    /// `true/false` (any case), `是/否`, `1/0`, and the other ways of ``ExcelText/bool(_:)``.
    mutating func bool(_ column: Column) -> Bool? {
        let range = range(column)
        if range.isEmpty {
            fail(column, .emptyValue)
            return nil
        }
        if let value = CSVText.bool(UnsafeBufferPointer(rebasing: bytes[range])) ?? ExcelText.bool(text(column)) { return value }
        fail(column, .badBoolean(text(column)))
        return nil
    }

    /// A whole number of employees, not negative; `1,186` and full-width digits are read too.
    mutating func employees(_ column: Column) -> Int? {
        let range = range(column)
        if range.isEmpty {
            fail(column, .emptyValue)
            return nil
        }
        let negative = bytes[range.lowerBound] == UInt8(ascii: "-")
        let digits = negative ? range.lowerBound + 1 : range.lowerBound
        // Eighteen digits cannot overflow an Int; no registry has that many employees.
        guard range.upperBound > digits, range.upperBound - digits <= 18, let value = number(digits, range.upperBound - digits) else {
            if !negative, let value = ExcelText.wholeNumber(text(column)) { return value }
            fail(column, .badNumber(text(column)))
            return nil
        }
        guard !negative || value == 0 else {
            fail(column, .negativeEmployees(-value))
            return nil
        }
        return value
    }

    /// A credit code, refused with `CreditCodeError`'s reason, or with what Excel did to it.
    mutating func creditCode(_ column: Column) -> CreditCode? {
        let text = text(column)
        if text.isEmpty {
            fail(column, .emptyValue)
            return nil
        }
        if ExcelText.isScientific(text) {
            fail(column, .creditCodeInScientificNotation(text))
            return nil
        }
        do {
            return try CreditCode(ExcelText.halfWidth(text))
        } catch {
            fail(column, .badCreditCode(text, error))
            return nil
        }
    }

    private func number(_ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<start + count {
            let digit = Int(bytes[index]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
