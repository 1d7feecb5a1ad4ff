/// Where one field of a record lies in the file's bytes, and what the tokenizer learned while
/// scanning it, so that converting it needs no second pass.
struct CSVField {
    /// Byte offsets of the content; for a quoted field, inside the quotes.
    var start: Int
    var end: Int
    /// The 1-based line the field starts on.
    var line: Int
    /// A quoted field with `""` inside, whose value is not its bytes as they stand.
    var hasEscapedQuotes: Bool
    /// Only these fields can hold invalid UTF-8, so only these are validated.
    var hasNonASCII: Bool
}
