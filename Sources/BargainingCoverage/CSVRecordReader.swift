/// An RFC 4180 tokenizer over a buffer of the file's bytes: fields separated by commas, records by
/// CRLF, LF or a lone CR, fields optionally quoted with `"` and `""` for a quote inside, line
/// breaks allowed inside quotes. A UTF-8 byte order mark at the start of the file is skipped.
///
/// It works on the raw bytes and records only offsets, because a registry of a million rows is
/// read in about a second only if no field becomes a `String` before it has to. A file is read
/// in chunks: a record cut by the end of a chunk is reported incomplete, to be read again with
/// the next chunk appended.
struct CSVRecordReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// No more bytes follow this buffer: a record running to its end is complete.
    private let isFinal: Bool
    /// Where reading resumes, and the line there.
    private(set) var position: Int
    private(set) var line: Int

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed: UInt8 = 10
    private static let carriageReturn: UInt8 = 13

    /// - Parameters:
    ///   - line: The line the buffer starts on.
    ///   - isFileStart: The buffer starts the file, where a byte order mark may stand.
    init(bytes: UnsafeBufferPointer<UInt8>, line: Int, isFileStart: Bool, isFinal: Bool) {
        self.bytes = bytes
        self.line = line
        self.isFinal = isFinal
        let hasBOM = isFileStart && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasBOM ? 3 : 0
    }

    enum Outcome {
        case record
        /// The buffer ends inside a record (or between CR and a possible LF): read again with
        /// more bytes from `position`.
        case incomplete
        case end
    }

    /// Reads the next record into `record`. Empty lines are skipped: spreadsheets leave them at
    /// the end of files. Throws the line of a quoted field still open at the end of the file,
    /// after which nothing can be read reliably.
    mutating func next(into record: inout CSVRecord) throws(CSVRecordReader.UnterminatedQuote) -> Outcome {
        record.fields.removeAll(keepingCapacity: true)
        record.fieldWithTextAfterQuote = nil
        let count = bytes.count
        while position < count, bytes[position] == Self.lineFeed || bytes[position] == Self.carriageReturn {
            guard skipLineBreak() else { return .incomplete }
        }
        guard position < count else { return isFinal ? .end : .incomplete }
        record.line = line
        record.start = position
        while true {
            if position < count, bytes[position] == Self.quote {
                guard try readQuotedField(into: &record) else { return rewind(to: record) }
            } else {
                let start = position
                var union: UInt8 = 0
                while position < count {
                    let byte = bytes[position]
                    if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    union |= byte
                    position += 1
                }
                record.fields.append(CSVField(start: start, end: position, line: line, hasEscapedQuotes: false,
                                              hasNonASCII: union >= 0x80))
            }
            guard position < count else {
                guard isFinal else { return rewind(to: record) }
                record.end = count
                return .record
            }
            if bytes[position] == Self.comma {
                position += 1
                continue
            }
            record.end = position
            guard skipLineBreak() else { return rewind(to: record) }
            return .record
        }
    }

    /// The line a quoted field that is never closed starts on.
    struct UnterminatedQuote: Error {
        var line: Int
    }

    private mutating func rewind(to record: CSVRecord) -> Outcome {
        position = record.start
        line = record.line
        return .incomplete
    }

    /// False when the buffer ends inside the field.
    private mutating func readQuotedField(into record: inout CSVRecord) throws(UnterminatedQuote) -> Bool {
        let count = bytes.count
        let openingLine = line
        position += 1
        let start = position
        var escaped = false
        var union: UInt8 = 0
        while true {
            guard position < count else {
                if isFinal { throw UnterminatedQuote(line: openingLine) }
                return false
            }
            let byte = bytes[position]
            if byte == Self.quote {
                guard position + 1 < count || isFinal else { return false }
                if position + 1 < count, bytes[position + 1] == Self.quote {
                    escaped = true
                    position += 2
                    continue
                }
                break
            }
            if byte == Self.lineFeed || (byte == Self.carriageReturn && (position + 1 == count || bytes[position + 1] != Self.lineFeed)) {
                line += 1
            }
            union |= byte
            position += 1
        }
        record.fields.append(CSVField(start: start, end: position, line: openingLine, hasEscapedQuotes: escaped,
                                      hasNonASCII: union >= 0x80))
        position += 1
        if position < count, bytes[position] != Self.comma, bytes[position] != Self.lineFeed, bytes[position] != Self.carriageReturn {
            if record.fieldWithTextAfterQuote == nil { record.fieldWithTextAfterQuote = record.fields.count - 1 }
            while position < count, bytes[position] != Self.comma, bytes[position] != Self.lineFeed, bytes[position] != Self.carriageReturn {
                position += 1
            }
        }
        return true
    }

    /// Consumes one line break (CRLF counts once) and counts the line; false when a CR ends a
    /// buffer that more bytes follow, since an LF may come next.
    private mutating func skipLineBreak() -> Bool {
        if bytes[position] == Self.carriageReturn {
            if position + 1 < bytes.count {
                position += bytes[position + 1] == Self.lineFeed ? 2 : 1
            } else {
                guard isFinal else { return false }
                position += 1
            }
        } else {
            position += 1
        }
        line += 1
        return true
    }
}
