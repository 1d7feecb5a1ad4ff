import Bargaining

/// Accounts, their tokens and the audit log, kept in the same database as the negotiations so a
/// district's SQLite file or a city's PostgreSQL holds everything its server needs. Both stores
/// implement it; one conformance suite checks both.
public protocol AccountStore: Sendable {
    /// Adds an account; false when the name is taken (nothing changed).
    func addAccount(_ account: Account) async throws(StoreError) -> Bool
    /// Every account, by name.
    func accounts() async throws(StoreError) -> [Account]
    func account(named name: String) async throws(StoreError) -> Account?
    /// False when there is no such account.
    func setDisabled(_ name: String, _ disabled: Bool) async throws(StoreError) -> Bool
    /// Removes the account and its tokens (the audit log keeps its lines); false when there is
    /// no such account.
    func removeAccount(_ name: String) async throws(StoreError) -> Bool

    func addToken(_ token: StoredToken) async throws(StoreError)
    func token(digest: String) async throws(StoreError) -> StoredToken?
    /// Revokes every token of `account` of `kind` (all kinds when nil); how many were live.
    func revokeTokens(of account: String, kind: StoredToken.Kind?) async throws(StoreError) -> Int
    /// Revokes one token; false when there is none with that digest.
    func revokeToken(digest: String) async throws(StoreError) -> Bool

    /// Appends audit lines in one transaction, in order (the server writes the lines of
    /// concurrent requests together: see `AuditWriter`).
    func appendAudit(_ entries: [AuditEntry]) async throws(StoreError)
    /// The newest `limit` entries, newest first.
    func auditLog(limit: Int) async throws(StoreError) -> [AuditEntry]
}

extension Account {
    /// The row as stored: the seat as its text, which ``Seat/parse(_:)`` reads back.
    static func stored(name: String, seat: String, passwordHash: String?, disabled: Bool, createdAt: Int) throws(StoreError) -> Account {
        guard let parsed = Seat(seat) else {
            throw StoreError.corrupt(reason: "account \(name) has a seat this bargain cannot read: \(seat)")
        }
        return Account(name: name, seat: parsed, passwordHash: passwordHash, disabled: disabled, createdAt: createdAt)
    }
}

extension StoredToken {
    static func stored(digest: String, account: String, kind: String, issuedAt: Int, expiresAt: Int, revoked: Bool) throws(StoreError) -> StoredToken {
        guard let parsed = Kind(rawValue: kind) else { throw StoreError.corrupt(reason: "a token of account \(account) has an unknown kind \(kind)") }
        return StoredToken(digest: digest, account: account, kind: parsed, issuedAt: issuedAt, expiresAt: expiresAt, revoked: revoked)
    }
}
