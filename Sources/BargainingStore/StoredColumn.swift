import Bargaining

/// Reads typed values back from the text columns both stores use. A value that does not parse
/// means someone wrote to the database behind bargain's back: the error names the row.
enum StoredColumn {
    static func day(_ text: String, _ place: @autoclosure () -> String) throws(StoreError) -> Day {
        guard let day = Day(text) else { throw .corrupt(reason: "\(place()) holds '\(text)', not a date (YYYY-MM-DD)") }
        return day
    }

    static func optionalDay(_ text: String?, _ place: @autoclosure () -> String) throws(StoreError) -> Day? {
        guard let text else { return nil }
        return try day(text, place())
    }

    static func level(_ text: String, _ place: @autoclosure () -> String) throws(StoreError) -> Level {
        guard let level = Level(rawValue: text) else { throw .corrupt(reason: "\(place()) holds '\(text)', not a level") }
        return level
    }

    static func creditCode(_ text: String, _ place: @autoclosure () -> String) throws(StoreError) -> CreditCode {
        do { return try CreditCode(text) } catch {
            throw .corrupt(reason: "\(place()) holds '\(text)', not a credit code (\(error))")
        }
    }
}
