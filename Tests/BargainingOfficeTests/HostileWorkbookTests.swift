@testable import BargainingOffice
import Foundation
import Testing
import TestSupport

/// Workbooks made to hurt: each refused with a sentence, in bounded time and memory, before any
/// row is handed on where the check allows it.
@Suite struct HostileWorkbookTests {
    static let oneCell = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"

    @Test func aZipBombIsRefusedByItsDeclaredSize() throws {
        // 16 MiB of one character deflates to about 16 KB; the limit is 1 MiB.
        let bomb = "<?xml version=\"1.0\"?><worksheet xmlns=\"\(Workbooks.main)\"><sheetData><row><c t=\"inlineStr\"><is><t>"
            + String(repeating: "A", count: 16 << 20) + "</t></is></c></row></sheetData></worksheet>"
        let workbook = try Workbooks.make(sheetData: "", extraSheetPart: bomb)
        #expect(workbook.count < 1 << 20)
        let limits = OfficeLimits(partBytes: 1 << 20)
        #expect(throws: OfficeError.partTooLarge(part: "xl/worksheets/sheet1.xml", limit: 1 << 20, declared: true)) {
            try Workbooks.rows(workbook, limits: limits)
        }
    }

    @Test func aZipBombThatUnderstatesItsSizeIsStoppedWhileInflating() throws {
        let text = "<?xml version=\"1.0\"?><worksheet xmlns=\"\(Workbooks.main)\"><sheetData><row><c t=\"inlineStr\"><is><t>"
            + String(repeating: "A", count: 8 << 20) + "</t></is></c></row></sheetData></worksheet>"
        var workbook = try Workbooks.make(sheetData: "", extraSheetPart: text)
        // Claim 100 bytes for the sheet in its local header and central directory entry.
        Self.patchUncompressedSize(of: "xl/worksheets/sheet1.xml", in: &workbook, to: 100)
        let limits = OfficeLimits(partBytes: 1 << 20)
        #expect(throws: OfficeError.partTooLarge(part: "xl/worksheets/sheet1.xml", limit: 1 << 20, declared: false)) {
            try Workbooks.rows(workbook, limits: limits)
        }
    }

    @Test func aMillionColumnsAreRefusedAtTheFirstCellPastTheLimit() throws {
        // Column 1,000,000 is BDWGN.
        #expect(CellReference("BDWGN1")?.column == 1_000_000)
        let far = try Workbooks.make(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"BDWGN1\"><v>2</v></c></row>")
        #expect(throws: OfficeError.tooManyColumns(row: 1, limit: 16_384)) { try Workbooks.rows(far) }
        // The same without references: a million cells one after another.
        let implicit = try Workbooks.make(sheetData: "<row>" + String(repeating: "<c/>", count: 1_000_000) + "</row>")
        let started = ContinuousClock.now
        #expect(throws: OfficeError.tooManyColumns(row: 1, limit: 16_384)) { try Workbooks.rows(implicit) }
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(throws: OfficeError.badReference(part: "xl/worksheets/sheet1.xml", reference: "AAAAAAAAAAAAAAAAAAAA1")) {
            try Workbooks.rows(Workbooks.make(sheetData: "<row r=\"1\"><c r=\"AAAAAAAAAAAAAAAAAAAA1\"><v>1</v></c></row>"))
        }
    }

    @Test func rowsAndCellsPastTheLimits() throws {
        let tall = try Workbooks.make(sheetData: "<row r=\"3000000\"><c><v>1</v></c></row>")
        #expect(throws: OfficeError.tooManyRows(limit: 2_000_000)) { try Workbooks.rows(tall) }
        let wide = try Workbooks.make(sheetData: (1...5).map { "<row r=\"\($0)\"><c r=\"J\($0)\"><v>1</v></c></row>" }.joined())
        #expect(throws: OfficeError.tooManyCells(limit: 40)) { try Workbooks.rows(wide, limits: OfficeLimits(cells: 40)) }
        let backwards = try Workbooks.make(sheetData: "<row r=\"2\"><c><v>1</v></c></row><row r=\"1\"><c><v>1</v></c></row>")
        #expect(throws: OfficeError.badReference(part: "xl/worksheets/sheet1.xml", reference: "1")) { try Workbooks.rows(backwards) }
    }

    @Test func aSharedStringIndexOutOfRange() throws {
        let workbook = try Workbooks.make(sheetData: "<row r=\"4\"><c r=\"B4\" t=\"s\"><v>7</v></c></row>",
                                          sharedStrings: ["<si><t>a</t></si>", "<si><t>b</t></si>"])
        #expect(throws: OfficeError.sharedStringOutOfRange(cell: "B4", index: "7", count: 2)) { try Workbooks.rows(workbook) }
        #expect(throws: OfficeError.sharedStringOutOfRange(cell: "A1", index: "-1", count: 0)) {
            try Workbooks.rows(Workbooks.make(sheetData: "<row><c t=\"s\"><v>-1</v></c></row>"))
        }
    }

    @Test func aDoctypeOrExternalEntityInAnyPart() throws {
        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<worksheet xmlns=\"\(Workbooks.main)\"><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>"
        let workbook = try Workbooks.make(sheetData: "", extraSheetPart: xxe)
        #expect(throws: OfficeError.unreadablePart(part: "xl/worksheets/sheet1.xml", reason: OfficeXML.doctypeRefused)) {
            try Workbooks.rows(workbook)
        }
        let strings = try Workbooks.make(sheetData: Self.oneCell, sharedStrings: ["<!DOCTYPE sst><si><t>a</t></si>"])
        #expect(throws: OfficeError.self) { try Workbooks.rows(strings) }
    }

    @Test func missingPartsAndFilesThatAreNoWorkbook() throws {
        var package = OfficePackageWriter()
        package.add("[Content_Types].xml", Workbooks.bytes("<Types/>"))
        #expect(throws: OfficeError.missingPart("xl/workbook.xml")) { try Workbooks.rows(package.bytes()) }

        let withoutSheet = try Workbooks.make(sheetData: Self.oneCell)
        let reader = try OfficePackage(bytes: withoutSheet, limits: OfficeLimits())
        #expect(reader.contains("xl/worksheets/sheet1.xml"))
        var rebuilt = OfficePackageWriter()
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"] {
            rebuilt.add(part, try reader.part(part))
        }
        #expect(throws: OfficeError.missingPart("xl/worksheets/sheet1.xml")) { try Workbooks.rows(rebuilt.bytes()) }

        #expect(throws: OfficeError.legacyExcel) { try Workbooks.rows([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)) }
        #expect(throws: OfficeError.self) { try Workbooks.rows(Array("统一社会信用代码,名称\n".utf8)) }
        #expect(throws: OfficeError.noSheets) {
            try Workbooks.rows(Workbooks.make(sheetData: "").replacingSheets())
        }
    }

    @Test func filesAreToldApartByTheirFirstBytes() throws {
        let folder = TemporaryDirectory()
        let disguised = folder.file("registry.csv")
        try Data(Workbooks.make(sheetData: Self.oneCell)).write(to: URL(fileURLWithPath: disguised))
        #expect(OfficeFileKind.of(path: disguised) == .workbook)
        let old = folder.file("registry.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: URL(fileURLWithPath: old))
        #expect(OfficeFileKind.of(path: old) == .legacyExcel)
        let text = folder.file("registry.xlsx.csv")
        try Data("a,b\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(OfficeFileKind.of(path: text) == .other)
        #expect(OfficeFileKind.of(path: folder.file("missing.xlsx")) == .workbook)
        #expect(throws: OfficeError.self) { try XLSXReader().read(contentsOf: folder.file("missing.xlsx")) { _, _ in } }
    }

    /// Sets the uncompressed size of `part` in both of its ZIP headers.
    static func patchUncompressedSize(of part: String, in bytes: inout [UInt8], to size: UInt32) {
        let name = Array(part.utf8)
        func littleEndian16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func write32(_ value: UInt32, at: Int) {
            for index in 0..<4 { bytes[at + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        var index = 0
        while index + 46 < bytes.count {
            if bytes[index...].starts(with: [0x50, 0x4B, 0x03, 0x04]), littleEndian16(index + 26) == name.count,
               Array(bytes[(index + 30)..<(index + 30 + name.count)]) == name {
                write32(size, at: index + 22)
            }
            if bytes[index...].starts(with: [0x50, 0x4B, 0x01, 0x02]), littleEndian16(index + 28) == name.count,
               Array(bytes[(index + 46)..<(index + 46 + name.count)]) == name {
                write32(size, at: index + 24)
            }
            index += 1
        }
    }
}

private extension [UInt8] {
    /// The same workbook with an empty sheet list.
    func replacingSheets() throws -> [UInt8] {
        let package = try OfficePackage(bytes: self, limits: OfficeLimits())
        var rebuilt = OfficePackageWriter()
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"] {
            rebuilt.add(part, try package.part(part))
        }
        rebuilt.add("xl/workbook.xml", Workbooks.bytes("<workbook xmlns=\"\(Workbooks.main)\"><sheets/></workbook>"))
        return try rebuilt.bytes()
    }
}
