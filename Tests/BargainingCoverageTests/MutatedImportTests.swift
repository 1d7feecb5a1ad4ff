import Bargaining
@testable import BargainingCoverage
import Foundation
import Testing

/// A small fuzzer of the district file importers that runs with the tests (issue 12, bad input):
/// files as staff save them (a title above Chinese headers, Excel dates, quoted fields, in UTF-8,
/// GBK and UTF-16) with bytes flipped, cut, repeated and replaced by the characters that matter
/// to CSV and to the encodings. Every mutant must give rows or a ``CSVImportFailure`` in bounded
/// time, and read in chunks of 7 bytes exactly as read whole: the chunk boundaries are where a
/// hand-written reader goes wrong. The workbook reader has its own (MutatedWorkbookTests); a
/// workbook reaches these importers as CSV text.
@Suite("Mutated district files give rows or a refusal, the same in chunks as whole")
struct MutatedImportTests {
    static let registry = "大兴区2016年企业名录,,,,,,,,,\r\n"
        + "序号,企业名称,统一社会信用代码,所属区,所属街道/乡镇,行业类别,职工人数,建会日期,是否工商联会员,备注\r\n"
        + "1,\"北京\"\"星火\"\"科技, 有限公司\",\(code(1)),大兴区,荣华街道,制造业,\"1,186\",2019/5/2,是,\r\n"
        + "2,企业二,\(code(2)),大兴区,旧宫镇,餐饮业,１２０,2019年5月2日,否,\"两行\r\n备注\"\r\n"
        + "3,企业三,\(code(3)),通州区,新华街道,物流业,7,,√,\r\n"
        + ",,,,,,,,,\r\n"
    static let contracts = "合同编号,层级,合同名称,签订日期,生效日期,到期日期,终止日期,覆盖企业\n"
        + "HT1,企业,一号合同,2024-12-20,2025-01-01,2025-12-31,,\(code(1))\n"
        + "QY1,区域性,区域合同,,2024.7.1,2026-06-30,2025-06-30,\(code(2))；\(code(3))\n"
    static let congress = "企业名称,统一社会信用代码,召开日期\n企业一,\(code(1)),2025/3/2\n企业二,\(code(2)),2025年4月18日\n"

    /// Bytes that change how a CSV file or its encoding reads.
    static let specials: [[UInt8]] = [[0x22], [0x2C], [0x0A], [0x0D], [0xFF], [0xEF, 0xBB, 0xBF], [0xE3, 0x80, 0x80], [0xEF, 0xBC, 0x9B],
                                      [0x3B], [0x00], [0x81], Array("9.11101E+17".utf8), Array("2019/2/30".utf8)]

    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        for _ in 0...random.below(3) where !bytes.isEmpty {
            let at = random.below(bytes.count)
            switch random.below(4) {
            case 0: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(16)))
            case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 1 + random.below(64))], at: at)
            default: bytes.insert(contentsOf: random.element(of: specials), at: at)
            }
        }
        return bytes
    }

    /// The outcome as comparable values: rows, rejected lines and notes, or the errors.
    enum Outcome<Row: Equatable & Sendable>: Equatable {
        case read([Row], [CSVRejectedRow], CSVImportNotes)
        case refused([CSVImportError])

        init(_ body: () throws(CSVImportFailure) -> CSVImport<Row>) {
            do throws(CSVImportFailure) {
                let imported = try body()
                self = .read(imported.rows, imported.rejected, imported.notes)
            } catch {
                self = .refused(error.errors)
            }
        }

        var wasRead: Bool { if case .read = self { true } else { false } }
    }

    /// The seeds in the encodings staff's files come in.
    static func encodings(_ text: String) throws -> [[UInt8]] {
        let gbk = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        let utf16 = try #require(text.data(using: .utf16LittleEndian))
        return [Array(text.utf8), Array(("\u{FEFF}" + text).utf8), [UInt8](gbk), [0xFF, 0xFE] + [UInt8](utf16)]
    }

    @Test("registry files: 1,600 mutants")
    func registryFiles() throws {
        var random = SeededRandom(seed: 12)
        var read = 0
        let started = ContinuousClock.now
        for seed in try Self.encodings(Self.registry) {
            for _ in 0..<400 {
                let mutant = Self.mutate(seed, &random)
                // The encoding is found from the first chunk (8 MiB in use): told here what the
                // whole file gives, so that chunks of 7 bytes compare the reading, not the guess.
                let encoding = mutant.withUnsafeBufferPointer { CSVEncoding.detect($0, isWhole: true) }
                let options = CSVReadOptions(encoding: encoding)
                for mode in [CSVImportMode.allOrNothing, .skipInvalid] {
                    let whole = Outcome { () throws(CSVImportFailure) in try RegistryCSV.read(mutant, file: "r.csv", mode: mode) }
                    var source = BytesInMemory(mutant)
                    let chunked = Outcome { () throws(CSVImportFailure) in
                        try RegistryCSV.read(from: &source, file: "r.csv", mode: mode, options: options, chunkSize: 7)
                    }
                    #expect(chunked == whole, "seed 12, mutant \(mutant)")
                    if whole.wasRead { read += 1 }
                }
            }
        }
        #expect(ContinuousClock.now - started < .seconds(60))
        // Most mutants still read (under --skip-invalid at least); some are refused: both paths ran.
        #expect(read > 400 && read < 3_200, "\(read) of 3,200 read")
    }

    @Test("contracts and congress files: 1,600 mutants each")
    func contractAndCongressFiles() throws {
        var random = SeededRandom(seed: 2026)
        let known = (1...3).map(code)
        var outcomes = (read: 0, refused: 0)
        let seeds = try Self.encodings(Self.contracts).map { (true, $0) } + Self.encodings(Self.congress).map { (false, $0) }
        for (isContracts, seed) in seeds {
            for _ in 0..<400 {
                let mutant = Self.mutate(seed, &random)
                if isContracts {
                    let outcome = Outcome { () throws(CSVImportFailure) in
                        try ContractsCSV.read(mutant, file: "c.csv", knownEnterprises: known, mode: .skipInvalid)
                    }
                    if outcome.wasRead { outcomes.read += 1 } else { outcomes.refused += 1 }
                } else {
                    let outcome = Outcome { () throws(CSVImportFailure) in
                        try CongressCSV.read(mutant, file: "s.csv", knownEnterprises: known, mode: .skipInvalid)
                    }
                    if outcome.wasRead { outcomes.read += 1 } else { outcomes.refused += 1 }
                }
            }
        }
        #expect(outcomes.read > 0 && outcomes.refused > 0, "\(outcomes)")
    }
}
