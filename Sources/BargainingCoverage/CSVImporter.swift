/// The loop every import shares: header, then each record checked and converted, then the
/// all-or-nothing or skip-invalid outcome. Bytes come in chunks, so that a file of several
/// hundred megabytes is never in memory whole.
struct CSVImporter<Column: CSVColumn, Row: Sendable> {
    private let file: String
    private let mode: CSVImportMode
    private var line = 1
    private var atFileStart = true
    private var header: CSVHeader<Column>?
    private var rows: [Row] = []
    private var rejected: [CSVRejectedRow] = []
    private var errors: [CSVImportError] = []

    /// A file is read this many bytes at a time, unless a test asks for less.
    static var defaultChunkSize: Int { 8 << 20 }

    private init(file: String, mode: CSVImportMode) {
        self.file = file
        self.mode = mode
    }

    static func run(_ bytes: [UInt8], file: String, mode: CSVImportMode,
                    convert: (inout CSVRowParser<Column>) -> Row?) throws(CSVImportFailure) -> CSVImport<Row> {
        var importer = CSVImporter(file: file, mode: mode)
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

    static func run(contentsOf path: String, mode: CSVImportMode, chunkSize: Int,
                    convert: (inout CSVRowParser<Column>) -> Row?) throws(CSVImportFailure) -> CSVImport<Row> {
        func unreadable(_ error: FileBytes.Failure) -> CSVImportFailure {
            CSVImportFailure(errors: [CSVImportError(file: path, line: nil, reason: .cannotRead(error.description))])
        }
        let descriptor: Int32
        do { descriptor = try FileBytes.open(path) } catch { throw unreadable(error) }
        defer { FileBytes.close(descriptor) }
        var importer = CSVImporter(file: path, mode: mode)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize * 2)
        var isFinal = false
        var isFirstChunk = true
        let size = FileBytes.size(of: descriptor)
        while !isFinal {
            do {
                isFinal = try FileBytes.read(from: descriptor, appendingTo: &buffer, count: chunkSize) == 0
            } catch {
                throw unreadable(error)
            }
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
        if header == nil {
            var record = CSVRecord()
            let outcome: CSVRecordReader.Outcome
            do throws(CSVRecordReader.UnterminatedQuote) {
                outcome = try reader.next(into: &record)
            } catch {
                throw unterminated(error)
            }
            switch outcome {
            case .incomplete: return reader.position
            case .end: throw CSVImportFailure(errors: [CSVImportError(file: file, line: nil, reason: .noHeader)])
            case .record: header = try CSVHeader<Column>(record: record, bytes: bytes, file: file)
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

    /// Nothing after an unclosed quote can be read as the writer meant it: the import stops there.
    private func unterminated(_ quote: CSVRecordReader.UnterminatedQuote) -> CSVImportFailure {
        CSVImportFailure(errors: errors + [CSVImportError(file: file, line: quote.line, reason: .unterminatedQuote)])
    }

    private func finish() throws(CSVImportFailure) -> CSVImport<Row> {
        guard errors.isEmpty else { throw CSVImportFailure(errors: errors) }
        return CSVImport(rows: rows, rejected: rejected)
    }
}
