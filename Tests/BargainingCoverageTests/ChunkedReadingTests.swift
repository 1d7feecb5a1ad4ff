import Bargaining
@testable import BargainingCoverage
import Foundation
import Testing

@Suite("Files are read in chunks: a record cut anywhere by a chunk's end reads the same")
struct ChunkedReadingTests {
    /// A file with every kind of place to cut: the byte order mark, CRLF, quoted fields with
    /// doubled quotes and line breaks, multi-byte characters, a blank line, no final line break.
    static let text = "\u{FEFF}uscc,name,district,street,industry,employees,union_founded_on,chamber_member,closed_on\r\n"
        + "\(code(1)),\"北京\"\"星火\"\"科技, 有限公司\",朝阳区,建外街道,制造业,12,2020-01-01,是,\r\n"
        + "\(code(2)),\"两行\r\n的名称\",海淀区,学院路街道,教育,7,,false,2025-01-01\r\n\r\n"
        + "\(code(3)),企业,海淀区,学院路街道,教育,-3,,false,\r\n"
        + "\(code(4)),企业,海淀区,学院路街道,教育,3,,false,"

    @Test("Chunks of 1 to 64 bytes give the rows, rejections and line numbers of the whole file")
    func everyCut() throws {
        let path = "chunks.csv"
        let whole = try RegistryCSV.read(bytes(Self.text), file: path, mode: .skipInvalid)
        #expect(whole.rows.count == 3)
        #expect(whole.rejected.map(\.line) == [6])
        for chunkSize in 1...64 {
            var source = BytesInMemory(bytes(Self.text))
            let chunked = try RegistryCSV.read(from: &source, file: path, mode: .skipInvalid, chunkSize: chunkSize)
            #expect(chunked.rows == whole.rows, "chunk size \(chunkSize)")
            #expect(chunked.rejected == whole.rejected, "chunk size \(chunkSize)")
        }
    }

    @Test("An unclosed quote is found whatever the chunk size, on the line it opens")
    func unclosedQuote() throws {
        let text = Self.text + "\r\n\(code(5)),\"没有结束,海淀区\r\n"
        for chunkSize in [1, 2, 3, 7, 64, 1 << 20] {
            var source = BytesInMemory(bytes(text))
            let failure = try #require(#expect(throws: CSVImportFailure.self) {
                try RegistryCSV.read(from: &source, file: "chunks.csv", mode: .skipInvalid, chunkSize: chunkSize)
            })
            #expect(failure.errors.map(\.reason) == [.unterminatedQuote])
            #expect(failure.errors.map(\.line) == [8])
        }
    }
}
