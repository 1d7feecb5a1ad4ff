import Bargaining

/// One problem in an imported CSV file, located so that a clerk can open the file in a
/// spreadsheet and go straight to the cell: file, line, and column by number and by the name the
/// file's header gives it.
public struct CSVImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line the problem is on (the line a multi-line quoted field starts on); nil for a
    /// problem with the whole file.
    public var line: Int?
    /// 1-based column; nil for a problem with the whole row or file.
    public var column: Int?
    /// The column's name as the file's header writes it.
    public var columnName: String?
    public var reason: Reason

    public init(file: String, line: Int?, column: Int? = nil, columnName: String? = nil, reason: Reason) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.reason = reason
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column {
            text += "column \(column)"
            if let columnName { text += " (\(columnName))" }
            text += ": "
        }
        return text + reason.description
    }

    /// What is wrong, with the offending text quoted.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        case cannotRead(String)
        /// Not even a header line.
        case noHeader
        /// None of the first lines names enough columns to be the header.
        case noHeaderFound(linesRead: Int, expected: [String])
        /// The accepted names of the missing column (English first), and the file's columns that
        /// named nothing, one of which may be the missing one spelled otherwise.
        case missingColumn([String], unused: [String])
        case duplicateColumn(String, firstColumn: Int)
        case invalidUTF8
        /// The bytes are not text in the encoding they were read in (detected or `--encoding`).
        case notInEncoding(CSVEncoding)
        /// A credit code Excel turned into a number shown in scientific notation.
        case creditCodeInScientificNotation(String)
        /// A quoted field opened on this line runs to the end of the file.
        case unterminatedQuote
        case textAfterClosingQuote
        case wrongFieldCount(found: Int, expected: Int)
        case emptyValue
        case badCreditCode(String, CreditCodeError)
        case badDate(String)
        case badBoolean(String)
        case badNumber(String)
        case negativeEmployees(Int)
        case duplicateCode(CreditCode, firstLine: Int)
        case duplicateContractID(String, firstLine: Int)
        case unknownLevel(String)
        case unknownEnterprise(CreditCode)
        case enterpriseListedTwice(CreditCode)
        /// An enterprise-level contract lists this many enterprises instead of one.
        case enterpriseContractNeedsOneEnterprise(found: Int)
        case expiresBeforeEffective(effective: Day, expires: Day)
        case terminatedBeforeEffective(effective: Day, terminated: Day)
        /// A contract is signed, then filed, then takes effect: never the other way (S1 arts 36–47).
        case signedAfterEffective(signed: Day, effective: Day)
        /// A term longer than S1 art 38 allows: `latest` is the last day it could run to.
        case termOverMaximum(effective: Day, expires: Day, latest: Day)
        /// The same enterprise's session on the same day is on an earlier line.
        case duplicateSession(CreditCode, Day, firstLine: Int)
        /// A registry row of another district than the importing staff's (``ImportScope``).
        case otherDistrict(String, allowed: String)
        /// An enterprise registered in another district than the importing staff's.
        case enterpriseOfOtherDistrict(CreditCode, district: String, allowed: String)

        public var description: String {
            switch self {
            case .cannotRead(let why):
                return "cannot read the file: \(why)"
            case .noHeader:
                return "the file is empty; its first line must name the columns"
            case .noHeaderFound(let lines, let expected):
                return "no header row in the first \(lines) lines: the header names the columns, e.g. \(expected.joined(separator: ", "))"
            case .missingColumn(let names, let unused):
                return "missing column '\(names[0])'" + (names.count > 1 ? " (or \(names.dropFirst().map { "'\($0)'" }.joined(separator: ", ")))" : "")
                    + (unused.isEmpty ? "" : "; the file's columns not used: \(unused.joined(separator: ", ")) (name one with --map 'COLUMN=\(names[0])')")
            case .duplicateColumn(let name, let first):
                return "column '\(name)' appears twice (first as column \(first))"
            case .invalidUTF8:
                return "not valid UTF-8 text; save the file as UTF-8"
            case .notInEncoding(let encoding):
                return "the file is not \(encoding.displayName) text; save it from Excel as 'CSV UTF-8', or name its encoding with --encoding"
            case .creditCodeInScientificNotation(let text):
                return "credit code '\(text)' is a number Excel converted to scientific notation, and its last digits are lost: "
                    + "format the column as text (设置单元格格式 → 文本) and enter the codes again, or import the .xlsx workbook"
            case .unterminatedQuote:
                return "a quoted field starts here and is never closed"
            case .textAfterClosingQuote:
                return "text after the closing quote; a quote inside a quoted field is written twice (\"\")"
            case .wrongFieldCount(let found, let expected):
                return "has \(found) field\(found == 1 ? "" : "s"); the header has \(expected)"
            case .emptyValue:
                return "is empty"
            case .badCreditCode(let text, let error):
                return "credit code '\(text)' \(error)"
            case .badDate(let text):
                return "'\(text)' is not a date (2019-05-02, 2019/5/2, 2019.5.2 or 2019年5月2日)"
            case .badBoolean(let text):
                return "'\(text)' is not a yes/no value (是/否, 有/无, √/×, Y/N, true/false, 1/0)"
            case .badNumber(let text):
                return "'\(text)' is not a whole number"
            case .negativeEmployees(let count):
                return "negative number of employees (\(count))"
            case .duplicateCode(let code, let firstLine):
                return "credit code \(code) is already on line \(firstLine)"
            case .duplicateContractID(let id, let firstLine):
                return "contract '\(id)' is already on line \(firstLine)"
            case .unknownLevel(let text):
                return "'\(text)' is not a level (enterprise, industry, regional; 企业, 行业性, 区域性)"
            case .unknownEnterprise(let code):
                return "enterprise \(code) is not in the registry; import it first"
            case .enterpriseListedTwice(let code):
                return "enterprise \(code) is listed twice"
            case .enterpriseContractNeedsOneEnterprise(let found):
                return "an enterprise contract covers exactly one enterprise, not \(found)"
            case .expiresBeforeEffective(let effective, let expires):
                return "expires on \(expires), before it takes effect on \(effective)"
            case .terminatedBeforeEffective(let effective, let terminated):
                return "terminated on \(terminated), before it takes effect on \(effective)"
            case .signedAfterEffective(let signed, let effective):
                return "signed on \(signed), after it takes effect on \(effective); a contract takes effect after it is signed"
            case .termOverMaximum(let effective, let expires, let latest):
                return "a term from \(effective) to \(expires) is over \(ContractsCSV.maximumTermYears) years "
                    + "(\(RuleID.contractTerm.article): it ends by \(latest) at the latest)"
            case .duplicateSession(let code, let day, let firstLine):
                return "the session of \(code) on \(day) is already on line \(firstLine)"
            case .otherDistrict(let district, let allowed):
                return "a row of \(district): staff of \(allowed) import only \(allowed)'s rows"
            case .enterpriseOfOtherDistrict(let code, let district, let allowed):
                return "enterprise \(code) is registered in \(district): staff of \(allowed) import only \(allowed)'s enterprises"
            }
        }
    }
}
