import Bargaining
import BargainingStore
import Foundation
import Testing

/// The concurrency and crash scenarios, run by StressTests against each backend through real
/// `bargain-store-stress` processes.
enum Stress {
    static let writers = 8
    static let decisionsPerWriter = 500

    /// 8 processes × 500 decisions, all on one negotiation (`shared`) or each on its own.
    /// Afterwards every decision is stored exactly once, each writer saw its conflicts as
    /// conflicts, and the chains verify.
    static func concurrent(_ subject: StoreUnderTest, shared: Bool) async throws {
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
                try ChildProcess.start(executable, [
                    "write", "--store", subject.location, "--workflows", Samples.workflowsPath,
                    "--negotiation", ids[shared ? 0 : writer - 1], "--writer", "w\(writer)", "--decisions", "\(decisionsPerWriter)",
                ])
            }
            var results: [ChildProcess.Result] = []
            for child in children { results.append(await child.wait()) }
            let elapsed = ContinuousClock.now - start

            // Each writer finished, and reported every conflict it met with the winner's version
            var conflicts = 0
            for (index, result) in results.enumerated() {
                try #require(result.status == 0, "writer \(index + 1) exited \(result.status): \(result.stderr)")
                let lines = result.stdout.split(separator: "\n")
                let reported = lines.filter { $0.hasPrefix("conflict ") }
                for line in reported {
                    let words = line.split(separator: " ")
                    #expect(Int(words[6])! > Int(words[4])!, "a conflict names a newer version: \(line)")
                }
                #expect(lines.last == "done w\(index + 1) decisions \(decisionsPerWriter) conflicts \(reported.count)")
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
            #expect(total == writers * decisionsPerWriter)
            let expected = Set((1...writers).flatMap { writer in (1...decisionsPerWriter).map { "w\(writer)-\($0)" } })
            #expect(Set(recorded.keys) == expected)
            #expect(recorded.values.allSatisfy { $0 == 1 })
            let report = try await store.verify(nil)
            #expect(report.isIntact, "\(report.mismatches)")
            print("\(subject.backend): \(writers) processes × \(decisionsPerWriter) decisions on \(ids.count) negotiation(s) in \(elapsed), \(conflicts) conflicts reported")
        }
    }

    /// A writer of 3-event decisions killed with SIGKILL at random moments, `kills` times.
    /// After each kill every acknowledged decision is stored and every stored decision is whole;
    /// at the end a freshly opened store verifies.
    static func crash(_ subject: StoreUnderTest, kills: Int) async throws {
        do {
            try await crashRounds(subject, kills: kills)
        } catch {
            await subject.cleanup()
            throw error
        }
        await subject.cleanup()
    }

    private static func crashRounds(_ subject: StoreUnderTest, kills: Int) async throws {
        let executable = try StressExecutable.require()
        let perDecision = 3
        let ids = (1...10).map { "CRASH-\($0)" }
        var rng = SystemRandomNumberGenerator()
        let start = ContinuousClock.now
        var beforeFirstCommit = 0, committedUnacknowledged = 0, decisions = 0

        let store = try await subject.open()
        var checked: [String: Int] = [:]
        var setup = 0
        for id in ids {
            let history = try Samples.inTalks(id: id)
            try await history.record(in: store)
            checked[id] = history.state.version
            setup = history.state.version
        }
        for kill in 0..<kills {
            let id = ids[kill % ids.count]
            let child = try ChildProcess.start(executable, [
                "crash", "--store", subject.location, "--workflows", Samples.workflowsPath, "--negotiation", id,
                "--events-per-decision", "\(perDecision)",
            ])
            // Mostly while appending; every tenth kill at any moment, opening the store included.
            if kill % 10 == 9 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...300, using: &rng)))
            } else {
                try await child.waitForLine("ready", timeout: .seconds(60))
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...150, using: &rng)))
            }
            Foundation.kill(child.process.processIdentifier, SIGKILL)
            let result = await child.wait()
            try #require(result.signalled, "the writer died on its own (status \(result.status)): \(result.stderr)")

            // Every acknowledged decision is stored; at most the one in flight besides
            let acknowledged = result.stdout.split(separator: "\n").last { $0.hasPrefix("committed ") }
                .map { Int($0.split(separator: " ")[1])! }
            let newer = try await store.load(id, after: checked[id]!).map(\.event)
            let version = checked[id]! + newer.count
            if let acknowledged {
                #expect(version >= acknowledged, "kill \(kill): acknowledged \(acknowledged) but stored \(version)")
                #expect(version <= acknowledged + perDecision, "kill \(kill): more than one decision beyond the acknowledged one")
                if version > acknowledged { committedUnacknowledged += 1 }
            } else {
                beforeFirstCommit += 1
            }

            // Each stored decision is whole: its events are parts 1…K of one token
            try #require(newer.count % perDecision == 0, "kill \(kill): \(newer.count) new events is not whole decisions")
            for first in stride(from: 0, to: newer.count, by: perDecision) {
                let token = "d\(newer[first].sequence)"
                for part in 0..<perDecision {
                    #expect(newer[first + part].fields.list("items") == [token, "part-\(part + 1)-of-\(perDecision)"])
                }
            }
            decisions += newer.count / perDecision
            checked[id] = version
        }
        await store.close()

        let reopened = try await subject.open()
        let report = try await reopened.verify(nil)
        let summaries = try await reopened.list(NegotiationQuery())
        await reopened.close()
        #expect(report.isIntact, "\(report.mismatches)")
        // A writer killed in the middle of committing leaves a decision that others see only a
        // little later: SQLite's after WAL recovery (the commit reached the WAL, the WAL index
        // was not updated yet), PostgreSQL's once the server has finished the COMMIT it had
        // received. Such a decision is whole and was never acknowledged, so seeing it or not is
        // right; anything else must be exactly as checked.
        var recovered = 0
        for summary in summaries {
            let seen = checked[summary.id]!
            #expect(summary.version == seen || summary.version == seen + perDecision, "\(summary.id): \(summary.version), checked \(seen)")
            #expect((summary.version - setup) % perDecision == 0)
            if summary.version != seen { recovered += 1 }
        }
        print("\(subject.backend): \(kills) SIGKILLs in \(ContinuousClock.now - start): \(decisions) decisions of \(perDecision) events stored whole, "
              + "\(beforeFirstCommit) kills before a writer's first commit, \(committedUnacknowledged) between a commit and its acknowledgement, "
              + "\(recovered) decisions that appeared on reopening; "
              + "\(report.eventsChecked) events verified")
    }
}
