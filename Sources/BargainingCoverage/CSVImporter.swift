/// The loop every import shares: the encoding, the header (below any title lines), then each
/// record checked and converted, then the all-or-nothing or skip-invalid outcome. UTF-8 comes in
/// chunks, so that a file of several hundred megabytes is never in memory whole; a file in another
/// encoding (a district's GBK export, a few megabytes) is converted whole first.
struct CSVImporter<Column: CSVColumn, Row: Sendable> {
    private let file: String
    private let mode: CSVImportMode
    private let lookup: [String: Column]
    private var line = 1
    private var atFileStart = true
    private var header: CSVHeader<Column>?
    private var notes = CSVImportNotes()
    /// A line above the header had bytes that are not UTF-8: when no header turns up, the
    /// encoding, not the layout, is what is wrong.
    private var sawInvalidText = false
    private var rows: [Row] = []
    private var rejected: [CSVRejectedRow] = []
    private var errors: [CSVImportError] = []

    /// A file is read this many bytes at a time, unless a test asks for less.
    static var defaultChunkSize: Int { 8 << 20 }

    /// The header is looked for among this many non-blank lines at the top.
    static var headerSearchLines: Int { 10 }

    private init(file: String, mode: CSVImportMode, options: CSVReadOptions) {
        self.file = file
        self.mode = mode
        self.lookup = CSVHeader<Column>.lookup(options)
    }

    static func run(_ bytes: [UInt8], file: String, mode: CSVImportMode, options: CSVReadOptions,
                    convert: (inout CSVRowParser<Column>) -> Row?) throws(CSVImportFailure) -> CSVImport<Row> {
        var importer = CSVImporter(file: file, mode: mode, options: options)
        let encoding = options.encoding != .automatic ? options.encoding : bytes.withUnsafeBufferPointer { CSVEncoding.detect($0, isWhole: true) }
        guard let bytes = encoding.utf8(bytes) else {
            throw CSVImportFailure(errors: [CSVImportError(file: file, line: nil, reason: .notInEncoding(encoding))])
        }
        importer.notes.encoding = encoding
        let outcome = bytes.withUnsafeBufferPointer { buffer -> Result<Int, CSVImportFailure> in
            do throws(CSVImportFailure) {
                return .success(try importer.consume(buffer, isFinal: true, convert: convert))
            } catch {
                return .failure(error)
            }
        }
        _ = try outcome.get()
        return try importer.finish()
    }

    /// Reads `source` (named `path` in errors) `chunkSize` bytes at a time.
    static func run(_ source: inout some ByteSource, file path: String, mode: CSVImportMode, options: CSVReadOptions, chunkSize: Int,
                    convert: (inout CSVRowParser<Column>) -> Row?) throws(CSVImportFailure) -> CSVImport<Row> {
        func unreadable(_ error: ByteStreamFailure) -> CSVImportFailure {
            CSVImportFailure(errors: [CSVImportError(file: path, line: nil, reason: .cannotRead(error.description))])
        }
        var importer = CSVImporter(file: path, mode: mode, options: options)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize * 2)
        var isFinal = false
        var isFirstChunk = true
        let size = source.size
        do {
            isFinal = try source.read(appendingTo: &buffer, count: chunkSize) == 0
        } catch {
            throw unreadable(error)
        }
        let encoding = options.encoding != .automatic ? options.encoding
            : buffer.withUnsafeBufferPointer { CSVEncoding.detect($0, isWhole: isFinal || buffer.count < chunkSize) }
        if encoding != .utf8 {
            do {
                while try source.read(appendingTo: &buffer, count: chunkSize) > 0 {}
            } catch {
                throw unreadable(error)
            }
            return try run(buffer, file: path, mode: mode, options: CSVReadOptions(encoding: encoding, columnNames: options.columnNames),
                           convert: convert)
        }
        var readFirst = true
        while !isFinal || readFirst {
            if !readFirst {
                do {
                    isFinal = try source.read(appendingTo: &buffer, count: chunkSize) == 0
                } catch {
                    throw unreadable(error)
                }
            }
            readFirst = false
            let outcome = buffer.withUnsafeBufferPointer { bytes -> Result<Int, CSVImportFailure> in
                do throws(CSVImportFailure) {
                    return .success(try importer.consume(bytes, isFinal: isFinal, convert: convert))
                } catch {
                    return .failure(error)
                }
            }
            let used = try outcome.get()
            buffer.removeSubrange(0..<used)
            if isFirstChunk && used > 0 && !isFinal {
                // Room for all the rows at once, estimated from the first chunk: growing by
                // doubling would hold the old and the new array together near the end.
                importer.rows.reserveCapacity(size * importer.rows.count / used * 21 / 20)
            }
            isFirstChunk = isFirstChunk && used == 0
        }
        return try importer.finish()
    }

    /// Reads every complete record of `bytes`; returns how many bytes were used, the rest being
    /// the start of a record that the next chunk completes.
    private mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool,
                                  convert: (inout CSVRowParser<Column>) -> Row?) throws(CSVImportFailure) -> Int {
        var reader = CSVRecordReader(bytes: bytes, line: line, isFileStart: atFileStart, isFinal: isFinal)
        defer {
            line = reader.line
            atFileStart = atFileStart && reader.position == 0
        }
        while header == nil {
            var record = CSVRecord()
            let outcome: CSVRecordReader.Outcome
            do throws(CSVRecordReader.UnterminatedQuote) {
                outcome = try reader.next(into: &record)
            } catch {
                throw unterminated(error)
            }
            switch outcome {
            case .incomplete:
                return reader.position
            case .end:
                throw CSVImportFailure(errors: [CSVImportError(file: file, line: nil, reason: noHeaderReason(linesRead: notes.titleLines.count))])
            case .record:
                if CSVText.isBlank(record, in: bytes) { continue }
                // A header names at least two columns (or is all the columns there are); a title
                // such as 大兴区2016年企业名录 names none.
                let named = CSVHeader<Column>.recognized(record, bytes: bytes, lookup: lookup)
                if named >= min(2, record.fields.count) && named > 0 {
                    header = try CSVHeader<Column>(record: record, bytes: bytes, file: file, lookup: lookup)
                    notes.headerLine = record.line
                    notes.ignoredColumns = header!.ignored
                } else if notes.titleLines.count + 1 >= Self.headerSearchLines {
                    throw CSVImportFailure(errors: [CSVImportError(file: file, line: nil, reason: noHeaderReason(linesRead: Self.headerSearchLines))])
                } else {
                    sawInvalidText = sawInvalidText || record.fields.contains {
                        $0.hasNonASCII && !UTF8Check.isValid(bytes, from: $0.start, to: $0.end)
                    }
                    notes.titleLines.append(record.line)
                }
            }
        }
        var parser = CSVRowParser(bytes: bytes, file: file, header: header!)
        while true {
            let outcome: CSVRecordReader.Outcome
            do throws(CSVRecordReader.UnterminatedQuote) {
                outcome = try reader.next(into: &parser.record)
            } catch {
                throw unterminated(error)
            }
            guard outcome == .record else { return reader.position }
            if CSVText.isBlank(parser.record, in: bytes) {
                notes.blankRows += 1
                continue
            }
            let row = parser.checkRecord() ? convert(&parser) : nil
            if let row, parser.errors.isEmpty {
                if errors.isEmpty { rows.append(row) }
                continue
            }
            switch mode {
            case .allOrNothing:
                if errors.isEmpty { rows = [] }
                errors.append(contentsOf: parser.errors)
            case .skipInvalid:
                rejected.append(CSVRejectedRow(line: parser.line, text: parser.rawText, errors: parser.errors))
            }
        }
    }

    /// Why no header was found: an empty file, text in another encoding, or no line naming columns.
    private func noHeaderReason(linesRead: Int) -> CSVImportError.Reason {
        if notes.titleLines.isEmpty { return .noHeader }
        if sawInvalidText { return .notInEncoding(notes.encoding) }
        return .noHeaderFound(linesRead: linesRead, expected: Column.allCases.map { $0.headerNames[0] })
    }

    /// Nothing after an unclosed quote can be read as the writer meant it: the import stops there.
    private func unterminated(_ quote: CSVRecordReader.UnterminatedQuote) -> CSVImportFailure {
        CSVImportFailure(errors: errors + [CSVImportError(file: file, line: quote.line, reason: .unterminatedQuote)])
    }

    private func finish() throws(CSVImportFailure) -> CSVImport<Row> {
        guard errors.isEmpty else { throw CSVImportFailure(errors: errors) }
        return CSVImport(rows: rows, rejected: rejected, notes: notes)
    }
}
