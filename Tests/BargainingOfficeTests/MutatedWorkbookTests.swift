@testable import BargainingOffice
import Foundation
import Testing

/// A small fuzzer that runs with the tests: the hand-made workbook with bytes flipped, cut and
/// repeated, in its XML parts (re-zipped, so the parsers see them) and in the ZIP itself. Every
/// mutant must give rows or an ``OfficeError``, never a crash, a hang or another error.
@Suite struct MutatedWorkbookTests {
    static let fixture: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        url.appendPathComponent("Fixtures/hand-made.xlsx")
        return url.path
    }()

    /// SplitMix64: the same mutants on every run, so a failure can be replayed by its seed.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static let specials = Array("<>&\"'\u{0}9E+99r=\"ZZZZZZ1\"t=\"s\"".utf8)

    /// Flips a byte, drops a run, repeats a run or puts one of XML's special characters in.
    static func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        var bytes = bytes
        for _ in 0...random.below(3) {
            let at = random.below(bytes.count)
            switch random.below(4) {
            case 0: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(16)))
            case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 1 + random.below(64))], at: at)
            default: bytes.insert(specials[random.below(specials.count)], at: at)
            }
            if bytes.isEmpty { break }
        }
        return bytes
    }

    static func read(_ workbook: [UInt8]) -> Bool {
        do {
            _ = try Workbooks.rows(workbook, limits: OfficeLimits(partBytes: 1 << 20, cells: 100_000))
            return true
        } catch {
            return false
        }
    }

    @Test func mutatedPartsGiveRowsOrAnOfficeError() throws {
        let original = try OfficePackage(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.fixture))), limits: OfficeLimits())
        let parts = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                     "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]
        let contents = try parts.map { try original.part($0) }
        var random = Random(state: 2026)
        var refused = 0
        for _ in 0..<400 {
            var package = OfficePackageWriter()
            let target = random.below(parts.count)
            for (index, part) in parts.enumerated() {
                package.add(part, index == target ? Self.mutate(contents[index], &random) : contents[index])
            }
            if !Self.read(try package.bytes()) { refused += 1 }
        }
        // Most mutants break the XML; some survive as other rows. Both kinds must occur.
        #expect(refused > 100 && refused < 400, "\(refused) of 400 refused")
    }

    @Test func mutatedArchivesGiveRowsOrAnOfficeError() throws {
        let workbook = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixture)))
        var random = Random(state: 12)
        for _ in 0..<400 {
            _ = Self.read(Self.mutate(workbook, &random))
        }
    }
}
