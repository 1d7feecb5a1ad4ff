/// One record as the tokenizer found it. The importer reuses a single value for every row, so
/// reading a million rows allocates no per-row field arrays.
struct CSVRecord {
    var fields: [CSVField] = []
    /// The line the record starts on.
    var line = 0
    /// Byte offsets of the record without its line break, to quote a rejected row as written.
    var start = 0
    var end = 0
    /// The index of a quoted field followed by stray text: the row is malformed there.
    var fieldWithTextAfterQuote: Int?
}
