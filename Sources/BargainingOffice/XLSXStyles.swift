import XMLCore

/// Which cell styles show a number as a date: Excel stores a date as a serial number and only the
/// style's number format says so.
struct XLSXStyles {
    /// By cell style index (a cell's `s`); styles past the end are not dates.
    private(set) var isDate: [Bool] = []

    func isDate(style: Int) -> Bool { style >= 0 && style < isDate.count && isDate[style] }

    init() {}

    init(part: String, in package: OfficePackage) throws(OfficeError) {
        let handler = Handler(limit: package.limits.cells)
        try OfficeXML.stream(part, in: package, to: handler)
        isDate = handler.formatOfStyle.map { id in handler.customFormats[id].map(Self.isDateFormat) ?? Self.isBuiltInDate(id) }
    }

    /// Built-in formats: 14–22 everywhere, and in Chinese, Japanese and Korean Excel 27–36 and
    /// 50–58 (`yyyy"年"m"月"d"日"` and the like). 18–21 are times of day, shown as dates too: a
    /// registry has no column of bare times.
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (50...58).contains(id)
    }

    /// A custom format is a date when, outside quoted text, escapes and `[…]` sections (colours,
    /// locales, elapsed time), it has a year or day code (`y`, `d`). `m` alone does not count: in
    /// `h:mm` it means minutes. (`e`, the era year, is left out: it is also in `General`.)
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        // Only the first section (positive numbers) decides, as `0;[Red]-0` shows.
        for character in code {
            if escaped {
                escaped = false
            } else if inQuotes {
                inQuotes = character != "\""
            } else if inBrackets {
                inBrackets = character != "]"
            } else {
                switch character {
                case "\\": escaped = true
                case "\"": inQuotes = true
                case "[": inBrackets = true
                case ";": return false
                case "y", "Y", "d", "D": return true
                default: continue
                }
            }
        }
        return false
    }

    /// Collects `numFmt` codes and, for each `xf` of `cellXfs` (not `cellStyleXfs`), its format id.
    private final class Handler: XMLStreamHandler {
        let limit: Int
        var customFormats: [Int: String] = [:]
        var formatOfStyle: [Int] = []
        private var inCellFormats = false

        init(limit: Int) { self.limit = limit }

        func startElement(_ name: XMLName, attributes: [XMLAttribute]) throws {
            switch name.localName {
            case "numFmt":
                if let id = attributes.value("numFmtId").flatMap(Int.init), let code = attributes.value("formatCode") {
                    customFormats[id] = code
                }
            case "cellXfs": inCellFormats = true
            case "xf" where inCellFormats:
                guard formatOfStyle.count < limit else { throw OfficeError.tooManyCells(limit: limit) }
                formatOfStyle.append(attributes.value("numFmtId").flatMap(Int.init) ?? 0)
            default: break
            }
        }

        func endElement(_ name: XMLName) throws {
            if name.localName == "cellXfs" { inCellFormats = false }
        }

        func text(_ text: String) throws {}
    }
}

extension [XMLAttribute] {
    /// The value of the unprefixed attribute `name`.
    func value(_ name: String) -> String? {
        first { $0.name == name && $0.namespace == nil }?.value
    }
}
