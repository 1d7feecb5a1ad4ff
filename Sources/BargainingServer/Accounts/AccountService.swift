import Bargaining
import BargainingStore
import Foundation
import HummingbirdBcrypt

/// Accounts and sign-in for the city server and for `bargain accounts`: the one place passwords
/// are hashed (bcrypt), tokens issued (only digests stored) and every sign-in, failed sign-in
/// and token use written to the audit log.
public struct AccountService: Sendable {
    public let store: any AccountStore
    /// The bcrypt work factor: 12 in production (about a quarter second a hash), lower in tests.
    public var bcryptCost: UInt8
    /// Unix seconds now (injected so expiry can be tested).
    public var now: @Sendable () -> Int
    /// How long a browser session lasts.
    public var sessionSeconds = 12 * 3600
    let throttle: LoginThrottle
    let auditWriter: AuditWriter

    public init(store: any AccountStore, bcryptCost: UInt8 = 12, now: @escaping @Sendable () -> Int = AccountService.systemNow) {
        self.store = store
        self.bcryptCost = bcryptCost
        self.now = now
        self.throttle = LoginThrottle()
        self.auditWriter = AuditWriter(store: store)
    }

    public static let systemNow: @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }

    /// Adds an account at `seat`. A password, when given, must meet ``PasswordPolicy``; without
    /// one the account signs in with tokens only.
    @discardableResult
    public func add(name: String, seat: Seat, password: String?, by actor: String) async throws -> Account {
        if let problem = Self.nameProblem(name) { throw AccountError.invalidName(problem) }
        if let password, let problem = PasswordPolicy.problem(with: password, account: name) { throw AccountError.weakPassword(problem) }
        let hash = password.map { Bcrypt.hash($0, cost: bcryptCost) }
        let account = Account(name: name, seat: seat, passwordHash: hash, createdAt: now())
        guard try await store.addAccount(account) else { throw AccountError.nameTaken(name) }
        try await audit(name, "account-added", "seat \(seat) by \(actor)")
        return account
    }

    /// Issues a token of `kind` for `name`, valid `seconds`; returns the secret, which is shown
    /// once and never stored.
    public func issueToken(for name: String, kind: StoredToken.Kind = .api, seconds: Int, remote: String? = nil) async throws -> (secret: String, token: StoredToken) {
        guard let account = try await store.account(named: name) else { throw AccountError.noSuchAccount(name) }
        guard !account.disabled else { throw AccountError.tokenNotValid }
        let secret = Secret.make()
        let issued = now()
        let token = StoredToken(digest: Secret.digest(secret), account: name, kind: kind, issuedAt: issued, expiresAt: issued + seconds)
        try await store.addToken(token)
        try await audit(name, kind == .api ? "token-issued" : "session-started", "valid until \(token.expiresAt)", remote: remote)
        return (secret, token)
    }

    /// Checks a password; a session token (or, for `bargain login`, an API token) on success. Failures are counted per name and lock it
    /// after five within 15 minutes.
    public func login(name: String, password: String, remote: String?, kind: StoredToken.Kind = .session,
                      seconds: Int? = nil) async throws -> (secret: String, account: Account) {
        let time = now()
        if let until = await throttle.locked(name, now: time) {
            try await audit(name, "login-refused", "locked", remote: remote)
            throw AccountError.locked(untilUnix: until)
        }
        let account = try await store.account(named: name)
        // A missing account costs the same bcrypt time as a wrong password.
        let hash = account?.passwordHash ?? Self.decoyHash
        let matches = Bcrypt.verify(password, hash: hash)
        guard let account, matches, account.passwordHash != nil, !account.disabled else {
            let locked = await throttle.failed(name, now: time)
            try await audit(name, "login-failed", locked ? "wrong credentials; locked for 15 minutes" : "wrong credentials", remote: remote)
            throw AccountError.wrongCredentials
        }
        await throttle.succeeded(name)
        try await audit(name, "login", "password", remote: remote)
        let session = try await issueToken(for: name, kind: kind, seconds: seconds ?? sessionSeconds, remote: remote)
        return (session.secret, account)
    }

    /// The identity a bearer token or session cookie stands for, or nil when it is unknown,
    /// expired, revoked or its account disabled or removed. An API token's use is for the audit
    /// log: see ``recordUse(of:remote:)``.
    public func identity(secret: String) async throws -> Identity? {
        guard secret.hasPrefix(Secret.prefix), secret.count < 100 else { return nil }
        let digest = Secret.digest(secret)
        guard let token = try await store.token(digest: digest), !token.revoked, token.expiresAt > now(),
              let account = try await store.account(named: token.account), !account.disabled else {
            return nil
        }
        return Identity(account: account, via: token.kind, tokenDigest: digest)
    }

    /// Writes the use of an API token to the audit log (a browser session's requests are not
    /// logged one by one: its sign-in is).
    public func recordUse(of identity: Identity, remote: String?) async throws {
        if identity.via == .api { try await audit(identity.name, "token-used", "", remote: remote) }
    }

    public func logout(_ identity: Identity, remote: String?) async throws {
        _ = try await store.revokeToken(digest: identity.tokenDigest)
        try await audit(identity.name, "logout", "", remote: remote)
    }

    public func audit(_ account: String, _ event: String, _ detail: String, remote: String? = nil) async throws {
        try await auditWriter.append(AuditEntry(at: now(), account: account, event: event, detail: detail, remote: remote))
    }

    /// A name is 1–64 characters of letters, digits, `.`, `_`, `-` or CJK, so it prints and logs
    /// unambiguously and cannot carry control characters.
    static func nameProblem(_ name: String) -> String? {
        guard !name.isEmpty, name.count <= 64 else { return "1 to 64 characters" }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar)
        }
        return allowed ? nil : "use letters, digits, '.', '-' or '_' (no spaces or control characters): \(name.debugDescription)"
    }

    /// A bcrypt hash of a random string, verified against when the account does not exist.
    static let decoyHash = Bcrypt.hash(Secret.make(), cost: 12)
}
