@testable import BargainingStore
import Foundation
import Testing

@Suite("PostgreSQL store: connecting and refusals")
struct PostgresStoreTests {
    @Test("a server that does not answer is reported at once, in one line")
    func noServer() async throws {
        let start = ContinuousClock.now
        let error = await #expect(throws: StoreError.self) {
            try await openStore(StoreLocation("postgres://bargain:pw@127.0.0.1:1/bargain", environment: [:]))
        }
        #expect(ContinuousClock.now - start < .seconds(6))
        #expect(error == .unavailable(reason: "PostgreSQL at 127.0.0.1:1 does not answer (Connection refused)",
                                      hint: "start the server, or check the host and port in the store URL"))
    }

    @Test("wrong credentials are named as such", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func wrongPassword() async throws {
        guard let url = try Self.url() else { return }
        var components = URLComponents(string: url)!
        components.password = "wrong"
        let error = await #expect(throws: StoreError.self) {
            try await openStore(StoreLocation(components.string!, environment: [:]))
        }
        let message = try #require(error?.description)
        #expect(message.hasPrefix("store unavailable: PostgreSQL at \(components.host!):\(components.port!) refused user \(components.user!)"))
        #expect(message.hasSuffix("check the user and password in the store URL (or PGPASSWORD)"))
        #expect(!message.contains("\n"))
    }

    @Test("a missing database is named", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func missingDatabase() async throws {
        guard let url = try Self.url() else { return }
        var components = URLComponents(string: url)!
        components.path = "/no_such_database"
        let error = await #expect(throws: StoreError.self) {
            try await openStore(StoreLocation(components.string!, environment: [:]))
        }
        #expect(error == .unavailable(reason: "database no_such_database does not exist on PostgreSQL at \(components.host!):\(components.port!)",
                                      hint: "create it (createdb no_such_database) or fix the database name in the store URL"))
    }

    @Test("the database refuses to change or delete an event, for every role, unless a repair sets bargain.maintenance",
          .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func eventsAppendOnly() async throws {
        guard let subject = try PostgresServer.store(), let url = try Self.url() else { return }
        let store = try await subject.open()
        let history = try Samples.enterprise()
        try await history.record(in: store)
        let schema = try #require(URLComponents(string: subject.location)?.queryItems?.first { $0.name == "schema" }?.value)
        for statement in ["UPDATE events SET hash = 'x' WHERE sequence = 2", "DELETE FROM events WHERE sequence = 3", "TRUNCATE events CASCADE"] {
            // As the store's own role, which owns the table: the trigger holds even for the owner.
            #expect(throws: (any Error).self, "\(statement)") { try PostgresServer.psql(url, "SET search_path TO \(schema); \(statement)") }
        }
        let intact = try await store.verify(nil).isIntact, count = try await store.load(history.id).count
        #expect(intact && count == history.events.count, "nothing changed")
        try await subject.execute("UPDATE events SET recorded_at = recorded_at WHERE sequence = 1")  // the documented repair path
        await store.close()
        await subject.cleanup()
    }

    @Test("a schema written by a newer bargain is refused untouched", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func newerSchema() async throws {
        guard let subject = try PostgresServer.store() else { return }
        let store = try await subject.open()
        try await Samples.enterprise().record(in: store)
        await store.close()
        try await subject.execute("UPDATE bargain_meta SET value = '99' WHERE key = 'schema_version'")
        let error = await #expect(throws: StoreError.self) { try await subject.open() }
        #expect(error?.description.contains("was written by a newer bargain (schema 99, this one reads up to \(PostgresSchema.version))") == true)
        try await subject.execute("UPDATE bargain_meta SET value = '\(PostgresSchema.version)' WHERE key = 'schema_version'")
        let reopened = try await subject.open()
        #expect(try await reopened.verify(nil).eventsChecked == Samples.enterprise().events.count, "nothing was changed")
        await reopened.close()
        await subject.cleanup()
    }

    @Test("opened only to read, a database without a bargain store is an error and nothing is created", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func readOnlyMissing() async throws {
        guard let subject = try PostgresServer.store() else { return }
        let endpoint = try PostgresEndpoint(url: subject.location, environment: [:])
        let error = await #expect(throws: StoreError.self) { try await PostgresEventStore.open(endpoint, creating: false) }
        #expect(error?.description.contains("holds no bargain store. check the store URL; a command that only reads does not create one") == true,
                "\(String(describing: error))")
        // The schema was not created: a table cannot be made in it
        await #expect(throws: (any Error).self) { try await subject.execute("CREATE TABLE probe (key text)") }
        await subject.cleanup()
    }

    @Test("a schema holding someone else's events table is refused", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func foreignTables() async throws {
        guard let subject = try PostgresServer.store() else { return }
        let store = try await subject.open()
        await store.close()
        try await subject.execute("DROP TABLE contract_enterprises, contract_records, deadlines, events, negotiations, bargain_meta; CREATE TABLE events (id serial PRIMARY KEY)")
        let error = await #expect(throws: StoreError.self) { try await subject.open() }
        #expect(error?.description.contains("is not a bargain database") == true)
        await subject.cleanup()
    }

    @Test("a server that goes away mid-session fails requests in seconds, not never", .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func serverGoesAway() async throws {
        guard let url = try Self.url() else { return }
        // Given a store in a database of its own, so that only it loses its server
        let (database, location) = try PostgresServer.createDatabase(url, prefix: "gone")
        let components = URLComponents(string: url)!
        let store = try await PostgresEventStore.open(PostgresEndpoint(url: location, environment: [:]), timeout: .seconds(2))
        try await Samples.inTalks(id: "GONE").record(in: store)

        // When the database stops taking connections and drops the open ones
        try PostgresServer.psql(url, "ALTER DATABASE \(database) ALLOW_CONNECTIONS false")
        try PostgresServer.psql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)'")

        // Then the next requests fail with a reason within about the timeout
        for _ in 1...2 {
            let start = ContinuousClock.now
            let error = await #expect(throws: StoreError.self) { try await store.load("GONE") }
            #expect(ContinuousClock.now - start < .seconds(8))
            #expect(error?.description.hasPrefix("store unavailable: PostgreSQL at \(components.host!):\(components.port!)") == true, "\(String(describing: error))")
            #expect(error?.description.contains("\n") == false)
        }
        await store.close()
        try PostgresServer.psql(url, "DROP DATABASE \(database)")
    }

    static func url() throws -> String? {
        guard let url = PostgresServer.url else {
            Issue.record("CI requires PostgreSQL: BARGAIN_TEST_POSTGRES_URL is not set")
            return nil
        }
        return url
    }
}
