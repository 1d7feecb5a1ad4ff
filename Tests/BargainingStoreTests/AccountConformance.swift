import Bargaining
@testable import BargainingStore
import Testing

/// What every store must do for the city server's accounts (``AccountStore``), written once and
/// run against SQLite and PostgreSQL (AccountConformanceTests). Each check gets a fresh store.
enum AccountConformance {
    static let all: [StoreConformance.Check] = [
        .init(name: "accounts round-trip with their seats; a taken name is refused and changes nothing", run: accounts),
        .init(name: "tokens are found by digest, revoked one or all, and go with their account", run: tokens),
        .init(name: "the audit log returns the newest first, up to the limit", run: audit),
    ]

    static let code = CreditCode.makeValid(prefix17: "91110302MA01C8XK7")

    static func accounts(_ subject: StoreUnderTest) async throws {
        try await subject.withAccounts { store async throws in
            let union = Account(name: "王芳", seat: .unionOfEnterprise(code), passwordHash: "$2b$04$hash", createdAt: 1_750_000_000)
            let reviewer = Account(name: "reviewer", seat: .labourAdministration(district: "大兴区"), passwordHash: nil, createdAt: 1_750_000_001)
            #expect(try await store.addAccount(union))
            #expect(try await store.addAccount(reviewer))
            var impostor = union
            impostor.seat = .administrator
            #expect(try await store.addAccount(impostor) == false)
            #expect(try await store.accounts() == [reviewer, union], "by name; the first 王芳 kept its seat")
            #expect(try await store.account(named: "王芳") == union)
            #expect(try await store.account(named: "nobody") == nil)

            #expect(try await store.setDisabled("reviewer", true))
            #expect(try await store.account(named: "reviewer")?.disabled == true)
            #expect(try await store.setDisabled("nobody", true) == false)
            #expect(try await store.removeAccount("reviewer"))
            #expect(try await store.removeAccount("reviewer") == false)
            #expect(try await store.accounts() == [union])
        }
    }

    static func tokens(_ subject: StoreUnderTest) async throws {
        try await subject.withAccounts { store async throws in
            #expect(try await store.addAccount(Account(name: "liqiang", seat: .employerOfEnterprise(code), passwordHash: nil, createdAt: 1)))
            let api = StoredToken(digest: "aa", account: "liqiang", kind: .api, issuedAt: 10, expiresAt: 100)
            let session = StoredToken(digest: "bb", account: "liqiang", kind: .session, issuedAt: 10, expiresAt: 50)
            try await store.addToken(api)
            try await store.addToken(session)
            #expect(try await store.token(digest: "aa") == api)
            #expect(try await store.token(digest: "zz") == nil)
            #expect(try await store.revokeToken(digest: "bb"))
            #expect(try await store.token(digest: "bb")?.revoked == true)
            #expect(try await store.revokeTokens(of: "liqiang", kind: nil) == 1, "only the live one")
            #expect(try await store.token(digest: "aa")?.revoked == true)
            #expect(try await store.removeAccount("liqiang"))
            #expect(try await store.token(digest: "aa") == nil, "tokens go with their account")
        }
    }

    static func audit(_ subject: StoreUnderTest) async throws {
        try await subject.withAccounts { store async throws in
            func entry(_ index: Int) -> AuditEntry {
                AuditEntry(at: index, account: "a\(index)", event: "login", detail: "'; DROP TABLE audit_log; --",
                           remote: index == 5 ? nil : "127.0.0.1")
            }
            // Lines arrive in batches, as the server's group commit writes them; order is kept.
            try await store.appendAudit((1...4).map(entry))
            try await store.appendAudit([])
            try await store.appendAudit([entry(5)])
            let newest = try await store.auditLog(limit: 2)
            #expect(newest.map(\.account) == ["a5", "a4"])
            #expect(newest[0].remote == nil && newest[1].remote == "127.0.0.1")
            #expect(newest[0].detail == "'; DROP TABLE audit_log; --")
            #expect(try await store.auditLog(limit: 10).map(\.at) == [5, 4, 3, 2, 1])
        }
    }
}

extension StoreUnderTest {
    /// ``with(_:)`` for the account side of the store.
    func withAccounts<T>(_ body: (any AccountStore) async throws -> T) async throws -> T {
        try await with { store in
            let accounts = try #require(store as? any AccountStore, "\(backend) keeps accounts")
            return try await body(accounts)
        }
    }
}

@Suite("SQLite store: account conformance")
struct SQLiteAccountConformanceTests {
    @Test(arguments: AccountConformance.all)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await check.run(try StoreUnderTest.sqlite())
    }
}

@Suite("PostgreSQL store: account conformance", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
struct PostgresAccountConformanceTests {
    @Test(arguments: AccountConformance.all)
    func conformance(_ check: StoreConformance.Check) async throws {
        guard let subject = try PostgresServer.store() else { return }
        try await check.run(subject)
    }
}
