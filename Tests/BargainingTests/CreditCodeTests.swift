import Foundation
import Testing
@testable import Bargaining

@Suite("Unified social credit code (GB 32100-2015, SPEC §6)")
struct CreditCodeTests {
    /// Codes in the published format whose check characters are right, covering a digit, a
    /// letter and the check value 31 written as '0' (none of them is needed to be any particular
    /// enterprise's).
    static let validCodes = [
        "91350100M000100Y43", "91330100716105852F", "9144030071526726XG", "91110000802100433B",
        "91110108551385082Q", "91440300708461136T", "9111000010001002XD", "91110000710925462X",
    ]

    @Test("GB 32100-2015: valid codes are accepted and print as written", arguments: validCodes)
    func acceptsValid(text: String) throws {
        let code = try CreditCode(text)
        #expect(code.description == text)
        #expect(CreditCode.validate(text) == nil)
    }

    @Test("GB 32100-2015: a code has 18 characters", arguments: [
        ("91350100M000100Y4", 17), ("91350100M000100Y433", 19), ("", 0), ("9", 1),
    ])
    func wrongLength(text: String, count: Int) {
        let error = #expect(throws: CreditCodeError.self) { try CreditCode(text) }
        #expect(error == .wrongLength(count))
        #expect(CreditCode.validate(text) == .wrongLength(count))
    }

    @Test("The length message counts characters")
    func lengthMessage() {
        #expect(CreditCodeError.wrongLength(17).description == "has 17 characters; a credit code has 18")
        #expect(CreditCodeError.wrongLength(1).description == "has 1 character; a credit code has 18")
        // Eighteen characters, but not all ASCII: counted as characters, refused by the alphabet.
        #expect(CreditCode.validate("9135０100M000100Y43") == .characterNotAllowed(position: 5, character: "０"))
    }

    @Test("GB 32100-2015: I, O, S, V and Z are not in the alphabet", arguments: ["I", "O", "S", "V", "Z", "-", " ", "中"])
    func characterNotAllowed(character: String) {
        let text = "9135" + character + "100M000100Y43"
        let error = #expect(throws: CreditCodeError.self) { try CreditCode(text) }
        #expect(error == .characterNotAllowed(position: 5, character: Character(character)))
        #expect(error?.description == "character 5 '\(character)' is not allowed (the code uses 0-9 and A–Y without I, O, S, V, Z)")
    }

    @Test("Lowercase is refused with the capital it should be, not silently uppercased")
    func lowercase() {
        let error = #expect(throws: CreditCodeError.self) { try CreditCode("91350100m000100Y43") }
        #expect(error == .lowercase(position: 9, character: "m"))
        #expect(error?.description == "character 9 'm' is lowercase; credit codes are written in capitals ('M')")
        // A lowercase letter whose capital is not allowed either is simply not allowed.
        #expect(CreditCode.validate("91350100i000100Y43") == .characterNotAllowed(position: 9, character: "i"))
    }

    @Test("GB 32100-2015: the check character is 31 − (weighted sum mod 31)")
    func checkCharacterMismatch() {
        let error = #expect(throws: CreditCodeError.self) { try CreditCode("91350100M000100Y4X") }
        #expect(error == .checkCharacterMismatch(found: "X", expected: "3"))
        #expect(error?.description == "check character (18th) is 'X' but the first 17 characters give '3'")
        // One changed character in the first 17 is always caught.
        #expect(CreditCode.validate("91350100M000100Y53") != nil)
    }

    @Test("The first problem is reported: length before characters, characters before the check")
    func firstProblemWins() {
        #expect(CreditCode.validate("I1350100M000100Y4") == .wrongLength(17))
        #expect(CreditCode.validate("I1350100M000100YOX") == .characterNotAllowed(position: 1, character: "I"))
    }

    @Test("makeValid computes each of the 31 check characters, and each result validates")
    func makeValidRoundTrips() throws {
        var checks = Set<Character>()
        for character in "0123456789ABCDEFGHJKLMNPQRTUWXY" {
            let prefix = "9111000000000000" + String(character)
            let code = CreditCode.makeValid(prefix17: prefix)
            let text = code.description
            #expect(text.hasPrefix(prefix))
            #expect(try CreditCode(text) == code)
            checks.insert(text.last!)
        }
        #expect(checks.count == 31)
    }

    @Test("makeValid agrees with the published check characters")
    func makeValidMatchesKnownCodes() {
        for text in Self.validCodes {
            #expect(CreditCode.makeValid(prefix17: String(text.prefix(17))).description == text)
        }
    }

    @Test("Codes compare as their text, and equal texts are equal keys")
    func ordering() throws {
        let codes = try Self.validCodes.map { try CreditCode($0) }
        #expect(codes.sorted().map(\.description) == Self.validCodes.sorted())
        #expect(Set(codes + codes).count == codes.count)
    }

    @Test("Decoding from JSON validates; encoding writes the 18 characters")
    func codable() throws {
        let code = try CreditCode("91350100M000100Y43")
        let data = try JSONEncoder().encode([code])
        #expect(String(decoding: data, as: UTF8.self) == #"["91350100M000100Y43"]"#)
        #expect(try JSONDecoder().decode([CreditCode].self, from: data) == [code])
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CreditCode].self, from: Data(#"["91350100M000100Y4X"]"#.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.contains("check character (18th) is 'X'"))
    }
}
