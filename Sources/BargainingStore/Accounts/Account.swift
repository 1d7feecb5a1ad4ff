import Bargaining

/// A person's login on the city server: a name, the seat they act from, and how they prove it.
/// The seat, never the request, decides the role recorded for their acts (issue 15).
public struct Account: Hashable, Sendable {
    public var name: String
    public var seat: Seat
    /// The bcrypt hash of the password; nil for an account that signs in with tokens only.
    public var passwordHash: String?
    /// A disabled account can neither log in nor use its tokens; its history stays.
    public var disabled: Bool
    /// Unix seconds.
    public var createdAt: Int

    public init(name: String, seat: Seat, passwordHash: String?, disabled: Bool = false, createdAt: Int) {
        self.name = name
        self.seat = seat
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt
    }
}

/// A bearer token or a browser session as stored: only the SHA-256 digest of the secret is
/// kept, so a copy of the database does not let anyone sign in.
public struct StoredToken: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// `bargain accounts token` and `bargain login`: for the API and the CLI.
        case api
        /// A browser's login, in an HttpOnly cookie.
        case session
    }

    /// Lowercase hex SHA-256 of the secret.
    public var digest: String
    public var account: String
    public var kind: Kind
    /// Unix seconds.
    public var issuedAt: Int
    public var expiresAt: Int
    public var revoked: Bool

    public init(digest: String, account: String, kind: Kind, issuedAt: Int, expiresAt: Int, revoked: Bool = false) {
        self.digest = digest
        self.account = account
        self.kind = kind
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.revoked = revoked
    }
}

/// One line of the audit log the administrator reads: logins, failed logins, token use,
/// refused acts, account changes.
public struct AuditEntry: Hashable, Sendable {
    /// Unix seconds.
    public var at: Int
    /// The account concerned, or the name that was tried.
    public var account: String
    /// `login`, `login-failed`, `token-used`, `refused`, `acted`, `account-added`, ….
    public var event: String
    public var detail: String
    /// The client's address, when the entry comes from the server.
    public var remote: String?

    public init(at: Int, account: String, event: String, detail: String, remote: String? = nil) {
        self.at = at
        self.account = account
        self.event = event
        self.detail = detail
        self.remote = remote
    }
}
