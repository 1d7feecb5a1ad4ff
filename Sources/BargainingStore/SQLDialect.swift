/// What differs between SQLite and PostgreSQL in the statements of the write plan, and nothing
/// else: after vapor/sql-kit's `SQLDialect` (a bind placeholder by position, a lock clause), as a
/// value rather than a protocol, since there are two and both are known here.
struct SQLDialect: Sendable {
    /// The `n`th bound value (from 1): `?` in SQLite, `$n` in PostgreSQL.
    let placeholder: @Sendable (Int) -> String
    /// What a bound event body is cast to: PostgreSQL keeps bodies as `json`, SQLite as text.
    let jsonCast: String
    /// The clause that locks the negotiation row a commit is about to change. SQLite's IMMEDIATE
    /// transaction already holds the database's one write lock.
    let rowLock: String
    /// Rows `(position, value)` from one bound list of text, positions from 0: how a contract's
    /// enterprises go in with one statement, however many there are (a regional contract may
    /// cover hundreds of thousands, more than either database takes as separate bound values).
    let listRows: @Sendable (_ placeholder: String) -> String

    static let sqlite = SQLDialect(
        placeholder: { _ in "?" },
        jsonCast: "",
        rowLock: "",
        listRows: { "SELECT key, value FROM json_each(\($0))" })

    static let postgres = SQLDialect(
        placeholder: { "$\($0)" },
        jsonCast: "::json",
        rowLock: "FOR UPDATE OF n",
        listRows: { "SELECT ordinality - 1, value FROM unnest(\($0)::text[]) WITH ORDINALITY AS list (value, ordinality)" })
}

/// A value bound to a statement of the write plan.
enum SQLValue: Sendable, Hashable {
    case text(String?)
    case integer(Int)
    /// A list bound as one value (for ``SQLDialect/listRows``): a JSON array for SQLite, a
    /// `text[]` for PostgreSQL.
    case textList([String])
}

/// One statement in a dialect, with its bound values in placeholder order.
struct SQLStatement: Sendable, Hashable {
    var sql: String
    var binds: [SQLValue]
}

/// Binds values for one statement, numbering placeholders in the order they are bound.
struct SQLBuilder {
    let dialect: SQLDialect
    fileprivate(set) var binds: [SQLValue] = []

    /// Binds `value` and returns its placeholder.
    mutating func bind(_ value: SQLValue) -> String {
        binds.append(value)
        return dialect.placeholder(binds.count)
    }

    /// `(p1, p2, …)` for one row of values.
    mutating func row(_ values: [SQLValue]) -> String {
        "(" + values.map { bind($0) }.joined(separator: ", ") + ")"
    }
}

extension SQLDialect {
    /// The statement whose text `write` returns, binding values as it goes.
    func statement(_ write: (inout SQLBuilder) -> String) -> SQLStatement {
        var builder = SQLBuilder(dialect: self)
        let sql = write(&builder)
        return SQLStatement(sql: sql, binds: builder.binds)
    }
}
