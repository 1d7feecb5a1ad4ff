import Foundation
import Testing
import TestSupport

/// The union chair's CLI against the city server (issue 15 item 8): `bargain serve` as a separate
/// process on 127.0.0.1, `bargain login`, then `do`, `status`, `list` and `log` with `--server`,
/// giving the same output and exit codes as on a local store; the seat decides who acts.
@Suite("bargain serve, login and --server", .serialized)
struct ServerCommandTests {
    static let password = "correct horse battery"

    /// A store with the sample's negotiation and two accounts, and a server over it.
    final class CityFixture {
        let store = try! StoreFixture()
        let config = TemporaryDirectory()
        let port = Int.random(in: 20_000...40_000)
        var server: Process?
        var url: String { "http://127.0.0.1:\(port)" }
        var environment: [String: String] { ["XDG_CONFIG_HOME": config.url.path] }

        /// Opens the sample and adds the accounts (unless `opening` is false: a restart), then
        /// starts the server.
        func start(opening: Bool = true) throws {
            if opening {
                try store.open("ENT-WEB")
                let code = StoreFixture.enterprise.creditCode
                for (name, seat) in [("wangfang", "union:\(code)"), ("liqiang", "employer:\(code)")] {
                    let added = try store.run(["accounts", "add", name, "--seat", seat, "--password-stdin"], input: ServerCommandTests.password + "\n")
                    #expect(added.status == 0, "\(added.stderr)")
                }
            }
            server = try BargainBinary.launch(["serve", "--listen", "127.0.0.1:\(port)", "--log-level", "error"],
                                              environment: store.environment, in: Repository.root) { _ in }
        }

        /// `bargain login` as `name`, retried while the server is still starting (exit 69).
        func login(_ name: String) throws -> BargainBinary.Result {
            var result = try run(["login", url, "--name", name, "--password-stdin"], input: ServerCommandTests.password + "\n")
            for _ in 0..<100 where result.status == 69 {
                Thread.sleep(forTimeInterval: 0.1)
                result = try run(["login", url, "--name", name, "--password-stdin"], input: ServerCommandTests.password + "\n")
            }
            return result
        }

        func run(_ arguments: [String], input: String = "") throws -> BargainBinary.Result {
            try store.run(arguments, environment: environment, input: input)
        }

        func stop() -> Int32? {
            guard let server else { return nil }
            server.terminate()
            server.waitUntilExit()
            return server.terminationStatus
        }
    }

    @Test("do, status, list and log through the server act under the signed-in seat with the local shapes and exit codes")
    func chairAgainstTheServer() throws {
        let city = CityFixture()
        try city.start()
        defer { _ = city.stop() }

        let login = try city.login("wangfang")
        #expect(login.status == 0, "\(login.stderr)")
        #expect(login.stderr.contains("signed in to \(city.url) as wangfang"))
        let saved = city.config.url.appendingPathComponent("bargain/server.json").path
        let mode = try FileManager.default.attributesOfItem(atPath: saved)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the token file is the owner's only")

        let wrong = try city.run(["login", city.url, "--name", "wangfang", "--password-stdin"], input: "not the password\n")
        #expect(wrong.status == 1 && wrong.stderr.hasPrefix("refused:"), "a wrong password is the server's refusal: \(wrong.stderr)")

        let sendNotice = StoreFixture.arguments(StoreFixture.script.acts[0], on: "ENT-WEB") + ["--server", city.url, "--request-id", "web-1"]
        let notice = try city.run(sendNotice)
        #expect(notice.status == 0, "\(notice.stderr)")
        #expect(notice.stdout.hasPrefix("recorded on ENT-WEB (now 2 events)"))
        let repeated = try city.run(sendNotice)
        #expect(repeated.status == 0 && repeated.stdout.hasPrefix("already recorded on ENT-WEB"),
                "the server answers a repeated request id with its first outcome, as a local store does: \(repeated.stdout)")
        #expect(notice.stdout.contains("职工方 wangfang"), "the actor is the account, not --as 王芳")

        let remote = try city.run(["status", "ENT-WEB", "--json", "--as-of", "2025-03-10", "--server", city.url])
        let local = try city.store.run(["status", "ENT-WEB", "--json", "--as-of", "2025-03-10"])
        #expect(remote.status == 0 && remote.stdout == local.stdout, "the same document from the server and the store")

        let reply = try city.run(["do", "ENT-WEB", "accept", "--on", "2025-03-10", "--server", city.url])
        #expect(reply.status == 1, "a seat's refusal is exit 1")
        #expect(reply.stderr.hasPrefix("refused:") && reply.stderr.contains("企业方"))

        let claimed = try city.run(["do", "ENT-WEB", "accept", "--on", "2025-03-10", "--as", "employer-side:liqiang", "--server", city.url])
        #expect(claimed.status == 1, "--as does not make the union chair the employer")

        let list = try city.run(["list", "--server", city.url])
        #expect(list.status == 0 && list.stdout.contains("ENT-WEB"))
        let log = try city.run(["log", "ENT-WEB", "--server", city.url])
        #expect(log.status == 0 && log.stdout.contains("wangfang"))
        let missing = try city.run(["status", "ENT-NONE", "--server", city.url])
        #expect(missing.status == 66)

        #expect(city.stop() == 0, "SIGTERM stops the server gracefully")
    }

    @Test("SIGKILL of the server while clients act: every act a client saw recorded is stored, and the chains verify")
    func killedDuringActs() throws {
        let city = CityFixture()
        try city.start()
        defer { _ = city.stop() }
        let ids = (1...16).map { "ENT-K\($0)" }
        for id in ids { try city.store.open(id) }
        #expect(try city.login("wangfang").status == 0)

        // Clients start 30 ms apart, so acts are always in flight; the server is killed as soon as
        // the first client has its answer. Clients not yet started then never act.
        var clients: [Process] = []
        for id in ids {
            clients.append(try BargainBinary.launch(
                StoreFixture.arguments(StoreFixture.script.acts[0], on: id) + ["--server", city.url],
                environment: city.store.environment.merging(city.environment) { $1 }, in: Repository.root) { process in
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                })
            Thread.sleep(forTimeInterval: 0.03)
            if !clients.allSatisfy(\.isRunning) { break }
        }
        let deadline = Date().addingTimeInterval(60)
        while clients.allSatisfy(\.isRunning), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let runningAtKill = clients.filter(\.isRunning).count
        kill(city.server!.processIdentifier, SIGKILL)
        city.server!.waitUntilExit()
        for client in clients { client.waitUntilExit() }

        // After a restart every act a client saw confirmed (exit 0) is stored; an act whose
        // answer was lost (exit 69) is stored whole or not at all.
        try city.start(opening: false)
        #expect(try city.login("wangfang").status == 0)
        var confirmed = 0
        for (id, client) in zip(ids, clients) {
            let version = try city.store.version(of: id)
            if client.terminationStatus == 0 {
                confirmed += 1
                #expect(version == 2, "\(id) was confirmed to its client")
            } else {
                #expect([1, 2].contains(version), "\(id): exit \(client.terminationStatus), version \(version)")
            }
        }
        #expect(try city.store.run(["verify"]).status == 0, "every chain verifies after the kill")
        for id in ids.dropFirst(clients.count) { #expect(try city.store.version(of: id) == 1, "\(id) never acted") }
        #expect(confirmed >= 1 && runningAtKill >= 1,
                "the kill came during the acts (\(confirmed) confirmed, \(runningAtKill) in flight, \(clients.count) started)")
    }

    @Test("a server that cannot be reached is exit 69; not signed in is exit 64; --server on a store command is refused")
    func unreachable() throws {
        let city = CityFixture()
        let notSignedIn = try city.run(["status", "ENT-WEB", "--server", "http://127.0.0.1:9"])
        #expect(notSignedIn.status == 64 && notSignedIn.stderr.contains("bargain login http://127.0.0.1:9"))
        let directory = city.config.url.appendingPathComponent("bargain")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(#"{"url":"http://127.0.0.1:9","token":"bgn_x"}"#.utf8).write(to: directory.appendingPathComponent("server.json"))
        let down = try city.run(["status", "ENT-WEB", "--server", "http://127.0.0.1:9"])
        #expect(down.status == 69, "\(down.stderr)")
        let verify = try city.run(["verify", "--server", "http://127.0.0.1:9"])
        #expect(verify.status == 64)
    }
}
