import Bargaining
import GRDB

// MARK: - Accounts, tokens and the audit log of the city server

extension SQLiteEventStore: AccountStore {
    public func addAccount(_ account: Account) async throws(StoreError) -> Bool {
        try await writing { db in
            try db.execute(sql: """
                INSERT INTO accounts (name, seat, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO NOTHING
                """, arguments: [account.name, account.seat.description, account.passwordHash, account.disabled, account.createdAt])
            return db.changesCount == 1
        }
    }

    public func accounts() async throws(StoreError) -> [Account] {
        let rows = try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY name").map(Self.accountColumns) }
        return try rows.map { row throws(StoreError) in try Account.stored(name: row.0, seat: row.1, passwordHash: row.2, disabled: row.3, createdAt: row.4) }
    }

    public func account(named name: String) async throws(StoreError) -> Account? {
        let row = try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE name = ?", arguments: [name]).map(Self.accountColumns) }
        guard let row else { return nil }
        return try Account.stored(name: row.0, seat: row.1, passwordHash: row.2, disabled: row.3, createdAt: row.4)
    }

    public func setDisabled(_ name: String, _ disabled: Bool) async throws(StoreError) -> Bool {
        try await writing { db in
            try db.execute(sql: "UPDATE accounts SET disabled = ? WHERE name = ?", arguments: [disabled, name])
            return db.changesCount == 1
        }
    }

    public func removeAccount(_ name: String) async throws(StoreError) -> Bool {
        try await writing { db in
            try db.execute(sql: "DELETE FROM access_tokens WHERE account = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM accounts WHERE name = ?", arguments: [name])
            return db.changesCount == 1
        }
    }

    public func addToken(_ token: StoredToken) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "INSERT INTO access_tokens (digest, account, kind, issued_at, expires_at, revoked) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [token.digest, token.account, token.kind.rawValue, token.issuedAt, token.expiresAt, token.revoked])
        }
    }

    public func token(digest: String) async throws(StoreError) -> StoredToken? {
        let row = try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM access_tokens WHERE digest = ?", arguments: [digest]).map { row in
                (row["digest"] as String, row["account"] as String, row["kind"] as String, row["issued_at"] as Int,
                 row["expires_at"] as Int, row["revoked"] as Bool)
            }
        }
        guard let row else { return nil }
        return try StoredToken.stored(digest: row.0, account: row.1, kind: row.2, issuedAt: row.3, expiresAt: row.4, revoked: row.5)
    }

    public func revokeTokens(of account: String, kind: StoredToken.Kind?) async throws(StoreError) -> Int {
        try await writing { db in
            try db.execute(sql: "UPDATE access_tokens SET revoked = 1 WHERE account = ? AND revoked = 0 AND (? IS NULL OR kind = ?)",
                           arguments: [account, kind?.rawValue, kind?.rawValue])
            return db.changesCount
        }
    }

    public func revokeToken(digest: String) async throws(StoreError) -> Bool {
        try await writing { db in
            try db.execute(sql: "UPDATE access_tokens SET revoked = 1 WHERE digest = ?", arguments: [digest])
            return db.changesCount == 1
        }
    }

    public func appendAudit(_ entries: [AuditEntry]) async throws(StoreError) {
        try await write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO audit_log (at, account, event, detail, remote) VALUES (?, ?, ?, ?, ?)")
            for entry in entries {
                try insert.execute(arguments: [entry.at, entry.account, entry.event, entry.detail, entry.remote])
            }
        }
    }

    public func auditLog(limit: Int) async throws(StoreError) -> [AuditEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                AuditEntry(at: row["at"], account: row["account"], event: row["event"], detail: row["detail"], remote: row["remote"])
            }
        }
    }

    private static func accountColumns(_ row: Row) -> (String, String, String?, Bool, Int) {
        (row["name"], row["seat"], row["password_hash"], row["disabled"], row["created_at"])
    }
}
