import Foundation

/// The character encodings district files arrive in. Excel on Chinese Windows saves "CSV" in
/// GBK (GB18030 is its superset), "Unicode text" in UTF-16 with a byte order mark, and "CSV UTF-8"
/// with a UTF-8 byte order mark; other tools write plain UTF-8.
public enum CSVEncoding: String, CaseIterable, Sendable {
    /// Detected from the bytes: a byte order mark decides; otherwise text that is valid UTF-8 is
    /// UTF-8 (a GBK file of Chinese text is almost never valid UTF-8), and anything else GB18030.
    case automatic = "auto"
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case gb18030 = "gb18030"

    /// The names `--encoding` accepts for each (GBK is read as GB18030, which contains it).
    public static func named(_ name: String) -> CSVEncoding? {
        switch name.lowercased() {
        case "auto": .automatic
        case "utf-8", "utf8": .utf8
        case "utf-16", "utf16", "unicode": .utf16
        case "gb18030", "gbk", "gb2312", "cp936": .gb18030
        default: nil
        }
    }

    /// How the output names it: "GB18030 (GBK)" tells a clerk what Excel called it.
    public var displayName: String {
        switch self {
        case .automatic: "automatic"
        case .utf8: "UTF-8"
        case .utf16: "UTF-16"
        case .gb18030: "GB18030 (GBK)"
        }
    }

    /// The encoding of a file that begins with `prefix`. `isWhole` says the prefix is the
    /// whole file, so a multi-byte character cut at its end is an error, not a chunk boundary.
    ///
    /// Without a byte order mark, the multi-byte UTF-8 sequences are weighed against the bytes
    /// that cannot be UTF-8: GBK text is full of the latter, while a UTF-8 file with one damaged
    /// cell is mostly the former and stays UTF-8, so that the bad cell is named rather than the
    /// whole file silently decoded into nonsense.
    static func detect(_ prefix: UnsafeBufferPointer<UInt8>, isWhole: Bool) -> CSVEncoding {
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) { return .utf16 }
        var valid = 0, invalid = 0, index = 0
        let end = prefix.count
        while index < end {
            let lead = prefix[index]
            if lead < 0x80 { index += 1; continue }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            if index + length > end && !isWhole { break }
            if lead >= 0xC2, lead < 0xF5, index + length <= end, UTF8Check.isValid(prefix, from: index, to: index + length) {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return invalid == 0 || valid > invalid ? .utf8 : .gb18030
    }

    /// `bytes` as UTF-8, or nil when they are not text in this encoding. UTF-8 is returned as it is
    /// (the importer validates each field and names the bad one).
    func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        switch self {
        case .automatic:
            return bytes.withUnsafeBufferPointer { Self.detect($0, isWhole: true) }.utf8(bytes)
        case .utf8:
            return bytes
        case .utf16:
            guard bytes.count % 2 == 0 else { return nil }
            let bigEndian = bytes.starts(with: [0xFE, 0xFF])
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            for index in stride(from: 0, to: bytes.count, by: 2) {
                let high = UInt16(bytes[bigEndian ? index : index + 1]), low = UInt16(bytes[bigEndian ? index + 1 : index])
                units.append(high << 8 | low)
            }
            var text = ""
            text.reserveCapacity(units.count)
            for scalar in UnicodeDecoding.utf16(units) {
                guard let scalar else { return nil }
                text.unicodeScalars.append(scalar)
            }
            return Array(text.utf8)
        case .gb18030:
            // Foundation's CoreFoundation converter; 0x80000632 is kCFStringEncodingGB_18030_2000
            // as an NSStringEncoding, which swift-corelibs-foundation maps through ICU.
            guard let text = String(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0632)) else { return nil }
            return Array(text.utf8)
        }
    }
}

/// UTF-16 code units to scalars, nil for an unpaired surrogate.
private enum UnicodeDecoding {
    static func utf16(_ units: [UInt16]) -> [Unicode.Scalar?] {
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var scalars: [Unicode.Scalar?] = []
        scalars.reserveCapacity(units.count)
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error: scalars.append(nil)
            }
        }
        return scalars
    }
}
