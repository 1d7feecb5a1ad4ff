import Bargaining
import Logging
import PostgresNIO

// MARK: - Accounts, tokens and the audit log of the city server

extension PostgresEventStore: AccountStore {
    public func addAccount(_ account: Account) async throws(StoreError) -> Bool {
        let logger = self.logger
        return try await withConnection { connection in
            try await Self.returnedRows(connection.query("""
                INSERT INTO accounts (name, seat, password_hash, disabled, created_at)
                VALUES (\(account.name), \(account.seat.description), \(account.passwordHash), \(account.disabled), \(account.createdAt))
                ON CONFLICT (name) DO NOTHING RETURNING 1
                """, logger: logger)) == 1
        }
    }

    public func accounts() async throws(StoreError) -> [Account] {
        try await accountRows("SELECT name, seat, password_hash, disabled, created_at FROM accounts ORDER BY name")
    }

    public func account(named name: String) async throws(StoreError) -> Account? {
        try await accountRows("SELECT name, seat, password_hash, disabled, created_at FROM accounts WHERE name = \(name)").first
    }

    public func setDisabled(_ name: String, _ disabled: Bool) async throws(StoreError) -> Bool {
        let logger = self.logger
        return try await withConnection { connection in
            try await Self.returnedRows(connection.query(
                "UPDATE accounts SET disabled = \(disabled) WHERE name = \(name) RETURNING 1", logger: logger)) == 1
        }
    }

    public func removeAccount(_ name: String) async throws(StoreError) -> Bool {
        let logger = self.logger
        return try await transaction { connection in
            try await connection.query("DELETE FROM access_tokens WHERE account = \(name)", logger: logger)
            return try await Self.returnedRows(connection.query("DELETE FROM accounts WHERE name = \(name) RETURNING 1", logger: logger)) == 1
        }
    }

    public func addToken(_ token: StoredToken) async throws(StoreError) {
        let logger = self.logger
        _ = try await withConnection { connection in
            try await connection.query("""
                INSERT INTO access_tokens (digest, account, kind, issued_at, expires_at, revoked)
                VALUES (\(token.digest), \(token.account), \(token.kind.rawValue), \(token.issuedAt), \(token.expiresAt), \(token.revoked))
                """, logger: logger)
        }
    }

    public func token(digest: String) async throws(StoreError) -> StoredToken? {
        let logger = self.logger
        let row = try await withConnection { connection in
            var found: (String, String, String, Int, Int, Bool)?
            for try await row in try await connection.query("""
                SELECT digest, account, kind, issued_at, expires_at, revoked FROM access_tokens WHERE digest = \(digest)
                """, logger: logger).decode((String, String, String, Int, Int, Bool).self) {
                found = row
            }
            return found
        }
        guard let row else { return nil }
        return try StoredToken.stored(digest: row.0, account: row.1, kind: row.2, issuedAt: row.3, expiresAt: row.4, revoked: row.5)
    }

    public func revokeTokens(of account: String, kind: StoredToken.Kind?) async throws(StoreError) -> Int {
        let logger = self.logger
        return try await withConnection { connection in
            try await Self.returnedRows(connection.query("""
                UPDATE access_tokens SET revoked = true
                WHERE account = \(account) AND NOT revoked AND (\(kind?.rawValue)::text IS NULL OR kind = \(kind?.rawValue))
                RETURNING 1
                """, logger: logger))
        }
    }

    public func revokeToken(digest: String) async throws(StoreError) -> Bool {
        let logger = self.logger
        return try await withConnection { connection in
            try await Self.returnedRows(connection.query(
                "UPDATE access_tokens SET revoked = true WHERE digest = \(digest) RETURNING 1", logger: logger)) == 1
        }
    }

    public func appendAudit(_ entries: [AuditEntry]) async throws(StoreError) {
        guard !entries.isEmpty else { return }
        let logger = self.logger
        // One statement (one round trip, atomic) for the whole batch, in order; a remote address
        // that is not known stays NULL, not an empty string.
        let at = entries.map(\.at), account = entries.map(\.account), event = entries.map(\.event), detail = entries.map(\.detail)
        let remote = entries.map { $0.remote ?? "" }, known = entries.map { $0.remote != nil }
        _ = try await withConnection { connection in
            try await connection.query("""
                INSERT INTO audit_log (at, account, event, detail, remote)
                SELECT at, account, event, detail, CASE WHEN known THEN remote END
                FROM unnest(\(at)::bigint[], \(account)::text[], \(event)::text[], \(detail)::text[], \(remote)::text[], \(known)::boolean[])
                  WITH ORDINALITY AS batch(at, account, event, detail, remote, known, position)
                ORDER BY position
                """, logger: logger)
        }
    }

    public func auditLog(limit: Int) async throws(StoreError) -> [AuditEntry] {
        let logger = self.logger
        return try await withConnection { connection in
            var entries: [AuditEntry] = []
            for try await row in try await connection.query("""
                SELECT at, account, event, detail, remote FROM audit_log ORDER BY id DESC LIMIT \(limit)
                """, logger: logger).decode((Int, String, String, String, String?).self) {
                entries.append(AuditEntry(at: row.0, account: row.1, event: row.2, detail: row.3, remote: row.4))
            }
            return entries
        }
    }

    private func accountRows(_ query: PostgresQuery) async throws(StoreError) -> [Account] {
        let logger = self.logger
        let rows = try await withConnection { connection in
            var rows: [(String, String, String?, Bool, Int)] = []
            for try await row in try await connection.query(query, logger: logger).decode((String, String, String?, Bool, Int).self) {
                rows.append(row)
            }
            return rows
        }
        return try rows.map { row throws(StoreError) in try Account.stored(name: row.0, seat: row.1, passwordHash: row.2, disabled: row.3, createdAt: row.4) }
    }

    /// How many rows a statement ending in `RETURNING 1` returned: what it changed.
    private static func returnedRows(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }
}
