/// A string written by interpolation straight into one UTF-8 buffer, for messages the engine
/// builds on its hot path (a congress vote's explanation, recorded with every vote).
///
/// `String` interpolation appends piece by piece, and each append of a `String` checks the
/// boundary between the pieces (encoding, normalization, grapheme breaks); for a sentence of a
/// dozen pieces that cost several times the rest of the rule. Here the pieces are copied as
/// bytes and the string is made once. Numbers are written as `String(n)` writes them.
struct UTF8Text: ExpressibleByStringInterpolation {
    private(set) var bytes: [UInt8]

    init(stringLiteral value: String) { bytes = Array(value.utf8) }
    init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) { append(literal) }
        mutating func appendInterpolation(_ text: String) { append(text) }
        mutating func appendInterpolation(_ value: some CustomStringConvertible) { append(value.description) }

        /// Copies the bytes in one go where the string has them in memory (literals, native
        /// strings), instead of the generic element-by-element append.
        private mutating func append(_ text: String) {
            let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
            if copied == nil { bytes.append(contentsOf: text.utf8) }
        }

        /// Digits without a detour through `description`'s dynamic dispatch: most significant
        /// first, found by dividing down from the largest power of ten that fits.
        mutating func appendInterpolation(_ number: Int) {
            if number < 0 { bytes.append(UInt8(ascii: "-")) }
            let magnitude = number.magnitude
            var divisor: UInt = 1
            while divisor <= magnitude / 10 { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
                divisor /= 10
            }
        }
    }
}
