@testable import BargainingStore
import Foundation
import Testing
import TestSupport

/// TLS to a city's PostgreSQL and where its password comes from (issue 18 item 5): checked TLS
/// (`verify-full`) by default off this machine, `sslrootcert` for a district's own CA, and the
/// libpq password file so a URL need carry no password.
@Suite("PostgreSQL store: TLS and passwords", .serialized)
struct PostgresTLSTests {
    @Test("sslmode defaults to verify-full for another host and to prefer on this machine; the URL, then PGSSLMODE, choose otherwise", arguments: [
        ("postgres://bargain@db.example.cn/city", [String: String](), PostgresEndpoint.TLSMode.verifyFull),
        ("postgres://bargain@10.1.2.3:5432/city", [:], .verifyFull),
        ("postgres://bargain@localhost/city", [:], .prefer),
        ("postgres://bargain@127.0.0.1/city", [:], .prefer),
        ("postgres://bargain@[::1]/city", [:], .prefer),
        ("postgres://bargain@db.example.cn/city?sslmode=require", [:], .require),
        ("postgres://bargain@db.example.cn/city", ["PGSSLMODE": "disable"], .disable),
        ("postgres://bargain@db.example.cn/city?sslmode=verify-full", ["PGSSLMODE": "disable"], .verifyFull),
    ])
    func defaultMode(url: String, environment: [String: String], mode: PostgresEndpoint.TLSMode) throws {
        #expect(try PostgresEndpoint(url: url, environment: environment).tls == mode)
    }

    @Test("sslrootcert in the URL, else PGSSLROOTCERT; an unknown PGSSLMODE is a one-line error naming it")
    func rootCertificateAndBadMode() throws {
        #expect(try PostgresEndpoint(url: "postgres://b@db.example.cn/c?sslrootcert=/etc/bargain/ca.pem", environment: [:]).rootCertificate == "/etc/bargain/ca.pem")
        #expect(try PostgresEndpoint(url: "postgres://b@db.example.cn/c", environment: ["PGSSLROOTCERT": "/ca.pem"]).rootCertificate == "/ca.pem")
        let error = #expect(throws: StoreError.self) { try PostgresEndpoint(url: "postgres://b@db.example.cn/c", environment: ["PGSSLMODE": "sometimes"]) }
        #expect(error?.description.contains("PGSSLMODE='sometimes'") == true)
    }

    @Test("the password file: first matching line, * matches anything, \\: and \\\\ escaped, comments skipped; the URL and PGPASSWORD win; a file others can read is ignored")
    func passwordFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("pgpass", """
            # city store
            other.example.cn:5432:city:bargain:wrong
            db.example.cn:*:city:bargain:pa\\:ss\\\\word
            *:*:*:bargain:fallback

            """)
        chmod(path, 0o600)
        let environment = ["PGPASSFILE": path]
        #expect(try PostgresEndpoint(url: "postgres://bargain@db.example.cn:6543/city", environment: environment).password == "pa:ss\\word")
        #expect(try PostgresEndpoint(url: "postgres://bargain@elsewhere/x", environment: environment).password == "fallback")
        #expect(try PostgresEndpoint(url: "postgres://union@db.example.cn/city", environment: environment).password == nil)
        #expect(try PostgresEndpoint(url: "postgres://bargain:inurl@db.example.cn/city", environment: environment).password == "inurl")
        #expect(try PostgresEndpoint(url: "postgres://bargain@db.example.cn/city", environment: environment.merging(["PGPASSWORD": "env"]) { $1 }).password == "env")
        chmod(path, 0o644)
        #expect(try PostgresEndpoint(url: "postgres://bargain@db.example.cn/city", environment: environment).password == nil,
                "libpq ignores a password file the group or others can read")
        #expect(try PostgresEndpoint(url: "postgres://bargain@db.example.cn/city", environment: ["HOME": directory.path]).password == nil,
                "no ~/.pgpass: no password")
    }

    /// A server that answers PostgreSQL's SSLRequest with 'S' and then completes TLS with a
    /// self-signed certificate for `localhost` (Python's ssl module, made by openssl): enough to
    /// see whether the client accepts the certificate.
    static let fakeServer = """
        import socket, ssl, sys
        server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(8)
        print("port", server.getsockname()[1], flush=True)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); context.load_cert_chain(sys.argv[1], sys.argv[2])
        while True:
            client, _ = server.accept()
            client.recv(8); client.sendall(b"S")
            try: context.wrap_socket(client, server_side=True).close()
            except Exception: client.close()
        """

    @Test("verify-full refuses a certificate no trusted CA signed, in one line saying how to fix the URL; with that CA as sslrootcert the handshake passes")
    func verifyFullChecksTheCertificate() async throws {
        guard RequiredTool.available(["openssl", "version"], install: "apt-get install openssl"),
              RequiredTool.available([RequiredTool.python, "--version"], install: "apt-get install python3") else { return }
        let directory = TemporaryDirectory()
        let cert = directory.file("cert.pem"), key = directory.file("key.pem")
        let made = Subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                   "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"])
        try #require(made.status == 0, "\(made.output)")
        let script = directory.write("server.py", Self.fakeServer)
        let server = try Subprocess.start([RequiredTool.python, script, cert, key])
        // SIGKILL: a child inherits the test runner's ignored signals, SIGTERM among them.
        defer { server.signal(SIGKILL); _ = server.waitUntilExit() }
        try await server.waitForLine("port ", timeout: .seconds(10))
        let port = try #require(server.stdout.split(separator: "\n").first { $0.hasPrefix("port ") }.map { $0.dropFirst(5) })

        func open(_ options: String) async -> StoreError? {
            do {
                let store = try await openStore(StoreLocation("postgres://bargain:pw@localhost:\(port)/bargain?\(options)", environment: [:]))
                await store.close()
                return nil
            } catch { return error }
        }
        let refused = try #require(await open("sslmode=verify-full"))
        #expect(refused.description.contains("did not accept the server's certificate"), "\(refused)")
        #expect(refused.description.contains("sslrootcert=PATH"), "\(refused)")
        #expect(!refused.description.contains("\n"))

        let trusted = try #require(await open("sslmode=verify-full&sslrootcert=\(cert)"), "the fake server ends the session after TLS")
        #expect(!trusted.description.contains("certificate"), "with its CA named, the certificate is accepted: \(trusted)")
    }
}
