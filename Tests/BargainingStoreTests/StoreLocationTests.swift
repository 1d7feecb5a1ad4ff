import BargainingStore
import Testing

@Suite("Choosing a store: --store, BARGAIN_STORE, the default")
struct StoreLocationTests {
    @Test("a postgres:// URL names a server, with its parts")
    func postgresURL() throws {
        let location = try StoreLocation("postgres://bargain:s%40cret@db.example.cn:6543/city?schema=chaoyang&sslmode=require", environment: [:])
        #expect(location == .postgres(PostgresEndpoint(host: "db.example.cn", port: 6543, user: "bargain", password: "s@cret",
                                                       database: "city", schema: "chaoyang", tls: .require)))
        #expect(location.description == "postgres://bargain@db.example.cn:6543/city?schema=chaoyang", "no password in messages")
    }

    @Test("postgresql:// works too; the port defaults to 5432 and the password may come from PGPASSWORD")
    func postgresqlScheme() throws {
        let location = try StoreLocation("postgresql://union@localhost/bargain", environment: ["PGPASSWORD": "pw"])
        #expect(location == .postgres(PostgresEndpoint(host: "localhost", port: 5432, user: "union", password: "pw", database: "bargain")))
    }

    @Test("anything else is a SQLite path, never created implicitly")
    func sqlitePath() throws {
        #expect(try StoreLocation("/srv/bargain/chaoyang.sqlite", environment: [:]) == .sqlite(path: "/srv/bargain/chaoyang.sqlite", createsDirectory: false))
    }

    @Test("--store wins over BARGAIN_STORE, which wins over the default")
    func precedence() throws {
        let environment = ["BARGAIN_STORE": "/env/store.sqlite", "HOME": "/home/wang"]
        #expect(try StoreLocation("/option.sqlite", environment: environment) == .sqlite(path: "/option.sqlite", createsDirectory: false))
        #expect(try StoreLocation(nil, environment: environment) == .sqlite(path: "/env/store.sqlite", createsDirectory: false))
        #expect(try StoreLocation(nil, environment: ["HOME": "/home/wang"])
            == .sqlite(path: "/home/wang/.local/share/bargain/bargain.sqlite", createsDirectory: true))
        #expect(try StoreLocation(nil, environment: ["HOME": "/home/wang", "XDG_DATA_HOME": "/data"])
            == .sqlite(path: "/data/bargain/bargain.sqlite", createsDirectory: true))
    }

    @Test("bad URLs and a missing home are one-line errors that say what to do", arguments: [
        "postgres://localhost/bargain",
        "postgres://bargain@localhost",
        "postgres://bargain@/bargain",
        "postgres://bargain@localhost/bargain?schema=Robert'); DROP TABLE events",
        "postgres://bargain@localhost/bargain?sslmode=sometimes",
    ])
    func badURL(_ url: String) throws {
        let error = #expect(throws: StoreError.self) { try StoreLocation(url, environment: [:]) }
        let message = try #require(error?.description)
        #expect(!message.contains("\n"))
        #expect(message.contains("URL"))
    }

    @Test("no HOME and no XDG_DATA_HOME: told to name a store")
    func noHome() {
        #expect(throws: StoreError.unavailable(reason: "neither XDG_DATA_HOME nor HOME is set, so there is no default store location",
                                               hint: "name a store with --store PATH or BARGAIN_STORE")) {
            try StoreLocation(nil, environment: [:])
        }
    }
}
