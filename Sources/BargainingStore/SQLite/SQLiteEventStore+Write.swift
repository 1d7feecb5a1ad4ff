import Bargaining
import Foundation
import GRDB

// MARK: - Writes: the write plan in one IMMEDIATE transaction per decision

extension SQLiteEventStore {
    public func commit(_ writes: [NegotiationWrite], request: String?) async throws(StoreError) {
        let plan = WritePlan(writes, request: request, dialect: .sqlite)
        try await write { db in
            let found = try plan.checks.map { check -> WritePlan.Found in
                switch check {
                case .claim(let statement):
                    return .claimed(try Row.fetchOne(db.cachedStatement(sql: statement.sql), arguments: try Self.arguments(statement)) != nil)
                case .head(let statement):
                    return .head(try Row.fetchOne(db.cachedStatement(sql: statement.sql), arguments: try Self.arguments(statement))
                        .map { (version: $0[0], hash: $0[1]) })
                }
            }
            for statement in try plan.statements(after: found) {
                try db.cachedStatement(sql: statement.sql).execute(arguments: try Self.arguments(statement))
            }
        }
    }

    public func recordedRequest(_ id: String) async throws(StoreError) -> RecordedRequest? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT negotiation_id, version_before, version, opened_id FROM requests WHERE request_id = ?",
                             arguments: [id])
                .map { RecordedRequest(requestID: id, negotiationID: $0[0], versionBefore: $0[1], version: $0[2], opened: $0[3]) }
        }
    }

    /// A statement's bound values for GRDB; a list is bound as the JSON array `json_each` reads.
    static func arguments(_ statement: SQLStatement) throws -> StatementArguments {
        StatementArguments(try statement.binds.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .text(let text): text
            case .integer(let number): number
            case .textList(let list): String(decoding: try JSONEncoder().encode(list), as: UTF8.self)
            }
        })
    }

    /// Runs `body` in an IMMEDIATE transaction: the write lock is taken before the version is
    /// read, so no other process can append between the check and the insert.
    func write(_ body: @escaping @Sendable (Database) throws -> Void) async throws(StoreError) {
        do {
            try await pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try body(db)
                    return .commit
                }
            }
        } catch {
            throw StoreError(sqlite: error, path: path)
        }
    }
}
