import BargainingStore
import Foundation
import Testing
import TestSupport

/// The store under faults: PostgreSQL sessions terminated while writers act (issue 18 item 7).
@Suite("PostgreSQL under a session killer", .serialized)
struct FaultTests {
    static let writers = 8
    static let actsPerWriter = 30
    /// The longest one act may take: the connect limit (5 s), the write transaction's (30 s), and
    /// the second of grace after a connection closes, with room for a loaded machine.
    static let actLimit = 40_000
    /// All writers together: seconds normally; a writer still running after this has hung.
    static let runLimit = Duration.seconds(150)

    @Test("8 writers × 30 acts while every bargain session is terminated every 50 ms: none hangs, and every outcome told is true",
          .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func killLoop() async throws {
        guard let url = try PostgresStoreTests.url() else { return }
        let executable = try StressExecutable.require()
        // A database of its own, so the killer ends only this test's sessions.
        let (database, location) = try PostgresServer.createDatabase(url, prefix: "faults")
        defer { PostgresServer.dropDatabase(url, database) }

        let id = "FAULTS"
        let store = try await openStore(StoreLocation(location, environment: [:]))
        try await Samples.inTalks(id: id).record(in: store)
        let setup = try Samples.inTalks(id: id).state.version
        await store.close()

        // Given a killer that terminates every bargain session of the database every 50 ms
        let killer = try Subprocess.start([PostgresServer.psqlPath, "-X", "-q", "-d", url, "-c", Self.killer(database)])
        // When 8 writers each act 30 times, opening the store for each act as `bargain do` does
        let start = ContinuousClock.now
        let children = try (1...Self.writers).map { writer in
            try Subprocess.start([executable, "acts", "--store", location, "--workflows", Repository.workflowsPath, "--negotiation", id,
                                                "--writer", "w\(writer)", "--decisions", "\(Self.actsPerWriter)"])
        }
        var outcomes: [Outcome] = []
        var hung = 0
        for (index, child) in children.enumerated() {
            guard let result = await child.wait(within: max(start + Self.runLimit - ContinuousClock.now, .zero)) else {
                hung += 1
                continue
            }
            #expect(result.status == 0, "writer \(index + 1) exited \(result.status): \(result.stderr)")
            outcomes += result.stdout.split(separator: "\n").compactMap(Outcome.init)
        }
        let elapsed = ContinuousClock.now - start
        try PostgresServer.psql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bargain-killer'")
        let killerResult = await killer.wait()
        #expect(killerResult.stderr.contains("terminating connection due to administrator command"), "the killer ran until stopped: \(killerResult.stderr)")

        // Then no writer hung, every act ended within its limit and said how
        #expect(hung == 0, "\(hung) writers did not finish")
        #expect(outcomes.count == Self.writers * Self.actsPerWriter - hung * Self.actsPerWriter)
        for outcome in outcomes { #expect(outcome.milliseconds < Self.actLimit, "\(outcome.key) took \(outcome.milliseconds) ms") }
        let count = Dictionary(grouping: outcomes, by: \.word).mapValues(\.count)
        #expect(count["not-recorded", default: 0] > 0, "the killer must have ended some acts: \(count)")

        // Every unknown outcome is resolved by acting again under its key (no killer now)
        let unknown = outcomes.filter { $0.word == "unknown" }.map(\.key)
        var retried: [Outcome] = []
        if !unknown.isEmpty {
            let retry = Subprocess.run([executable, "acts", "--store", location, "--workflows", Repository.workflowsPath, "--negotiation", id,
                                                          "--keys", unknown.joined(separator: ",")])
            retried = retry.stdout.split(separator: "\n").compactMap(Outcome.init)
            #expect(retried.map(\.key) == unknown)
            #expect(retried.allSatisfy { $0.word == "recorded" || $0.word == "replayed" }, "\(retry.stdout)")
        }

        // And what is stored is exactly what was told: recorded (or resolved) once, not recorded never
        let reopened = try await openStore(StoreLocation(location, environment: [:]))
        let events = try await reopened.load(id).dropFirst(setup)
        var stored: [String: Int] = [:]
        for event in events { for item in event.event.fields.list("items") { stored[item, default: 0] += 1 } }
        for outcome in outcomes {
            switch outcome.word {
            case "recorded", "unknown": #expect(stored[outcome.key] == 1, "\(outcome.key) (\(outcome.word)) is stored \(stored[outcome.key] ?? 0) times")
            default: #expect(stored[outcome.key] == nil, "\(outcome.key) was reported not recorded (\(outcome.reason)) but is stored")
            }
        }
        let report = try await reopened.verify(nil)
        #expect(report.isIntact, "\(report.mismatches)")
        await reopened.close()
        let replayed = retried.count(where: { $0.word == "replayed" })
        print("PostgreSQL kill loop: \(Self.writers) writers × \(Self.actsPerWriter) acts in \(elapsed), sessions terminated every 50 ms: "
              + "\(count["recorded", default: 0]) recorded, \(count["not-recorded", default: 0]) not recorded, \(unknown.count) unknown "
              + "(\(replayed) of them had been recorded, \(unknown.count - replayed) recorded on retry), \(hung) hung; "
              + "longest act \(outcomes.map(\.milliseconds).max() ?? 0) ms")
        // What the writers were told, by kind (ids and numbers left out)
        let reasons = Dictionary(grouping: outcomes.filter { $0.word != "recorded" }, by: { $0.word + ": " + $0.reason.prefix(110) }).mapValues(\.count)
        for (reason, count) in reasons.sorted(by: { $0.value > $1.value }) { print("  \(count) × \(reason)") }
    }

    @Test("a COMMIT that gets no answer is an unknown outcome within the limit, and its request id then shows what it recorded",
          .enabled(if: PostgresServer.runs, PostgresServer.skipReason))
    func unansweredCommit() async throws {
        guard let url = try PostgresStoreTests.url() else { return }
        let (database, location) = try PostgresServer.createDatabase(url, prefix: "unanswered")
        let components = URLComponents(string: url)!
        let endpoint = try PostgresEndpoint(url: location, environment: [:])
        let setup = try await PostgresEventStore.open(endpoint, timeout: .seconds(1))
        var history = try Samples.inTalks(id: "WAITS")
        try await history.record(in: setup)
        await setup.close()
        let terminate = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND application_name = 'bargain'"

        // Given commits in this database that wait for a synchronous standby that does not exist
        // (every other database commits locally meanwhile)
        for setting in ["ALTER SYSTEM SET synchronous_commit = 'local'", "ALTER SYSTEM SET synchronous_standby_names = 'bargain_missing_standby'",
                        "ALTER DATABASE \(database) SET synchronous_commit = 'on'", "SELECT pg_reload_conf()"] {
            try PostgresServer.psql(url, setting)
        }
        defer {
            for setting in ["ALTER SYSTEM RESET synchronous_standby_names", "ALTER SYSTEM RESET synchronous_commit", "SELECT pg_reload_conf()"] {
                try? PostgresServer.psql(url, setting)
            }
            PostgresServer.dropDatabase(url, database)
        }
        // (a database's settings apply to the sessions that start after them)
        let store = try await PostgresEventStore.open(endpoint, timeout: .seconds(1))
        func nextWrite(_ history: inout History) throws -> [NegotiationWrite] {
            try history.requestInformation(["item \(history.state.version)"])
            let decision = history.decisions.last!
            return [NegotiationWrite(decision.events, after: decision.expectedVersion, summary: history.summary)]
        }

        // When a COMMIT is not answered within the write limit (6 s for a 1 s connect timeout)
        let slow = try nextWrite(&history)
        var start = ContinuousClock.now
        let unanswered = await #expect(throws: StoreError.self) { try await store.commit(slow, request: "k-slow") }
        #expect(ContinuousClock.now - start < .seconds(9))
        #expect(unanswered == .outcomeUnknown(reason: "PostgreSQL at \(components.host!):\(components.port!) did not answer within 6 s after the commit was sent"))

        // And when the session is terminated while its COMMIT waits
        try PostgresServer.psql(url, terminate)
        let killer = Task {
            try await Task.sleep(for: .seconds(1))
            try PostgresServer.psql(url, terminate)
        }
        let killed = try nextWrite(&history)
        start = ContinuousClock.now
        let terminated = await #expect(throws: StoreError.self) { try await store.commit(killed, request: "k-killed") }
        try await killer.value
        #expect(ContinuousClock.now - start < .seconds(6))
        guard case .outcomeUnknown = terminated else { Issue.record("expected an unknown outcome, got \(String(describing: terminated))"); return }

        // Then both were in fact committed (locally, before the wait), and each request id says so
        try PostgresServer.psql(url, "ALTER DATABASE \(database) RESET synchronous_commit")
        try PostgresServer.psql(url, terminate)
        let first = try #require(try await store.recordedRequest("k-slow"))
        let second = try #require(try await store.recordedRequest("k-killed"))
        #expect(second.versionBefore == first.version)
        #expect(try await store.load("WAITS").count == second.version)
        #expect(try await store.verify(nil).isIntact)
        await store.close()
    }

    /// One outcome line of `bargain-store-stress acts`.
    struct Outcome {
        var word: String
        var key: String
        var milliseconds: Int
        var reason: String

        init?(_ line: Substring) {
            let parts = line.split(separator: " ", maxSplits: 3)
            guard parts.count >= 3, let milliseconds = Int(parts[2]) else { return nil }
            word = String(parts[0])
            key = String(parts[1])
            self.milliseconds = milliseconds
            reason = parts.count > 3 ? String(parts[3]) : ""
        }
    }

    /// A server-side loop, so it costs no process per kill: every 50 ms for at most 5 minutes,
    /// terminate every `bargain` session of `database` (the killer is stopped by terminating it).
    static func killer(_ database: String) -> String {
        """
        SET application_name = 'bargain-killer';
        DO $$
        DECLARE stop timestamptz := clock_timestamp() + interval '5 minutes';
        BEGIN
          WHILE clock_timestamp() < stop LOOP
            PERFORM pg_stat_clear_snapshot();
            PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND application_name = 'bargain';
            PERFORM pg_sleep(0.05);
          END LOOP;
        END $$;
        """
    }
}
