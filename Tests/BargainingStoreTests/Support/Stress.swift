import Bargaining
import BargainingStore
import Foundation
import Testing
import TestSupport

/// The concurrency and crash scenarios, run by StressTests against each backend through real
/// `bargain-store-stress` processes.
enum Stress {
    static let writers = 8
    static let decisionsPerWriter = 500

    /// 8 processes × 500 decisions, all on one negotiation (`shared`) or each on its own.
    /// Afterwards every decision is stored exactly once, each writer saw its conflicts as
    /// conflicts, and the chains verify. With `serviceRetries` the writers retry as the CLI does
    /// (the service's attempts and jittered backoff) and report each decision they give up on:
    /// then every decision is stored once or reported given up, never both, never neither.
    static func concurrent(_ subject: StoreUnderTest, shared: Bool, decisionsPerWriter: Int = decisionsPerWriter,
                           serviceRetries: Bool = false) async throws {
        let executable = try StressExecutable.require()
        try await subject.with { store in
            let ids = shared ? ["STRESS-SHARED"] : (1...writers).map { "STRESS-W\($0)" }
            var setupVersion = 0
            for id in ids {
                let history = try Samples.inTalks(id: id)
                try await history.record(in: store)
                setupVersion = history.state.version
            }

            let start = ContinuousClock.now
            let children = try (1...writers).map { writer in
                try Subprocess.start([executable,
                    "write", "--store", subject.location, "--workflows", Repository.workflowsPath,
                    "--negotiation", ids[shared ? 0 : writer - 1], "--writer", "w\(writer)", "--decisions", "\(decisionsPerWriter)",
                ] + (serviceRetries ? ["--retries", "service"] : []))
            }
            var results: [Subprocess.Result] = []
            for child in children { results.append(await child.wait()) }
            let elapsed = ContinuousClock.now - start

            // Each writer finished, and reported every conflict it met with the winner's version
            var conflicts = 0
            var givenUp: Set<String> = []
            for (index, result) in results.enumerated() {
                try #require(result.status == 0, "writer \(index + 1) exited \(result.status): \(result.stderr)")
                let lines = result.stdout.split(separator: "\n")
                let reported = lines.filter { $0.hasPrefix("conflict ") }
                for line in reported {
                    let words = line.split(separator: " ")
                    #expect(Int(words[6])! > Int(words[4])!, "a conflict names a newer version: \(line)")
                }
                let gaveUp = lines.filter { $0.hasPrefix("gave-up ") }.map { $0.split(separator: " ") }.map { "\($0[1])-\($0[2])" }
                givenUp.formUnion(gaveUp)
                let done = "done w\(index + 1) decisions \(decisionsPerWriter) conflicts \(reported.count)" + (serviceRetries ? " gave-up \(gaveUp.count)" : "")
                #expect(lines.last.map(String.init) == done)
                conflicts += reported.count
            }
            if shared { #expect(conflicts > 0, "eight writers on one negotiation must collide") } else { #expect(conflicts == 0) }

            // No decision lost, none recorded twice
            var recorded: [String: Int] = [:]
            var total = 0
            for id in ids {
                let events = try await store.load(id).map(\.event)
                total += events.count - setupVersion
                for event in events.dropFirst(setupVersion) {
                    for item in event.fields.list("items") { recorded[item, default: 0] += 1 }
                }
                let summary = try await store.list(NegotiationQuery()).first { $0.id == id }
                #expect(summary?.version == events.count)
            }
            #expect(total == writers * decisionsPerWriter - givenUp.count)
            let expected = Set((1...writers).flatMap { writer in (1...decisionsPerWriter).map { "w\(writer)-\($0)" } }).subtracting(givenUp)
            #expect(Set(recorded.keys) == expected)
            #expect(recorded.values.allSatisfy { $0 == 1 })
            let report = try await store.verify(nil)
            #expect(report.isIntact, "\(report.mismatches)")
            print("\(subject.backend): \(writers) processes × \(decisionsPerWriter) decisions on \(ids.count) negotiation(s) in \(elapsed), \(conflicts) conflicts reported"
                  + (serviceRetries ? ", each decision retried as the CLI does: \(givenUp.count) given up" : ""))
        }
    }

    /// A writer of renewals killed with SIGKILL at random moments, `kills` times. A renewal is
    /// one commit of two negotiations (the request on the old one, the opening of the new one):
    /// after each kill every acknowledged renewal is stored, and for every negotiation the
    /// request and the renewal it opens are both stored or both absent. At the end a freshly
    /// opened store verifies and says the same.
    static func crash(_ subject: StoreUnderTest, kills: Int) async throws {
        do {
            try await crashRounds(subject, kills: kills)
        } catch {
            await subject.cleanup()
            throw error
        }
        await subject.cleanup()
    }

    /// Whether `id` has been renewed, checked from both sides: the request recorded on it, and the
    /// renewal negotiation it opens.
    static func renewal(of id: String, after setup: Int, in store: any EventStore) async throws -> (requested: Bool, opened: Bool) {
        (try await !store.load(id, after: setup).isEmpty, try await store.exists(id + "-R"))
    }

    private static func crashRounds(_ subject: StoreUnderTest, kills: Int) async throws {
        let executable = try StressExecutable.require()
        // Enough in force for every writer to renew until it is killed, created in few commits.
        let ids = (1...kills * 6).map { String(format: "CRASH-%05d", $0) }
        var rng = SystemRandomNumberGenerator()
        let start = ContinuousClock.now
        var beforeFirstCommit = 0, committedUnacknowledged = 0, renewals = 0

        let store = try await subject.open()
        let setup = try Samples.enterprise(id: ids[0]).state.version
        for batch in stride(from: 0, to: ids.count, by: 100) {
            try await store.commit(try ids[batch..<min(batch + 100, ids.count)].map { id in
                let history = try Samples.enterprise(id: id)
                return NegotiationWrite(history.events, after: 0, summary: history.summary)
            })
        }
        var next = 0  // the first negotiation not yet seen renewed
        for kill in 0..<kills {
            let child = try Subprocess.start([executable,
                "renew", "--store", subject.location, "--workflows", Repository.workflowsPath, "--negotiation", "CRASH-", "--on", "2026-02-02",
            ])
            // Mostly within its first few renewals, whatever the backend's speed; every tenth kill at
            // any moment, opening the store included.
            if kill % 10 == 9 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...300, using: &rng)))
            } else {
                try await child.waitForLine("ready", timeout: .seconds(60))
                try await child.waitForLine("renewed ", count: Int.random(in: 0...4, using: &rng), timeout: .seconds(60))
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...10, using: &rng)))
            }
            child.signal(SIGKILL)
            let result = await child.wait()
            try #require(result.signalled, "the writer died on its own (status \(result.status)): \(result.stderr)")
            try #require(!result.stdout.contains("exhausted"), "kill \(kill): the writer ran out of negotiations to renew")

            // Every acknowledged renewal is stored whole; so is each one before the first not renewed
            let acknowledged = Set(result.stdout.split(separator: "\n").filter { $0.hasPrefix("renewed ") }.map { String($0.dropFirst(8)) })
            var seen = 0
            while next < ids.count {
                let (requested, opened) = try await renewal(of: ids[next], after: setup, in: store)
                #expect(requested == opened, "kill \(kill): \(ids[next]) requested \(requested), renewal opened \(opened)")
                guard requested else { break }
                if !acknowledged.contains(ids[next]) { committedUnacknowledged += 1 }
                seen += 1
                next += 1
            }
            if acknowledged.isEmpty && seen == 0 { beforeFirstCommit += 1 }
            #expect(acknowledged.allSatisfy { ids[..<next].contains($0) }, "kill \(kill): an acknowledged renewal is missing")
            renewals += seen
        }
        await store.close()

        let reopened = try await subject.open()
        let report = try await reopened.verify(nil)
        let versions = Dictionary(uniqueKeysWithValues: try await reopened.list(NegotiationQuery()).map { ($0.id, $0.version) })
        await reopened.close()
        #expect(report.isIntact, "\(report.mismatches)")
        // A writer killed in the middle of committing leaves a renewal that others see only a
        // little later: SQLite's after WAL recovery (the commit reached the WAL, the WAL index
        // was not updated yet), PostgreSQL's once the server has finished the COMMIT it had
        // received. Such a renewal is whole and was never acknowledged, so seeing it or not is
        // right; a request without its renewal, or a renewal without its request, is not.
        var recovered = 0
        for (index, id) in ids.enumerated() {
            let requested = versions[id] == setup + 1
            #expect(requested == (versions[id + "-R"] != nil), "\(id): request and renewal disagree after reopening")
            #expect(versions[id] == setup || requested, "\(id): at version \(versions[id] ?? -1)")
            if requested && index >= next { recovered += 1 }
        }
        print("\(subject.backend): \(kills) SIGKILLs in \(ContinuousClock.now - start): \(renewals) renewals stored whole (old and new in one commit), "
              + "\(beforeFirstCommit) kills before a writer's first commit, \(committedUnacknowledged) between a commit and its acknowledgement, "
              + "\(recovered) renewals that appeared on reopening; \(report.eventsChecked) events verified")
    }
}
