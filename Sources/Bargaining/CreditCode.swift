/// An enterprise's unified social credit code (统一社会信用代码, GB 32100-2015): the key every
/// registry row, contract and coverage statistic identifies an enterprise by (SPEC §6).
///
/// A value always holds a valid code: the only ways in are ``init(_:)``, which checks it, and
/// ``makeValid(prefix17:)``, which computes the check character. The 18 characters are packed
/// five bits each into two integers, so a code used as a dictionary key in the coverage
/// statistics costs no allocation.
///
/// Lowercase is refused, not uppercased: the standard writes the code in capitals, and a registry
/// row with a lowercase code was typed by hand and should be looked at, with its line.
public struct CreditCode: Hashable, Sendable {
    /// Characters 1–9, five bits each, the first in the highest bits.
    private let high: UInt64
    /// Characters 10–18, the same way.
    private let low: UInt64

    /// The 31 characters of the code in value order: digits, then A–Y without I, O, S, V, Z.
    private static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// The weights of characters 1–17 in the check sum: 3^(i-1) mod 31.
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// ASCII byte → value in `alphabet`, or -1 for a byte the code does not use.
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(value) }
        return table
    }()

    public init(_ text: some StringProtocol) throws(CreditCodeError) {
        // Fast path over the UTF-8 bytes, which a valid code is made of; anything else is
        // diagnosed character by character in `problem(in:)`.
        var values = [Int](repeating: 0, count: 18)
        var count = 0
        for byte in text.utf8 {
            guard count < 18, byte < 128, Self.values[Int(byte)] >= 0 else { throw Self.problem(in: text) }
            values[count] = Int(Self.values[Int(byte)])
            count += 1
        }
        guard count == 18 else { throw Self.problem(in: text) }
        let expected = Self.checkValue(values)
        guard values[17] == expected else {
            throw .checkCharacterMismatch(found: Character(Unicode.Scalar(Self.alphabet[values[17]])),
                                          expected: Character(Unicode.Scalar(Self.alphabet[expected])))
        }
        self.init(values: values)
    }

    /// Nil when `text` is a valid code; otherwise what is wrong with it. For a registry import,
    /// where a bad code is a finding to report with its line rather than a failure.
    public static func validate(_ text: some StringProtocol) -> CreditCodeError? {
        do {
            _ = try CreditCode(text)
            return nil
        } catch {
            return error
        }
    }

    /// The valid code that starts with `prefix17`, for test data and generators. The prefix must
    /// be 17 characters of the code's alphabet; anything else is a programming error.
    public static func makeValid(prefix17: String) -> CreditCode {
        let bytes = Array(prefix17.utf8)
        precondition(bytes.count == 17, "a credit code prefix has 17 characters, not \(bytes.count)")
        var values = bytes.map { byte -> Int in
            let value = byte < 128 ? Int(Self.values[Int(byte)]) : -1
            precondition(value >= 0, "'\(prefix17)' has a character a credit code does not use")
            return value
        }
        values.append(checkValue(values))
        return CreditCode(values: values)
    }

    private init(values: [Int]) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for value in values[0..<9] { high = high << 5 | UInt64(value) }
        for value in values[9..<18] { low = low << 5 | UInt64(value) }
        self.high = high
        self.low = low
    }

    /// The first thing wrong with a text the fast path refused: the length, then each character
    /// in order, counted in characters as a reader counts them.
    private static func problem(in text: some StringProtocol) -> CreditCodeError {
        let characters = Array(text)
        guard characters.count == 18 else { return .wrongLength(characters.count) }
        for (index, character) in characters.enumerated() {
            if let ascii = character.asciiValue, ascii < 128, values[Int(ascii)] >= 0 { continue }
            if character.isLowercase, let ascii = Character(character.uppercased()).asciiValue, values[Int(ascii)] >= 0 {
                return .lowercase(position: index + 1, character: character)
            }
            return .characterNotAllowed(position: index + 1, character: character)
        }
        preconditionFailure("'\(text)' has 18 allowed characters but was refused")
    }

    /// The value of the check character for the first 17 values: 31 − (weighted sum mod 31),
    /// with 31 written as value 0.
    private static func checkValue(_ values: [Int]) -> Int {
        var sum = 0
        for position in 0..<17 { sum += values[position] * weights[position] }
        return (31 - sum % 31) % 31
    }
}

extension CreditCode: CustomStringConvertible {
    /// The 18 characters.
    public var description: String {
        var bytes = [UInt8](repeating: 0, count: 18)
        for index in 0..<9 {
            let shift = UInt64(5 * (8 - index))
            bytes[index] = Self.alphabet[Int(high >> shift & 31)]
            bytes[9 + index] = Self.alphabet[Int(low >> shift & 31)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Ordered as the text is: the alphabet's value order is its ASCII order, and the packing keeps
/// the first character in the highest bits. Exports sort enterprises by code.
extension CreditCode: Comparable {
    public static func < (lhs: CreditCode, rhs: CreditCode) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

/// A code in JSON or YAML is checked as it is decoded, so stored data cannot hold a bad one.
extension CreditCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CreditCode(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "credit code '\(text)': \(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// What is wrong with a would-be credit code, and where, in words a registry clerk can act on.
public enum CreditCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The number of characters found.
    case wrongLength(Int)
    /// 1-based position.
    case characterNotAllowed(position: Int, character: Character)
    /// A lowercase letter whose capital is allowed; 1-based position.
    case lowercase(position: Int, character: Character)
    case checkCharacterMismatch(found: Character, expected: Character)

    public var description: String {
        switch self {
        case .wrongLength(let count):
            return "has \(count) character\(count == 1 ? "" : "s"); a credit code has 18"
        case .characterNotAllowed(let position, let character):
            return "character \(position) '\(character)' is not allowed (the code uses 0-9 and A–Y without I, O, S, V, Z)"
        case .lowercase(let position, let character):
            return "character \(position) '\(character)' is lowercase; credit codes are written in capitals ('\(character.uppercased())')"
        case .checkCharacterMismatch(let found, let expected):
            return "check character (18th) is '\(found)' but the first 17 characters give '\(expected)'"
        }
    }
}
