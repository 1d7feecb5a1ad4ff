import Foundation

/// What a file is, told from its first bytes and, failing that, its name: so that a workbook
/// saved without the `.xlsx` ending is still read as one, and an old `.xls` gets a sentence
/// instead of a CSV parser's complaints about binary bytes.
public enum OfficeFileKind: Sendable, Equatable {
    /// A ZIP archive (`PK\u{3}\u{4}`), or an empty or unreadable file named `.xlsx`/`.xlsm`.
    case workbook
    /// An OLE compound document (`D0 CF 11 E0 A1 B1 1A E1`): Excel 97–2003 and other old Office files.
    case legacyExcel
    case other

    private static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    private static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    public static func of(path: String) -> OfficeFileKind {
        let prefix = FileHandle(forReadingAtPath: path).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 8)
        }.map { [UInt8]($0) } ?? []
        return of(prefix: prefix[...], name: path)
    }

    /// An uploaded file's kind, from its bytes and the name the browser gave it.
    public static func of(bytes: [UInt8], name: String) -> OfficeFileKind {
        of(prefix: bytes.prefix(8), name: name)
    }

    private static func of(prefix: ArraySlice<UInt8>, name: String) -> OfficeFileKind {
        let kind = of(prefix: prefix)
        if kind != .other { return kind }
        let name = name.lowercased()
        return name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm") ? .workbook : .other
    }

    static func of(prefix: ArraySlice<UInt8>) -> OfficeFileKind {
        if prefix.starts(with: zipMagic) { return .workbook }
        if prefix.starts(with: oleMagic) { return .legacyExcel }
        return .other
    }
}
